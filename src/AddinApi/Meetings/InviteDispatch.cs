using CollabAddin.Api.Data;
using CollabAddin.Api.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.Meetings;

/// <summary>Sends a meeting's pending invite now, in a scope of its own (the caller's DbContext stays untouched).</summary>
public sealed class InviteDispatch(IServiceScopeFactory scopes, IOptions<InviteOptions> options, ILogger<InviteDispatch> log)
{
    /// <summary>
    /// Tries once, bounded in time, for a request that wants to show the result. Whatever is not done by then
    /// is left to the worker: the meeting is already stored, so nothing is lost by giving up here.
    /// </summary>
    public async Task TryNowAsync(string tenantId, Guid meetingId, CancellationToken requestAborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.InlineTimeoutSeconds));
        try
        {
            await SendAsync(scopes, tenantId, meetingId, timeout.Token);
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            log.InviteLeftToWorker(meetingId);
        }
    }

    /// <summary>The series' recurring event now, bounded like <see cref="TryNowAsync"/>; the worker does what is left.</summary>
    public async Task TrySeriesNowAsync(string tenantId, Guid seriesId, CancellationToken requestAborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.InlineTimeoutSeconds));
        try
        {
            await SendSeriesAsync(scopes, tenantId, seriesId, timeout.Token);
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            log.InviteLeftToWorker(seriesId);
        }
    }

    /// <summary>
    /// After the series' event: the few coming occurrences it left with an update of their own (an agenda of their own,
    /// moved) are sent now too, nearest first; any more, and any that time out, are the worker's.
    /// </summary>
    public async Task TryOccurrencesNowAsync(string tenantId, Guid seriesId, CancellationToken requestAborted, int max = 3)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentTenant>().Id = tenantId;
            due = await scope.ServiceProvider.GetRequiredService<CollabDb>().Meetings
                .Where(m => m.SeriesId == seriesId && m.Invite.State == InviteState.UpdatePending)
                .OrderBy(m => m.StartUtc).Select(m => m.Id).Take(max).ToListAsync(requestAborted);
        }
        foreach (var id in due) await TryNowAsync(tenantId, id, requestAborted);
    }

    public static async Task<bool> SendSeriesAsync(IServiceScopeFactory scopes, string tenantId, Guid seriesId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Id = tenantId;
        return await scope.ServiceProvider.GetRequiredService<Series.SeriesInviteSender>().TrySendAsync(seriesId, ct);
    }

    public static async Task<bool> SendAsync(IServiceScopeFactory scopes, string tenantId, Guid meetingId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Id = tenantId; // Graph and the store act for this meeting's tenant
        return await scope.ServiceProvider.GetRequiredService<InviteSender>().TrySendAsync(meetingId, ct);
    }
}
