using System.Threading.RateLimiting;

namespace CollabAddin.Api.Minutes;

/// <summary>Section <c>RateLimits</c>, the part about publishing.</summary>
public sealed class PublishLimits
{
    /// <summary>Publishes read and merged at once in this instance (each holds a document and its object model).</summary>
    public int ConcurrentPublishes { get; set; } = Math.Max(2, Environment.ProcessorCount);
    /// <summary>Publishes waiting for a turn; past this, and after <see cref="QueueSeconds"/> of waiting, 503 with Retry-After.</summary>
    public int PublishQueue { get; set; } = 16;
    public int QueueSeconds { get; set; } = 20;
}

/// <summary>
/// Bounds the publishes one instance works on at once. The per-user rate limit does not help when many people (or one
/// script with many accounts) publish together: each publish holds its document in memory and its parse and merge
/// use a core, so past a few at once everyone gets slower and the process grows. Waiting is queued in order.
/// </summary>
public sealed class PublishGate(Microsoft.Extensions.Options.IOptions<PublishLimits> options) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.ConcurrentPublishes,
        QueueLimit = options.Value.PublishQueue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>A turn to publish, or null when the queue is full or the wait ran out (the caller answers 503).</summary>
    public async Task<RateLimitLease?> EnterAsync(CancellationToken requestAborted)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        wait.CancelAfter(TimeSpan.FromSeconds(options.Value.QueueSeconds));
        try
        {
            var lease = await _limiter.AcquireAsync(1, wait.Token);
            if (lease.IsAcquired) return lease;
            lease.Dispose();
            return null;
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            return null;
        }
    }

    public void Dispose() => _limiter.Dispose();
}
