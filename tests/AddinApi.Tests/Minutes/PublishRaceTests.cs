using System.Net;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Data;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static CollabAddin.Api.Tests.ActionItems.PatchActionItemTests;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static CollabAddin.Api.Tests.Minutes.MinutesDocs;

namespace CollabAddin.Api.Tests.Minutes;

/// <summary>
/// A publish that keeps losing the race to the assignee: each time it is about to save, Carol saves her item through the
/// API first (a real PATCH, so the publish's write meets a real optimistic-concurrency conflict in the database).
/// </summary>
public sealed class PublishRaceTests
{
    /// <summary>Just before a minutes publish saves, lets the rival save first — as many times as it is told to.</summary>
    private sealed class RivalBeforePublishSaves(int times) : SaveChangesInterceptor
    {
        private int _rivalSaves;
        public int RivalSaves => _rivalSaves;
        public Func<Task>? Rival { get; set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            if (eventData.Context is CollabDb { Origin.Source: ChangeSource.Minutes } db
                && db.ChangeTracker.Entries<ActionItem>().Any(e => e.State == EntityState.Modified)
                && Interlocked.Increment(ref _rivalSaves) <= times)
                await Rival!();
            return result;
        }
    }

    private static async Task<(TestApp App, Guid Meeting, Guid Item, HttpClient NoteTaker, byte[] Changed, RivalBeforePublishSaves Rival)> StartAsync(int conflicts)
    {
        var rival = new RivalBeforePublishSaves(conflicts);
        var app = await TestApp.StartAsync(services: s => s.ConfigureDbContext<SqliteCollabDb>(o => o.AddInterceptors(rival)));
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        var first = FirstDraft(await TemplateAsync(bob, meeting!.Id));
        await (await PublishAsync(bob, meeting.Id, first)).ShouldBeAsync(HttpStatusCode.OK);
        var item = await app.WithDbAsync(Tenant, db => db.ActionItems.Where(i => i.Title == "Draft the campaign").Select(i => i.Id).SingleAsync());

        var carol = await app.ClientForAsync(Owner);
        var note = 0;
        rival.Rival = async () =>
        {
            var current = await carol.GetAsync($"/api/action-items/{item}");
            await (await carol.SendAsync(Patch(item, new { progressNote = $"Carol's note {++note}" }, current.Headers.ETag!.ToString()))).ShouldBeAsync(HttpStatusCode.OK);
        };
        // The note-taker moves the item's due date in Word and publishes again.
        var changed = Edit(first, body => Fill(RowTitled(body, "Draft the campaign"), "Draft the campaign", "Carol Zhang", "2026-12-12"));
        return (app, meeting.Id, item, bob, changed, rival);
    }

    [Fact]
    public async Task After_six_lost_merges_the_publish_answers_409_with_retry_after_and_stores_nothing()
    {
        var (app, meeting, item, bob, changed, rival) = await StartAsync(conflicts: int.MaxValue);
        await using var _ = app;

        var response = await PublishAsync(bob, meeting, changed);

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("The meeting is being changed right now.", problem.GetProperty("title").GetString());
        Assert.Equal("1", response.Headers.RetryAfter?.ToString());
        Assert.Equal(6, rival.RivalSaves); // six merges, each beaten by Carol's save
        var stored = await app.WithDbAsync(Tenant, db => db.ActionItems.AsNoTracking().SingleAsync(i => i.Id == item));
        Assert.Equal((new DateOnly(2026, 12, 10), "Carol's note 6"), (stored.DueDate, stored.ProgressNote)); // all of hers, none of the publish
        Assert.Equal(1, await app.WithDbAsync(Tenant, db => db.MinutesPublications.CountAsync()));
        Assert.DoesNotContain(await app.WithDbAsync(Tenant, db => db.ActionItemChanges.Select(c => c.Field).ToListAsync()), f => f == "dueDate");
    }

    [Fact]
    public async Task A_publish_that_loses_twice_merges_on_top_of_what_was_saved_and_keeps_both()
    {
        var (app, meeting, item, bob, changed, rival) = await StartAsync(conflicts: 2);
        await using var _ = app;

        await (await PublishAsync(bob, meeting, changed)).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(3, rival.RivalSaves); // two lost, the third save went through
        var stored = await app.WithDbAsync(Tenant, db => db.ActionItems.AsNoTracking().SingleAsync(i => i.Id == item));
        Assert.Equal((new DateOnly(2026, 12, 12), "Carol's note 2"), (stored.DueDate, stored.ProgressNote));
        Assert.Equal(2, await app.WithDbAsync(Tenant, db => db.MinutesPublications.CountAsync()));
    }
}
