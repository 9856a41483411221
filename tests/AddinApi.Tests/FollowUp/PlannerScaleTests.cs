using System.Diagnostics;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.FollowUp;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.FollowUp;

/// <summary>
/// A planning pass over a store where everything due was already queued asks the database a few batched questions,
/// not one per mail: at a million items the per-mail lookups were most of the store's load with the workers on.
/// </summary>
public sealed class PlannerScaleTests
{
    private const int Items = 60;

    [Fact]
    public async Task A_pass_over_mail_already_queued_asks_a_few_questions_whatever_the_number_of_items()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app); // Carol's item, due 1 Dec, with Marketing as its lead
        await app.WithDbAsync(Tenant, async db =>
        {
            for (var i = 1; i < Items; i++) // one item each for 59 more people, all ten days late on the clock below
                db.ActionItems.Add(new ActionItem
                {
                    TenantId = Tenant, MeetingId = s.MeetingId, Title = $"Task {i}", OwnerEmail = $"owner{i}@contoso.example", OwnerName = $"Owner {i}",
                    DueDate = new DateOnly(2026, 12, 1), TimeZone = Zone, LeadDepartmentId = s.LeadDepartmentId,
                });
            await db.SaveChangesAsync();
        });
        app.Clock.Set(new DateTimeOffset(2026, 12, 11, 2, 0, 0, TimeSpan.Zero)); // 10:00 in Shanghai: digests and all three levels due

        var first = await PlanCountingAsync(app);
        var second = await PlanCountingAsync(app);

        Assert.True(first.Planned >= Items * 3, $"planned {first.Planned}"); // a digest, level 1 and level 3 each (level 2 skipped: no manager known)
        Assert.Equal(0, second.Planned);
        var keys = await app.WithDbAsync(Tenant, db => db.OutboxMails.Select(m => m.Key).ToListAsync());
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(Items * 3, keys.Count(k => k.StartsWith("escalation:", StringComparison.Ordinal)));
        // One lookup per mail would be 4 per item (a digest and three levels); the batched pass is a handful in all.
        Assert.True(second.Commands < 20, $"the second pass ran {second.Commands} SQL commands for {Items} items");
    }

    private static async Task<(int Planned, int Commands)> PlanCountingAsync(TestApp app)
    {
        using var counter = new CommandCounter(app.ConnectionString);
        await using var scope = app.Services.CreateAsyncScope();
        var planned = await scope.ServiceProvider.GetRequiredService<FollowUpPlanner>().PlanAsync(default);
        return (planned, counter.Count);
    }

    /// <summary>Counts the SQL commands EF runs on one test app's store (other tests run at the same time on their own).</summary>
    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _connection;
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;

        public CommandCounter(string connection)
        {
            _connection = connection;
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public int Count => Volatile.Read(ref _count);

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
                lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData d && d.Context?.Database.GetConnectionString() == _connection)
                Interlocked.Increment(ref _count);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_subscriptions) _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
