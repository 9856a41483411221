using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Tests.Infrastructure;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Meetings;

/// <summary>An agenda saved as a draft stays away from attendees until the organizer publishes it; publishing updates the invite once.</summary>
public sealed class AgendaDraftTests
{
    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, MeetingResponse meeting, string etag, MeetingPlan plan)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{meeting.Id}") { Content = JsonContent.Create(plan) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_draft_agenda_is_sent_to_attendees_only_when_published_and_then_once()
    {
        await using var app = await TestApp.StartAsync();
        var (created, meeting) = await MeetingsApiTests.CreateAsync(app);
        var alice = await app.ClientForAsync(Organizer);
        var withRisks = ValidPlan() with
        {
            Agenda = [.. ValidPlan().Agenda!.Select((a, i) => a with { Id = meeting!.Agenda[i].Id }), new(null, "Risks", "Walk the risk list", NoteTaker, 10, "Owners for the top risks")],
            Draft = true,
        };

        var draft = await (await PutAsync(alice, meeting!, created.Headers.ETag!.ToString(), withRisks)).ReadAsync<MeetingResponse>();

        Assert.True(draft.AgendaDraft);
        Assert.Equal(InviteState.Sent, draft.Invite.State);
        Assert.DoesNotContain(app.Graph.State.Notices, n => n.Kind == "update");
        Assert.DoesNotContain("Risks", app.Graph.State.EventsOf(Organizer).Single()["body"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        // Only the organizer publishes.
        await (await (await app.ClientForAsync(NoteTaker)).PostAsync($"/api/meetings/{meeting!.Id}/agenda/publish", null)).ProblemAsync(HttpStatusCode.Forbidden);

        var published = await (await alice.PostAsync($"/api/meetings/{meeting.Id}/agenda/publish", null)).ReadAsync<MeetingResponse>();

        Assert.False(published.AgendaDraft);
        Assert.Single(app.Graph.State.Notices, n => n.Kind == "update");
        Assert.Contains("Risks", app.Graph.State.EventsOf(Organizer).Single()["body"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await alice.PostAsync($"/api/meetings/{meeting.Id}/agenda/publish", null)).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Single(app.Graph.State.Notices, n => n.Kind == "update"); // published already: nothing sent twice
    }

    [Fact]
    public async Task A_topic_accepted_into_a_draft_agenda_waits_for_the_publish_too()
    {
        await using var app = await TestApp.StartAsync();
        var (created, meeting) = await MeetingsApiTests.CreateAsync(app);
        var alice = await app.ClientForAsync(Organizer);
        await (await PutAsync(alice, meeting!, created.Headers.ETag!.ToString(), ValidPlan() with
        {
            Agenda = [.. ValidPlan().Agenda!.Select((a, i) => a with { Id = meeting!.Agenda[i].Id, PlannedMinutes = 15 })],
            Draft = true,
        })).ShouldBeAsync(HttpStatusCode.OK);
        var dave = await app.ClientForAsync(Attendee);
        var topic = await (await dave.PostAsJsonAsync($"/api/meetings/{meeting!.Id}/topics", new { topic = "Pricing", why = "Sales needs it", minutes = 10, expectedOutput = "A price list" }))
            .ReadAsync<System.Text.Json.JsonElement>(HttpStatusCode.Created);

        await (await alice.PostAsync($"/api/meetings/{meeting.Id}/topics/{topic.GetProperty("id").GetGuid()}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);

        Assert.DoesNotContain(app.Graph.State.Notices, n => n.Kind == "update");
        await (await alice.PostAsync($"/api/meetings/{meeting.Id}/agenda/publish", null)).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Contains("Pricing", app.Graph.State.EventsOf(Organizer).Single()["body"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
