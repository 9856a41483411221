using System.Text.RegularExpressions;

namespace CollabAddin.Minutes;

/// <summary>
/// Resolves an owner as people write it — display name, email, "@name", or "Name &lt;email&gt;" — against the
/// meeting's attendees. Unknown or ambiguous names are not guessed: the caller turns them into a warning.
/// </summary>
public sealed partial class People(IReadOnlyList<ResolvedPerson> attendees)
{
    public enum Match { Found, Unknown, Ambiguous, Empty }

    /// <summary>Answers already given: a table names the same few people on every row.</summary>
    private readonly Dictionary<string, (Match, ResolvedPerson?)> _resolved = new(StringComparer.Ordinal);

    public (Match Result, ResolvedPerson? Person) Resolve(string text)
    {
        if (_resolved.TryGetValue(text, out var known)) return known;
        var answer = Find(text);
        if (_resolved.Count < 1_000) _resolved[text] = answer;
        return answer;
    }

    private (Match Result, ResolvedPerson? Person) Find(string text)
    {
        var t = Regex.Replace(text.Trim(), @"\s+", " ");
        if (t.Length == 0) return (Match.Empty, null);
        var angle = AngleEmail().Match(t);
        if (angle.Success) t = angle.Groups["email"].Value;
        if (t.Contains('@') && !t.StartsWith('@'))
        {
            var byEmail = attendees.FirstOrDefault(a => string.Equals(a.Email, t, StringComparison.OrdinalIgnoreCase));
            return byEmail is null ? (Match.Unknown, null) : (Match.Found, byEmail);
        }
        var name = t.TrimStart('@');
        var candidates = attendees.Where(a => Same(a.DisplayName, name)).ToList();
        if (candidates.Count == 0 && t.StartsWith('@'))
            candidates = attendees.Where(a => string.Equals(a.Email.Split('@')[0], name, StringComparison.OrdinalIgnoreCase)
                || Same(a.DisplayName.Replace(" ", ""), name.Replace(" ", ""))).ToList();
        return candidates.Count switch
        {
            1 => (Match.Found, candidates[0]),
            0 => (Match.Unknown, null),
            _ => (Match.Ambiguous, null),
        };
    }

    /// <summary>
    /// Attendees whose name is close to what was written — another spelling, the parts reversed, a typo, the name
    /// inside a longer one, the email's local part — to offer the note-taker, never to pick. Closest first, at most three.
    /// </summary>
    public IReadOnlyList<ResolvedPerson> Close(string text)
    {
        var written = Squash(AngleEmail().Replace(text, "").Trim().TrimStart('@').Split('@')[0]);
        if (written.Length < 2) return [];
        var parts = Parts(text);
        return attendees
            .Select(a => (Person: a, Distance: Distance(written, parts, a)))
            .Where(c => c.Distance is not null)
            .OrderBy(c => c.Distance).ThenBy(c => c.Person.DisplayName, StringComparer.Ordinal)
            .Take(3).Select(c => c.Person).ToList();
    }

    private static int? Distance(string written, string[] parts, ResolvedPerson attendee)
    {
        var name = Squash(attendee.DisplayName);
        var local = Squash(attendee.Email.Split('@')[0]);
        if (name == written || local == written) return 0;
        if (parts.Length > 1 && parts.Order(StringComparer.Ordinal).SequenceEqual(Parts(attendee.DisplayName).Order(StringComparer.Ordinal))) return 0;
        var edits = Math.Min(Levenshtein(written, name), Levenshtein(written, local));
        if (edits <= (written.Length <= 4 ? 1 : 2)) return edits;
        if (name.Contains(written, StringComparison.Ordinal) || written.Contains(name, StringComparison.Ordinal) && name.Length >= 2) return 3;
        return null;
    }

    private static string Squash(string text) => new([.. text.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
    private static string[] Parts(string text) => text.ToLowerInvariant().Split([' ', '.', '-', '_', ','], StringSplitOptions.RemoveEmptyEntries);

    private static int Levenshtein(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2) return int.MaxValue;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"<(?<email>[^<>\s]+@[^<>\s]+)>")] private static partial Regex AngleEmail();
}
