using System.Diagnostics;
using CollabAddin.Api.Data;
using CollabAddin.Api.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabAddin.Benchmarks;

/// <summary>
/// The follow-up planner's pass over a large store, as every instance runs it every <c>FollowUp:PollSeconds</c>: the
/// first pass (which queues what is due) and then steady-state passes (everything due already queued, the usual case).
/// The seeded year starts on 1 Jan 2026; "now" is 2 Jan 12:00 in Shanghai, so the items due up to 4 Jan are the ones a
/// digest or an escalation could be about, and every organizer's weekly report is due.
/// </summary>
public static class PlannerLoad
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public static async Task RunAsync(string connection, int items, int steadyPasses)
    {
        await using var app = new BenchApp("Sqlite", connection) { Clock = new FixedClock(new DateTimeOffset(2026, 1, 2, 4, 0, 0, TimeSpan.Zero)) };
        app.Start();
        var seeding = Stopwatch.StartNew();
        await Seeder.SeedAsync("Sqlite", connection, items, users: Math.Max(1, items / 50), meetings: Math.Max(1, items / 20));
        Console.WriteLine($"planner: {items:N0} items seeded in {seeding.Elapsed.TotalSeconds:F0} s");
        for (var pass = 0; pass <= steadyPasses; pass++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var planner = scope.ServiceProvider.GetRequiredService<FollowUpPlanner>();
            var total = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var planned = await planner.PlanAsync(CancellationToken.None);
            watch.Stop();
            var bytes = GC.GetTotalAllocatedBytes(precise: true) - total;
            var queued = await scope.ServiceProvider.GetRequiredService<CollabDb>().OutboxMails.IgnoreQueryFilters().CountAsync();
            Console.WriteLine($"{(pass == 0 ? "first pass" : $"steady pass {pass}"),-14} {watch.Elapsed.TotalMilliseconds,9:N0} ms  {bytes / 1048576.0,8:N1} MB allocated  {planned,6:N0} planned  ({queued:N0} in the outbox)");
        }
    }
}
