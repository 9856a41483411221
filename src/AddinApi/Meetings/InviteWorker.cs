using CollabAddin.Api.Data;
using CollabAddin.Api.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.Meetings;

/// <summary>
/// The outbox worker: every few seconds, sends the invites that are due (Graph was down, the API restarted
/// mid-send, the organizer changed a meeting). Safe to run in every API instance: each meeting is claimed first.
/// </summary>
public sealed class InviteWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<InviteOptions> options, ILogger<InviteWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up thread at once: the first pass compiles its queries, and the host waits for this method's
        // synchronous part before it opens the port.
        await Task.Yield();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.InvitePassFailed(e);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over the due invites, across tenants. Returns how many were sent or attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Series first: linking a series' occurrences makes their own updates and cancellations due in this same pass.
        var sent = await RunSeriesAsync(now, ct);
        List<(Guid Id, string TenantId)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CollabDb>();
            due = (await db.Meetings.IgnoreQueryFilters()
                .Where(m => (m.Invite.State == InviteState.CreatePending || m.Invite.State == InviteState.UpdatePending || m.Invite.State == InviteState.CancelPending)
                            && (m.Invite.NextAttemptAt == null || m.Invite.NextAttemptAt <= now)
                            && (m.Invite.LeaseUntil == null || m.Invite.LeaseUntil < now))
                .OrderBy(m => m.Invite.NextAttemptAt)
                .Select(m => new { m.Id, m.TenantId })
                .Take(50)
                .ToListAsync(ct)).Select(m => (m.Id, m.TenantId)).ToList();
        }
        foreach (var (id, tenantId) in due)
        {
            try
            {
                if (await InviteDispatch.SendAsync(scopes, tenantId, id, ct))
                    sent++;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // The sender records its own failures; this is the store failing around it. The meeting's lease lapses
                // and it is tried again then; the other meetings go on now.
                log.InviteSendFailed(id, e.GetType().Name);
            }
        }
        return sent;
    }

    private async Task<int> RunSeriesAsync(DateTime now, CancellationToken ct)
    {
        List<(Guid Id, string TenantId)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CollabDb>();
            due = (await db.Series.IgnoreQueryFilters()
                .Where(s => (s.Invite.State == InviteState.CreatePending || s.Invite.State == InviteState.UpdatePending || s.Invite.State == InviteState.CancelPending)
                            && (s.Invite.NextAttemptAt == null || s.Invite.NextAttemptAt <= now)
                            && (s.Invite.LeaseUntil == null || s.Invite.LeaseUntil < now))
                .OrderBy(s => s.Invite.NextAttemptAt).Select(s => new { s.Id, s.TenantId }).Take(20).ToListAsync(ct)).Select(s => (s.Id, s.TenantId)).ToList();
        }
        var sent = 0;
        foreach (var (id, tenantId) in due)
        {
            try
            {
                if (await InviteDispatch.SendSeriesAsync(scopes, tenantId, id, ct)) sent++;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.InviteSendFailed(id, e.GetType().Name); // its lease lapses and it is tried again then
            }
        }
        return sent;
    }
}
