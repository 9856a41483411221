using System.Net;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;

namespace CollabAddin.GraphEmulator.Tests;

public sealed class EmulatorBehaviourTests
{
    private const string Organizer = "alice@contoso.example";

    [Fact]
    public async Task A_repeated_create_with_the_same_transaction_id_returns_the_first_event()
    {
        await using var server = await EmulatorServer.StartAsync();
        var events = GraphClient.For(server).Users[Organizer].Events;
        var first = await events.PostAsync(ConformanceTests.NewEvent("meeting-1"));
        var again = await events.PostAsync(ConformanceTests.NewEvent("meeting-1"));
        var other = await events.PostAsync(ConformanceTests.NewEvent("meeting-2"));
        Assert.Equal(first!.Id, again!.Id);
        Assert.NotEqual(first.Id, other!.Id);
        Assert.Equal(2, server.State.EventsOf(Organizer).Count);
    }

    [Fact]
    public async Task Events_are_found_by_our_extended_property_and_only_show_it_when_expanded()
    {
        await using var server = await EmulatorServer.StartAsync();
        var events = GraphClient.For(server).Users[Organizer].Events;
        await events.PostAsync(ConformanceTests.NewEvent("meeting-1"));
        var wanted = await events.PostAsync(ConformanceTests.NewEvent("meeting-2"));
        const string property = "String {7b1f3c5e-2a4d-4e8f-9c6b-0d1e2f3a4b5c} Name CollabAddinMeetingId";

        var found = await events.GetAsync(r => r.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{property}' and ep/value eq 'meeting-2')");
        Assert.Equal([wanted!.Id], found!.Value!.Select(e => e.Id));
        Assert.Null(found.Value![0].SingleValueExtendedProperties);
        var expanded = await events[wanted.Id].GetAsync(r => r.QueryParameters.Expand = [$"singleValueExtendedProperties($filter=id eq '{property}')"]);
        Assert.Equal("meeting-2", expanded!.SingleValueExtendedProperties!.Single().Value);
    }

    [Fact]
    public async Task The_event_reads_back_in_utc_with_a_teams_link_and_attendee_status()
    {
        await using var server = await EmulatorServer.StartAsync();
        var created = await GraphClient.For(server).Users[Organizer].Events.PostAsync(ConformanceTests.NewEvent("m"));
        Assert.Equal(("2026-12-01T02:00:00.0000000", "UTC"), (created!.Start!.DateTime, created.Start.TimeZone));
        Assert.StartsWith("https://teams.microsoft.com/l/meetup-join/", created.OnlineMeeting!.JoinUrl);
        Assert.All(created.Attendees!, a => Assert.Equal(Microsoft.Graph.Models.ResponseType.None, a.Status!.Response));
        Assert.Equal("Goal: agree the plan", created.BodyPreview);
    }

    [Fact]
    public async Task Cancelling_twice_and_updating_a_cancelled_event_are_refused()
    {
        await using var server = await EmulatorServer.StartAsync();
        var events = GraphClient.For(server).Users[Organizer].Events;
        var created = await events.PostAsync(ConformanceTests.NewEvent("m"));
        await events[created!.Id].Cancel.PostAsync(new CancelPostRequestBody { Comment = "off" });
        await Assert.ThrowsAsync<ODataError>(() => events[created.Id].Cancel.PostAsync(new CancelPostRequestBody()));
        var error = await Assert.ThrowsAsync<ODataError>(() => events[created.Id].PatchAsync(new Microsoft.Graph.Models.Event { Subject = "x" }));
        Assert.Equal(400, error.ResponseStatusCode);
    }

    [Fact]
    public async Task Without_a_bearer_token_graph_answers_401()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var http = new HttpClient();
        var response = await http.GetAsync($"{server.GraphBaseUrl}/users/{Organizer}/events");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("InvalidAuthenticationToken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Injected_faults_play_as_asked_and_stop_when_used_up()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var http = new HttpClient { DefaultRequestHeaders = { { "Authorization", "Bearer x" } } };
        var url = $"{server.GraphBaseUrl}/users/{Organizer}/events";
        server.State.Faults.Add(new FaultRule(FaultKind.Throttle, "GET", "/events", Times: 1, RetryAfterSeconds: 7));
        server.State.Faults.Add(new FaultRule(FaultKind.Drop, "GET", "/events", Times: 1));

        var throttled = await http.GetAsync(url);
        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.Headers.RetryAfter!.Delta);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync(url)); // the connection is dropped
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Free_busy_reflects_the_meetings_people_attend()
    {
        await using var server = await EmulatorServer.StartAsync();
        var graph = GraphClient.For(server);
        await graph.Users[Organizer].Events.PostAsync(ConformanceTests.NewEvent("m")); // 02:00–03:00 UTC, Bob attends
        var result = await graph.Users[Organizer].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(new()
        {
            Schedules = ["bob@contoso.example", "erin@contoso.example"],
            StartTime = new() { DateTime = "2026-12-01T00:00:00", TimeZone = "UTC" },
            EndTime = new() { DateTime = "2026-12-01T06:00:00", TimeZone = "UTC" },
            AvailabilityViewInterval = 60,
        });
        Assert.Equal(["002000", "000000"], result!.Value!.Select(s => s.AvailabilityView));
    }

    [Fact]
    public async Task Each_attendee_gets_a_copy_with_its_own_id_and_the_same_icaluid_kept_in_step()
    {
        await using var server = await EmulatorServer.StartAsync();
        var graph = GraphClient.For(server);
        var master = await graph.Users[Organizer].Events.PostAsync(ConformanceTests.NewEvent("m"));
        var copy = Assert.Single(server.State.EventsOf("bob@contoso.example"));
        Assert.NotEqual(master!.Id, copy["id"]!.GetValue<string>());
        Assert.Equal(master.ICalUId, copy["iCalUId"]!.GetValue<string>());
        Assert.False(copy["isOrganizer"]!.GetValue<bool>());

        var read = await graph.Users["bob@contoso.example"].Events[copy["id"]!.GetValue<string>()].GetAsync(r => r.QueryParameters.Select = ["iCalUId"]);
        Assert.Equal(master.ICalUId, read!.ICalUId);
        await graph.Users[Organizer].Events[master.Id].PatchAsync(new Microsoft.Graph.Models.Event { Subject = "Moved" });
        Assert.Equal("Moved", server.State.EventsOf("bob@contoso.example").Single()["subject"]!.GetValue<string>());
        await graph.Users[Organizer].Events[master.Id].Cancel.PostAsync(new Microsoft.Graph.Users.Item.Events.Item.Cancel.CancelPostRequestBody { Comment = "off" });
        Assert.True(server.State.EventsOf("dave@contoso.example").Single()["isCancelled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_directory_is_searched_by_the_start_of_a_name_or_an_email()
    {
        await using var server = await EmulatorServer.StartAsync();
        server.State.Directory["alice@contoso.example"] = new DirectoryUser("alice@contoso.example", "Alice Wang", "Product");
        server.State.Directory["al.chen@contoso.example"] = new DirectoryUser("al.chen@contoso.example", "Chen Al", null);
        server.State.Directory["bob@contoso.example"] = new DirectoryUser("bob@contoso.example", "Bob Li", "Engineering");
        var users = await GraphClient.For(server).Users.GetAsync(r =>
        {
            r.QueryParameters.Filter = "startswith(displayName,'al') or startswith(mail,'al')";
            r.QueryParameters.Top = 5;
        });
        Assert.Equal(["Alice Wang", "Chen Al"], users!.Value!.Select(u => u.DisplayName));
    }
}
