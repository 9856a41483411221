using System.Diagnostics;
using System.Net;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Data;
using CollabAddin.Api.FollowUp;
using CollabAddin.Api.Tests.ActionItems;
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
        Assert.True(second.Commands is > 0 and < 20, $"the second pass ran {second.Commands} SQL commands for {Items} items");
    }

    [Fact]
    public async Task A_pass_over_mail_already_queued_reads_no_item_whole()
    {
        await using var app = await TestApp.StartAsync();
        await MeetingWithItemAsync(app); // Carol's item, ten days late on the clock below: a digest and escalations due
        app.Clock.Set(new DateTimeOffset(2026, 12, 11, 2, 0, 0, TimeSpan.Zero));

        var first = await PlanCountingAsync(app);
        var second = await PlanCountingAsync(app);

        // The first pass wrote the mail, so it read the item's title; the second decided from due dates and zones alone.
        Assert.Contains(first.Sql, c => c.Contains("\"Title\"", StringComparison.Ordinal) && c.Contains("\"ActionItems\"", StringComparison.Ordinal));
        var whole = second.Sql.Where(c => c.Contains("\"Title\"", StringComparison.Ordinal) && c.Contains("\"ActionItems\"", StringComparison.Ordinal)).ToList();
        var outbox = await app.WithDbAsync(Tenant, db => db.OutboxMails.Select(m => m.Key).ToListAsync());
        Assert.True(whole.Count == 0, $"the second pass read items whole; the first planned {first.Planned}: {string.Join(", ", outbox)}; {whole.FirstOrDefault()}");
        Assert.Equal(0, second.Planned);
    }

    [Fact]
    public async Task Alerts_wake_the_worker_to_send_them_without_a_planning_pass_each()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["FollowUp:WorkerEnabled"] = "true", ["FollowUp:PollSeconds"] = "3600",
        });
        var s = await MeetingWithItemAsync(app);
        var items = new List<Guid> { s.ItemId };
        await app.WithDbAsync(Tenant, async db =>
        {
            for (var i = 1; i < 3; i++)
            {
                var item = new ActionItem
                {
                    TenantId = Tenant, MeetingId = s.MeetingId, Title = $"Task {i}", OwnerEmail = Owner, OwnerName = NameOf(Owner),
                    DueDate = new DateOnly(2026, 12, 20), TimeZone = Zone, LeadDepartmentId = s.LeadDepartmentId,
                };
                db.ActionItems.Add(item);
                items.Add(item.Id);
            }
            await db.SaveChangesAsync();
        });
        var carol = await app.ClientForAsync(Owner);
        using var counter = await CommandCounter.StartAsync(app.ConnectionString);

        foreach (var (id, n) in items.Select((id, n) => (id, n + 1)))
        {
            await (await carol.SendAsync(PatchActionItemTests.Patch(id, new { needsHelp = true, needsHelpReason = "Waiting for Sales" }, "\"1\""))).ShouldBeAsync(HttpStatusCode.OK);
            var until = DateTime.UtcNow.AddSeconds(30);
            while (app.Graph.State.SentMail.Count(m => m.Subject.Contains("needs help", StringComparison.Ordinal)) < n)
            {
                Assert.True(DateTime.UtcNow < until, $"alert {n} was not sent within 30 s");
                await Task.Delay(50);
            }
        }

        // Each pass reads the planning failures once, and nothing else does: three wake-ups, three alerts sent, and at
        // most the worker's first pass (if it ran late enough to be counted).
        var passes = counter.Sql.Count(c => c.Contains("\"PlanningFailures\"", StringComparison.Ordinal));
        Assert.True(passes <= 1, $"{passes} planning passes for three alerts");
    }

    [Fact]
    public async Task The_batched_lookups_send_their_ids_as_one_parameter_on_every_provider()
    {
        // EF's default sends a list as one parameter per element, expanded again for every split query: 594 MB to read
        // 438 items whole. One array parameter instead, in each provider's own form, and still valid SQL.
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        string[] keys = ["digest:a", "digest:b", "digest:c"];
        await using var app = await TestApp.StartAsync();
        var sqlite = await app.WithDbAsync(Tenant, db => Task.FromResult((FollowUpPlanner.Whole(db, ids).ToQueryString(), FollowUpPlanner.Queued(db, Tenant, keys).ToQueryString())));
        await using var postgres = new PostgresCollabDb(new DbContextOptionsBuilder<PostgresCollabDb>().UseNpgsql("Host=unused").Options);
        await using var sqlServer = Data.SqlServerScriptTests.SqlServer();

        Assert.All(new[] { sqlite.Item1, sqlite.Item2 }, sql => Assert.Contains("json_each(@", sql, StringComparison.Ordinal));
        Assert.All(new[] { FollowUpPlanner.Whole(postgres, ids).ToQueryString(), FollowUpPlanner.Queued(postgres, Tenant, keys).ToQueryString() },
            sql => Assert.Matches(@"= ANY \(@\w+\)", sql));
        foreach (var sql in new[] { FollowUpPlanner.Whole(sqlServer, ids).ToQueryString(), FollowUpPlanner.Queued(sqlServer, Tenant, keys).ToQueryString() })
        {
            Assert.Contains("OPENJSON(@", sql, StringComparison.Ordinal);
            Assert.Empty(Data.SqlServerScriptTests.Parse(sql));
        }
        // And it finds what it is asked for.
        var s = await MeetingWithItemAsync(app);
        Assert.Equal([s.ItemId], await app.WithDbAsync(Tenant, db => FollowUpPlanner.Whole(db, [s.ItemId, Guid.NewGuid()]).Select(i => i.Id).ToListAsync()));
    }

    private static async Task<(int Planned, int Commands, IReadOnlyList<string> Sql)> PlanCountingAsync(TestApp app)
    {
        using var counter = await CommandCounter.StartAsync(app.ConnectionString);
        await using var scope = app.Services.CreateAsyncScope();
        var planned = await scope.ServiceProvider.GetRequiredService<FollowUpPlanner>().PlanAsync(default);
        return (planned, counter.Count, counter.Sql);
    }

    /// <summary>Counts the SQL commands EF runs on one test app's store (other tests run at the same time on their own).</summary>
    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _connection;
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;

        private CommandCounter(string connection)
        {
            _connection = connection;
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        /// <summary>
        /// Counting from when EF notices it: EF caches whether anyone listens for its logging cache time (one second by
        /// default), and the contexts of every test app share that cache, so a counter used at once could see nothing.
        /// </summary>
        public static async Task<CommandCounter> StartAsync(string connection)
        {
            var counter = new CommandCounter(connection);
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            return counter;
        }

        public int Count => Volatile.Read(ref _count);
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _sql = new();
        /// <summary>The text of each command counted, in order.</summary>
        public IReadOnlyList<string> Sql => [.. _sql];

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
                lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData d && d.Context?.Database.GetConnectionString() == _connection)
            {
                Interlocked.Increment(ref _count);
                _sql.Enqueue(d.Command.CommandText);
            }
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_subscriptions) _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
