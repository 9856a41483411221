using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.Minutes;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CollabAddin.Api.Tests.ActionItems.PatchActionItemTests;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static CollabAddin.Api.Tests.Minutes.MinutesDocs;

namespace CollabAddin.Api.Tests.Hardening;

/// <summary>The review's low findings: parameters out of range, status flags, mail floods, needs-help on finished work, caching.</summary>
public sealed class FloodAndRangeTests
{
    [Theory]
    [InlineData("/api/reports/progress?to=0001-01-01", "to")]
    [InlineData("/api/reports/progress?from=0001-01-01&to=9999-12-31", "from")]
    [InlineData("/api/reports/progress?format=docx&from=0001-01-01&to=9999-12-31", "to")]
    [InlineData("/api/reports/metrics?from=9999-12-31&to=9999-12-31", "from")]
    [InlineData("/api/me/action-items?page=10737420&pageSize=200", "page")]
    [InlineData("/api/me/action-items?page=2147483647&pageSize=1", "page")]
    public async Task Parameters_out_of_any_real_range_are_a_400_naming_the_parameter(string path, string parameter)
    {
        await using var app = await TestApp.StartAsync();
        await MeetingWithItemAsync(app);
        var problem = await (await (await app.ClientForAsync(Organizer)).GetAsync(path)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(parameter));
    }

    [Theory]
    [InlineData("Done, Blocked"), InlineData("done,blocked"), InlineData("3"), InlineData(" done")]
    public async Task A_status_is_one_name_or_refused(string status)
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        var carol = await app.ClientForAsync(Owner);
        await (await carol.SendAsync(Patch(s.ItemId, new { status }, "\"1\""))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(Api.ActionItems.ActionItemStatus.Open, await app.WithDbAsync(Tenant, db => db.ActionItems.Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task Mailing_the_same_minutes_again_needs_a_confirmed_resend_and_waits_the_resend_interval()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        await (await PublishAsync(bob, meeting!.Id, FirstDraft(await TemplateAsync(bob, meeting.Id)))).ShouldBeAsync(HttpStatusCode.OK);
        var mail = $"/api/meetings/{meeting.Id}/minutes/mail";

        await (await bob.PostAsync(mail, null)).ShouldBeAsync(HttpStatusCode.OK);
        for (var i = 0; i < 20; i++) // the review clicked 32 times (past 30 a minute the per-user limit answers first)
            await (await bob.PostAsync(mail, null)).ProblemAsync(HttpStatusCode.Conflict);
        var soon = await bob.PostAsync(mail + "?resend=true", null);
        await soon.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromMinutes(10), soon.Headers.RetryAfter?.Delta);
        Assert.Equal(4, app.Graph.State.SentMail.Count); // one per attendee, once

        app.Clock.Advance(MinutesMail.ResendInterval);
        await (await bob.PostAsync(mail + "?resend=true", null)).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(8, app.Graph.State.SentMail.Count);

        // Published again (changed minutes): mailing needs no confirmation.
        var changed = Edit(FirstDraft(await TemplateAsync(bob, meeting.Id)), body => Fill(ActionRows(body)[2], "Order the banners", "Carol Zhang", "2026-12-12"));
        await (await PublishAsync(bob, meeting.Id, changed)).ShouldBeAsync(HttpStatusCode.OK);
        await (await bob.PostAsync(mail, null)).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(12, app.Graph.State.SentMail.Count);
    }

    [Fact]
    public async Task Toggling_blocked_ten_times_alerts_once_within_the_window_and_again_after_it()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        var carol = await app.ClientForAsync(Owner);
        for (var i = 0; i < 10; i++)
        {
            await (await carol.SendAsync(Patch(s.ItemId, new { status = "blocked" }, $"\"{2 * i + 1}\""))).ShouldBeAsync(HttpStatusCode.OK);
            await (await carol.SendAsync(Patch(s.ItemId, new { status = "open" }, $"\"{2 * i + 2}\""))).ShouldBeAsync(HttpStatusCode.OK);
        }
        await app.Services.GetRequiredService<CollabAddin.Api.FollowUp.FollowUpWorker>().RunOnceAsync(default);
        Assert.Single(app.Graph.State.SentMail, m => m.Subject.Contains("is blocked"));

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        await (await carol.SendAsync(Patch(s.ItemId, new { status = "blocked" }, "\"21\""))).ShouldBeAsync(HttpStatusCode.OK);
        await app.Services.GetRequiredService<CollabAddin.Api.FollowUp.FollowUpWorker>().RunOnceAsync(default);
        Assert.Equal(2, app.Graph.State.SentMail.Count(m => m.Subject.Contains("is blocked")));
    }

    [Theory]
    [InlineData(Api.ActionItems.ActionItemStatus.Cancelled, null)]
    [InlineData(Api.ActionItems.ActionItemStatus.Done, null)]
    [InlineData(Api.ActionItems.ActionItemStatus.InProgress, "done")]
    public async Task Finished_work_refuses_needs_help_and_nobody_is_mailed(Api.ActionItems.ActionItemStatus status, string? movingTo)
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        await app.WithDbAsync(Tenant, async db => { (await db.ActionItems.SingleAsync()).Status = status; await db.SaveChangesAsync(); });
        var carol = await app.ClientForAsync(Owner);

        object body = movingTo is null ? new { needsHelp = true, needsHelpReason = "Please" } : new { status = movingTo, needsHelp = true, needsHelpReason = "Please" };
        var problem = await (await carol.SendAsync(Patch(s.ItemId, body, "\"2\""))).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.NotEmpty(problem.ErrorsFor("needsHelp"));
        await app.Services.GetRequiredService<CollabAddin.Api.FollowUp.FollowUpWorker>().SendDueAsync(default);
        Assert.Empty(app.Graph.State.SentMail);
    }

    [Fact]
    public async Task Responses_carrying_personal_data_are_never_cached()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        var alice = await app.ClientForAsync(Organizer);
        foreach (var path in new[] { "/api/me/action-items", $"/api/action-items/{s.ItemId}", "/api/meetings", $"/api/meetings/{s.MeetingId}",
                     "/api/reports/progress", "/api/reports/progress?format=csv", "/api/reports/progress?format=docx", "/api/reports/metrics",
                     $"/api/meetings/{s.MeetingId}/minutes/template", "/api/people?search=car" })
        {
            var response = await alice.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path} has Cache-Control: {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task Plan_checks_are_rate_limited_per_user()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:ValidationsPerMinute"] = "3" });
        var alice = await app.ClientForAsync(Organizer);
        for (var i = 0; i < 3; i++)
            await (await alice.PostAsJsonAsync("/api/meetings/validate", ValidPlan())).ShouldBeAsync(HttpStatusCode.OK);
        var refused = await alice.PostAsJsonAsync("/api/meetings/validate", ValidPlan());
        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("3 times a minute", problem.GetProperty("detail").GetString());
        Assert.NotNull(refused.Headers.RetryAfter);
        await (await (await app.ClientForAsync(Owner)).PostAsJsonAsync("/api/meetings/validate", ValidPlan())).ShouldBeAsync(HttpStatusCode.OK);
    }
}
