using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static CollabAddin.Api.Tests.Minutes.MinutesDocs;

namespace CollabAddin.Api.Tests.Meetings;

/// <summary>
/// The timekeeper's clock: the timekeeper moves through the agenda; the current item's time left, the meeting against
/// its end and an overrun projection are worked out on the server's clock; each item's actual time lands in the minutes.
/// </summary>
public sealed class TimekeeperClockTests
{
    [Fact]
    public async Task The_timekeeper_runs_the_agenda_and_the_minutes_show_planned_against_actual()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await MeetingsApiTests.CreateAsync(app); // 10:00–11:00 Shanghai on 1 Dec; Launch date 20 min, Campaign 30 min; Bob keeps time
        var start = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
        var bob = await app.ClientForAsync(NoteTaker);
        var path = $"/api/meetings/{meeting!.Id}/clock";

        app.Clock.Set(start.AddMinutes(2));
        var first = await (await bob.PostAsJsonAsync(path + "/next", new { from = (int?)null })).ReadAsync<ClockState>();
        Assert.Equal((0, 20 * 60, "current"), (first.Position, first.ItemRemainingSeconds, first.Items[0].State));

        // 25 minutes on the first item: 5 over, but the 30-minute "Campaign" still fits before the end.
        app.Clock.Set(start.AddMinutes(27));
        var over = await (await bob.GetAsync(path)).ReadAsync<ClockState>();
        Assert.Equal((-5 * 60, 0), (over.ItemRemainingSeconds, over.ProjectedOverrunMinutes));
        // 35 minutes on it: "Campaign" from now would end 7 minutes after the meeting.
        app.Clock.Set(start.AddMinutes(37));
        over = await (await bob.GetAsync(path)).ReadAsync<ClockState>();
        Assert.Equal((-15 * 60, 7, 23 * 60), (over.ItemRemainingSeconds, over.ProjectedOverrunMinutes, over.MeetingRemainingSeconds));

        var second = await (await bob.PostAsJsonAsync(path + "/next", new { from = 0 })).ReadAsync<ClockState>();
        Assert.Equal((1, 35 * 60, "done"), (second.Position, second.Items[0].ActualSeconds, second.Items[0].State));
        // A second timekeeper's click on the same item a moment later does not skip "Campaign".
        var late = await (await (await app.ClientForAsync(Organizer)).PostAsJsonAsync(path + "/next", new { from = 0 })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, late.GetProperty("current").GetProperty("position").GetInt32());

        app.Clock.Set(start.AddMinutes(55));
        var done = await (await bob.PostAsJsonAsync(path + "/next", new { from = 1 })).ReadAsync<ClockState>();
        Assert.Null(done.Position); // after the last item the clock stops
        Assert.True(done.Finished);
        Assert.Equal([35 * 60, 18 * 60], done.Items.Select(i => i.ActualSeconds!.Value));

        // An attendee sees the clock but does not move it.
        var carol = await app.ClientForAsync(Owner);
        var watching = await (await carol.GetAsync(path)).ReadAsync<ClockState>();
        Assert.False(watching.CanRun || watching.CanCapture);
        await (await carol.PostAsJsonAsync(path + "/next", new { from = (int?)null })).ProblemAsync(HttpStatusCode.Forbidden);

        // The minutes: planned against actual, in both languages.
        foreach (var (lang, expected) in new[] { ("en-US", "Planned: 20 min · actual: 35 min"), ("zh-CN", "计划时长: 20 分钟 · 实际用时: 35 分钟") })
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(await TemplateAsync(bob, meeting.Id, lang)), false);
            Assert.Contains(expected, document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Stopping_keeps_the_time_so_far_and_a_meeting_without_agenda_has_no_clock()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await MeetingsApiTests.CreateAsync(app);
        var alice = await app.ClientForAsync(Organizer);
        var path = $"/api/meetings/{meeting!.Id}/clock";
        app.Clock.Set(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        await (await alice.PostAsJsonAsync(path + "/next", new { from = (int?)null })).ShouldBeAsync(HttpStatusCode.OK);
        app.Clock.Set(new DateTimeOffset(2026, 12, 1, 2, 10, 0, TimeSpan.Zero));

        var stopped = await (await alice.PostAsJsonAsync(path + "/stop", new { from = 0 })).ReadAsync<ClockState>();

        Assert.Equal((null, 600, false), (stopped.Position, stopped.Items[0].ActualSeconds, stopped.Finished));
        await (await alice.PostAsJsonAsync(path + "/stop", new { from = (int?)null })).ProblemAsync(HttpStatusCode.Conflict);
        // Started again, the clock resumes at the first item that never had it.
        var resumed = await (await alice.PostAsJsonAsync(path + "/next", new { from = (int?)null })).ReadAsync<ClockState>();
        Assert.Equal(1, resumed.Position);

        var bare = NewMeeting();
        bare.Agenda.Clear();
        await app.WithDbAsync(Tenant, async db => { db.Meetings.Add(bare); await db.SaveChangesAsync(); });
        await (await alice.PostAsJsonAsync($"/api/meetings/{bare.Id}/clock/next", new { from = (int?)null })).ProblemAsync(HttpStatusCode.Conflict);
    }
}
