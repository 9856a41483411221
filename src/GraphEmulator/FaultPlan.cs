namespace CollabAddin.GraphEmulator;

public enum FaultKind
{
    /// <summary>429 with Retry-After, as Graph throttles.</summary>
    Throttle,
    /// <summary>503 Service Unavailable with Retry-After.</summary>
    Unavailable,
    /// <summary>504 Gateway Timeout.</summary>
    GatewayTimeout,
    /// <summary>Wait before answering normally.</summary>
    Slow,
    /// <summary>Close the connection before doing anything.</summary>
    Drop,
    /// <summary>Do the work, then close the connection: the client never hears that it succeeded.</summary>
    DropAfterCommit,
    /// <summary>403 ErrorAccessDenied: a refusal that retrying will not change.</summary>
    Refuse,
}

/// <summary>A fault for requests that match: the next <c>Times</c> of them, or a share of them at random.</summary>
public sealed record FaultRule(FaultKind Kind, string? Method = null, string? PathContains = null, int Times = 1,
    double Probability = 1.0, int RetryAfterSeconds = 1, int DelayMs = 0)
{
    public bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathContains is null || path.Contains(PathContains, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The faults tests inject. Deterministic for a given seed.</summary>
public sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private readonly List<(FaultRule Rule, int Left)> _rules = [];
    private Random _random = new(1);

    public void Seed(int seed) { lock (_gate) _random = new Random(seed); }

    public void Add(FaultRule rule) { lock (_gate) _rules.Add((rule, rule.Times)); }

    public void Clear() { lock (_gate) _rules.Clear(); }

    /// <summary>The fault this request gets, if any; a rule with Times = int.MaxValue stays until cleared.</summary>
    public FaultRule? Next(string method, string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var (rule, left) = _rules[i];
                if (left <= 0 || !rule.Matches(method, path) || _random.NextDouble() >= rule.Probability)
                    continue;
                if (left != int.MaxValue)
                    _rules[i] = (rule, left - 1);
                return rule;
            }
            return null;
        }
    }
}
