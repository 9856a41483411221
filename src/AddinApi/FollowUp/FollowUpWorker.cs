using CollabAddin.Api.Data;
using CollabAddin.Api.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.FollowUp;

/// <summary>
/// Plans what is due (digests, escalations, weekly reports) and sends queued mail every PollSeconds, and sends at once
/// when an alert is queued. Safe in every API instance: planning is idempotent by key, sending is claimed by lease.
/// </summary>
public sealed class FollowUpWorker(IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock, IOptions<FollowUpOptions> options, ILogger<FollowUpWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up thread at once: the first pass compiles its queries, and the host waits for this method's
        // synchronous part before it opens the port.
        await Task.Yield();
        long? plannedAt = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Planning is a pass over the store and is due every PollSeconds; a wake-up for a queued alert only sends
                // (alerts are queued with the change that raised them), or a burst of alerts would be a burst of passes.
                if (plannedAt is null || System.Diagnostics.Stopwatch.GetElapsedTime(plannedAt.Value) >= TimeSpan.FromSeconds(options.Value.PollSeconds))
                {
                    plannedAt = System.Diagnostics.Stopwatch.GetTimestamp(); // from the start: a pass that throws is not retried at once
                    await RunOnceAsync(stoppingToken);
                }
                else
                    await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.FollowUpPassFailed(e);
            }
            try { await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One pass: plan, then send. Returns how many mails were sent or attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var activity = Telemetry.Source.StartActivity("followup.pass");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using (var scope = scopes.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<FollowUpPlanner>().PlanAsync(ct);
        var sent = await SendDueAsync(ct);
        Telemetry.FollowUpPass.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        activity?.SetTag("collab.mails", sent);
        return sent;
    }

    /// <summary>
    /// Sends what is due. Mail without attachments (alerts, digests, escalations: nearly all of it) goes in Graph
    /// $batch requests of up to 20 per tenant; mail carrying a document goes on its own, as batches are size-bound.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<(Guid Id, string TenantId, bool Attached)> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = (await scope.ServiceProvider.GetRequiredService<CollabDb>().OutboxMails.IgnoreQueryFilters()
                .Where(m => m.State == OutboxState.Pending && (m.NextAttemptAt == null || m.NextAttemptAt <= now) && (m.LeaseUntil == null || m.LeaseUntil < now))
                .OrderBy(m => m.CreatedAt).Take(100).Select(m => new { m.Id, m.TenantId, Attached = m.Attachment != null }).ToListAsync(ct))
                .Select(m => (m.Id, m.TenantId, m.Attached)).ToList();
        var sent = 0;
        foreach (var tenant in due.GroupBy(m => m.TenantId))
        {
            var batched = tenant.ToLookup(m => options.Value.BatchMail && !m.Attached, m => m.Id);
            foreach (var chunk in batched[true].Chunk(Graph.GraphGateway.MaxBatch))
                sent += await IsolatedAsync(tenant.Key, chunk, sender => sender.TrySendBatchAsync(chunk, ct), ct);
            foreach (var id in batched[false])
                sent += await IsolatedAsync(tenant.Key, [id], async sender => await sender.TrySendAsync(id, ct) ? 1 : 0, ct);
        }
        return sent;
    }

    /// <summary>
    /// Sends one unit (a mail, or one batch) so that what it throws beyond Graph's own answers — a mail that cannot be
    /// serialized, a store error while recording — is recorded against those mails alone, and the pass goes on.
    /// </summary>
    private async Task<int> IsolatedAsync(string tenantId, Guid[] ids, Func<OutboxSender, Task<int>> send, CancellationToken ct)
    {
        try
        {
            await using var scope = ScopeFor(tenantId);
            return await send(scope.ServiceProvider.GetRequiredService<OutboxSender>());
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.MailBatchFailed(ids.Length, tenantId, e.GetType().Name);
            await using var scope = ScopeFor(tenantId);
            await scope.ServiceProvider.GetRequiredService<OutboxSender>().RecordFailureAsync(ids, e, ct);
            return ids.Length;
        }
    }

    private AsyncServiceScope ScopeFor(string tenantId)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Id = tenantId; // Graph and the store act for this mail's tenant
        return scope;
    }
}
