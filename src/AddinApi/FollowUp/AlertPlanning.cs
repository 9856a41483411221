using System.Runtime.CompilerServices;
using CollabAddin.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.FollowUp;

/// <summary>
/// Queues the alert a change calls for (needs help, blocked) in the same transaction as the change itself: an EF save
/// interceptor reading the history rows the store is writing (<see cref="CollabDb.ChangesBeingSaved"/>). When the save
/// lands, the outbox worker is woken so the alert goes out at once rather than at its next poll.
/// </summary>
internal sealed class AlertPlanning(IOptions<FollowUpOptions> options, OutboxSignal signal) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _alerted = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CollabDb { ChangesBeingSaved.Count: > 0 } db)
        {
            // The tracker was scanned once before history was recorded; planning reads it without scanning again.
            var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                if (await Alerts.PlanAsync(db, db.ChangesBeingSaved, options.Value, db.SavingAt, cancellationToken))
                    _alerted.AddOrUpdate(db, this);
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            }
        }
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _alerted.Remove(context)) signal.Notify();
        return ValueTask.FromResult(result);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) _alerted.Remove(context);
        return Task.CompletedTask;
    }
}
