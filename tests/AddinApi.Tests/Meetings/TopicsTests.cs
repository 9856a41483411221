using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Tests.Infrastructure;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Meetings;

/// <summary>Topics from attendees: proposed, accepted into the agenda (the invite updated once) or declined with a reason, the proposer told.</summary>
public sealed class TopicsTests
{
    [Fact]
    public async Task An_attendee_proposes_the_organizer_accepts_it_joins_the_agenda_the_invite_is_updated_once_and_the_proposer_is_told()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await MeetingsApiTests.CreateAsync(app); // 1 Dec; the test clock is 20 Nov
        var dave = await app.ClientForAsync(Attendee);
        var alice = await app.ClientForAsync(Organizer);

        var proposed = await (await dave.PostAsJsonAsync($"/api/meetings/{meeting!.Id}/topics",
            new { topic = "Sales training dates", why = "The launch needs trained sales staff", minutes = 10, expectedOutput = "Agreed training dates" }))
            .ReadAsync<TopicResponse>(HttpStatusCode.Created);
        Assert.Equal(("pending", Attendee), (proposed.Status, proposed.Proposer.Email));
        Assert.Single(await (await alice.GetAsync($"/api/meetings/{meeting.Id}/topics")).ReadAsync<List<TopicResponse>>());
        Assert.Empty(await (await (await app.ClientForAsync(Owner)).GetAsync($"/api/meetings/{meeting.Id}/topics")).ReadAsync<List<TopicResponse>>()); // not hers
        var patchesBefore = app.Graph.State.RequestCount("PATCH", "/events/");

        var accepted = await (await alice.PostAsync($"/api/meetings/{meeting.Id}/topics/{proposed.Id}/accept", null)).ReadAsync<TopicResponse>();

        Assert.Equal("accepted", accepted.Status);
        var now = await (await alice.GetAsync($"/api/meetings/{meeting.Id}")).ReadAsync<MeetingResponse>();
        var item = now.Agenda.Single(a => a.Id == accepted.AgendaItemId);
        Assert.Equal(("Sales training dates", Attendee, 10, "Agreed training dates", 3), (item.Topic, item.Owner.Email, item.PlannedMinutes, item.ExpectedOutput, now.Agenda.Count));
        Assert.Equal(patchesBefore + 1, app.Graph.State.RequestCount("PATCH", "/events/")); // the invite updated, once
        Assert.Contains("Sales training dates", Assert.Single(app.Graph.State.EventsOf(Organizer))["body"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var told = Assert.Single(app.Graph.State.SentMail, m => m.To.Single() == Attendee);
        Assert.StartsWith("Your topic was added to the agenda", told.Subject, StringComparison.Ordinal);
        await (await alice.PostAsync($"/api/meetings/{meeting.Id}/topics/{proposed.Id}/accept", null)).ProblemAsync(HttpStatusCode.Conflict); // decided already
    }

    [Fact]
    public async Task A_declined_topic_needs_a_reason_which_the_proposer_gets_and_only_the_organizer_decides()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await MeetingsApiTests.CreateAsync(app);
        var carol = await app.ClientForAsync(Owner);
        var alice = await app.ClientForAsync(Organizer);
        var proposed = await (await carol.PostAsJsonAsync($"/api/meetings/{meeting!.Id}/topics",
            new { topic = "Office move", why = "Everyone asks", minutes = 15, expectedOutput = "A date" })).ReadAsync<TopicResponse>(HttpStatusCode.Created);

        await (await carol.PostAsJsonAsync($"/api/meetings/{meeting.Id}/topics/{proposed.Id}/decline", new { reason = "no" })).ProblemAsync(HttpStatusCode.Forbidden);
        using var noReason = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{meeting.Id}/topics/{proposed.Id}/decline") { Content = JsonContent.Create(new { reason = "" }) };
        noReason.Headers.AcceptLanguage.ParseAdd("zh-CN");
        Assert.Equal(["请向提议人说明原因。"], (await (await alice.SendAsync(noReason)).ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorsFor("reason"));

        var declined = await (await alice.PostAsJsonAsync($"/api/meetings/{meeting.Id}/topics/{proposed.Id}/decline", new { reason = "Not for this meeting: the facilities sync covers it." }))
            .ReadAsync<TopicResponse>();

        Assert.Equal(("declined", "Not for this meeting: the facilities sync covers it."), (declined.Status, declined.DeclineReason));
        Assert.Contains("the facilities sync covers it", Assert.Single(app.Graph.State.SentMail, m => m.To.Single() == Owner).Body, StringComparison.Ordinal);
        Assert.Equal(2, (await (await alice.GetAsync($"/api/meetings/{meeting.Id}")).ReadAsync<MeetingResponse>()).Agenda.Count); // unchanged
        var mine = await (await carol.GetAsync($"/api/meetings/{meeting.Id}/topics")).ReadAsync<List<TopicResponse>>();
        Assert.Equal("declined", Assert.Single(mine).Status); // she sees the answer in the pane too

        // Incomplete proposals and proposals from the organizer are refused.
        var incomplete = await (await carol.PostAsJsonAsync($"/api/meetings/{meeting.Id}/topics", new { topic = "X", minutes = 500 })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(incomplete.ErrorsFor("why"));
        Assert.NotEmpty(incomplete.ErrorsFor("minutes"));
        await (await alice.PostAsJsonAsync($"/api/meetings/{meeting.Id}/topics", new { topic = "X", why = "Y", minutes = 5, expectedOutput = "Z" })).ProblemAsync(HttpStatusCode.Forbidden);
    }
}
