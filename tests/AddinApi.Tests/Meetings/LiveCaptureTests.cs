using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Decisions;
using CollabAddin.Api.Minutes;
using CollabAddin.Api.Tests.Infrastructure;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static CollabAddin.Api.Tests.Minutes.MinutesDocs;

namespace CollabAddin.Api.Tests.Meetings;

/// <summary>
/// Decisions and action items captured during the meeting are stored at once, tagged with the agenda item, and come
/// back in the minutes template with their ids; an older copy of the minutes without them neither revokes nor cancels them.
/// </summary>
public sealed class LiveCaptureTests
{
    [Fact]
    public async Task Captured_items_and_decisions_are_in_the_template_with_ids_and_publishing_it_updates_them_in_place()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        var older = await TemplateAsync(bob, meeting!.Id); // the note-taker's copy from before the meeting
        var campaign = meeting.Agenda.Single(a => a.Topic == "Campaign").Id;

        var decision = await (await bob.PostAsJsonAsync($"/api/meetings/{meeting.Id}/capture/decisions", new { text = "Launch on 7 December", agendaItemId = campaign, owner = Organizer }))
            .ReadAsync<DecisionResponse>(HttpStatusCode.Created);
        var item = await (await bob.PostAsJsonAsync($"/api/meetings/{meeting.Id}/capture/action-items", new { title = "Book the venue", owner = Attendee, dueDate = "2026-12-04", agendaItemId = campaign }))
            .ReadAsync<ActionItemResponse>(HttpStatusCode.Created);
        Assert.Equal((Attendee, new DateOnly(2026, 12, 4)), (item.Owner.Email, item.DueDate));

        // Dave owns it from now: it is on his list before any minutes.
        var daves = await (await (await app.ClientForAsync(Attendee)).GetAsync("/api/me/action-items")).ReadAsync<ActionItemPage>();
        Assert.Contains(daves.Items, i => i.Id == item.Id);

        // The older copy, published: nothing captured is revoked or cancelled.
        var fromOlder = await (await PublishAsync(bob, meeting.Id, older)).ReadAsync<PublishReport>();
        Assert.Empty(fromOlder.Cancelled);
        Assert.Equal(0, fromOlder.Decisions.Revoked);

        // The template now carries both with their ids; publishing it back changes nothing and duplicates nothing.
        var template = await TemplateAsync(bob, meeting.Id);
        var report = await (await PublishAsync(bob, meeting.Id, template)).ReadAsync<PublishReport>();
        Assert.Empty(report.Created);
        Assert.Equal(new DecisionCounts(0, 0, 0), report.Decisions);
        Assert.Contains(report.Rows, r => r.Id == item.Id);
        var decisions = await (await bob.GetAsync($"/api/meetings/{meeting.Id}/decisions")).ReadAsync<List<DecisionResponse>>();
        Assert.Equal([(decision.Id, (Guid?)campaign)], decisions.Select(d => (d.Id, d.AgendaItemId)));

        // From now on the minutes keep them: a copy without the decision revokes it, as any published decision.
        var withoutDecision = Edit(template, body => body.Descendants<DocumentFormat.OpenXml.Wordprocessing.SdtRow>()
            .First(r => r.SdtProperties!.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.Tag>()!.Val!.Value!.StartsWith(CollabAddin.Minutes.MinutesTags.DecisionRow + ":", StringComparison.Ordinal)).Remove());
        Assert.Equal(1, (await (await PublishAsync(bob, meeting.Id, withoutDecision)).ReadAsync<PublishReport>()).Decisions.Revoked);
    }

    [Fact]
    public async Task A_note_taker_who_does_not_keep_time_captures_but_does_not_move_the_clock()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app); // Bob takes notes; nobody keeps time; Alice hosts
        var bob = await app.ClientForAsync(NoteTaker);

        var clock = await (await bob.GetAsync($"/api/meetings/{s.MeetingId}/clock")).ReadAsync<Api.Meetings.ClockState>();

        Assert.Equal((false, true), (clock.CanRun, clock.CanCapture));
        await (await bob.PostAsJsonAsync($"/api/meetings/{s.MeetingId}/capture/decisions", new { text = "Launch on 7 December" })).ShouldBeAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Capture_needs_a_runner_an_owner_among_the_attendees_and_a_due_date()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{meeting!.Id}/capture/action-items")
        {
            Content = JsonContent.Create(new { title = "Book the venue", owner = "stranger@contoso.example", agendaItemId = Guid.NewGuid() }),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        var problem = await (await bob.SendAsync(request)).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["每个行动项都需要截止日期。"], problem.ErrorsFor("dueDate"));
        Assert.NotEmpty(problem.ErrorsFor("owner"));
        Assert.NotEmpty(problem.ErrorsFor("agendaItemId"));
        await (await (await app.ClientForAsync(Owner)).PostAsJsonAsync($"/api/meetings/{meeting.Id}/capture/decisions", new { text = "Mine" })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty(await (await bob.GetAsync($"/api/meetings/{meeting.Id}/action-items")).ReadAsync<List<ActionItemResponse>>());
    }
}
