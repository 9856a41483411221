using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.Data;
using CollabAddin.Api.Graph;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Meetings;

public sealed class MeetingsApiTests(PostgresServer postgres)
{
    internal static async Task<(HttpResponseMessage Response, MeetingResponse? Meeting)> CreateAsync(TestApp app, MeetingPlan? plan = null, string language = "en-US")
    {
        var client = await app.ClientForAsync(Organizer);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/meetings") { Content = JsonContent.Create(plan ?? ValidPlan()) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request);
        return (response, response.StatusCode == HttpStatusCode.Created ? await response.ReadAsync<MeetingResponse>(HttpStatusCode.Created) : null);
    }

    internal static HttpRequestMessage Put(Guid id, MeetingPlan plan, int version) =>
        new(HttpMethod.Put, $"/api/meetings/{id}") { Content = JsonContent.Create(plan), Headers = { { "If-Match", $"\"{version}\"" } } };

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Creating_a_meeting_stores_it_and_sends_one_outlook_event_shaped_by_the_plan(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var (response, meeting) = await CreateAsync(app);

        Assert.Equal($"/api/meetings/{meeting!.Id}", response.Headers.Location?.ToString());
        Assert.Equal(InviteState.Sent, meeting.Invite.State);
        Assert.StartsWith("https://teams.microsoft.com/l/meetup-join/", meeting.Invite.JoinUrl);
        Assert.NotNull(meeting.Invite.WebLink);
        Assert.Equal(new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc), meeting.StartUtc);
        Assert.Equal("2026-12-01T10:00:00", meeting.Start);
        Assert.Equal([Owner, Attendee], meeting.PreReads.Single().Readers);

        var stored = Assert.Single(app.Graph.State.EventsOf(Organizer));
        Assert.Equal(meeting.Invite.GraphEventId, stored["id"]!.GetValue<string>());
        Assert.Equal(meeting.Id.ToString(), stored["transactionId"]!.GetValue<string>());
        Assert.Equal("Q3 launch plan", stored["subject"]!.GetValue<string>());
        Assert.Equal("html", stored["body"]!["contentType"]!.GetValue<string>());
        Assert.Contains("Agree the Q3 launch plan", stored["body"]!["content"]!.GetValue<string>());
        Assert.Equal("2026-12-01T02:00:00.0000000", stored["start"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("China Standard Time", stored["originalStartTimeZone"]!.GetValue<string>()); // IANA zones go to Graph as Windows ids
        Assert.Equal("teamsForBusiness", stored["onlineMeetingProvider"]!.GetValue<string>());
        var attendees = stored["attendees"]!.AsArray().Select(a => (a!["emailAddress"]!["address"]!.GetValue<string>(), a["type"]!.GetValue<string>())).ToList();
        Assert.Equal([(NoteTaker, "required"), (Owner, "required"), (Attendee, "optional")], attendees); // the organizer owns the event

        var gateway = app.Services.CreateAsyncScopeWithTenant(Tenant).GetRequiredService<IGraphGateway>();
        var byProperty = await gateway.FindEventAsync(Organizer, meeting.Id, default);
        Assert.Equal(meeting.Invite.GraphEventId, byProperty!.Id); // our meeting id is on the event as an extended property
        Assert.Equal(1, app.Graph.State.RequestCount("POST", "/events"));
    }

    [Fact]
    public async Task A_plan_that_breaks_the_rules_is_refused_with_every_finding_and_nothing_is_stored_or_sent()
    {
        await using var app = await TestApp.StartAsync();
        var plan = ValidPlan() with { Goal = "", Agenda = [ValidPlan().Agenda![0] with { Owner = Outsider }] };
        var (response, _) = await CreateAsync(app, plan, language: "zh-CN");

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["请写明会议目标：会议结束时要达成什么共识或决定？"], problem.ErrorsFor("goal"));
        Assert.NotEmpty(problem.ErrorsFor("agenda[0].owner"));
        Assert.Equal(["goal.missing", "agenda.ownerNotAttendee"], problem.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()));
        Assert.Equal(0, await app.WithDbAsync(Tenant, db => db.Meetings.CountAsync()));
        Assert.Empty(app.Graph.State.AllEvents());
    }

    [Fact]
    public async Task Validate_returns_the_same_verdict_without_saving_in_the_requested_language()
    {
        await using var app = await TestApp.StartAsync();
        var client = await app.ClientForAsync(Organizer);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/meetings/validate") { Content = JsonContent.Create(ValidPlan() with { Goal = "讨论发布" }) };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.8");

        var verdict = await (await client.SendAsync(request)).ReadAsync<PolicyVerdict>();

        Assert.True(verdict.CanSend);
        var warning = Assert.Single(verdict.Warnings);
        Assert.Equal(("goal.notMeasurable", "goal"), (warning.Code, warning.Field));
        Assert.StartsWith("目标可能不可衡量", warning.Message);
        Assert.Equal(0, await app.WithDbAsync(Tenant, db => db.Meetings.CountAsync()));
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Updating_patches_the_event_keeps_agenda_ids_and_tells_the_attendees(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var (_, meeting) = await CreateAsync(app);
        var client = await app.ClientForAsync(Organizer);
        var keptItem = meeting!.Agenda[1];
        var changed = ValidPlan() with
        {
            Start = "2026-12-01T14:00",
            End = "2026-12-01T15:30",
            Attendees = [.. ValidPlan().Attendees!.Take(3)], // Dave no longer invited
            PreReads = [new("Launch timeline", "https://contoso.example/launch-timeline", [Owner])],
            Agenda = [new(keptItem.Id, "Campaign", "Review the final draft", Owner, 40, "Approved campaign plan")],
        };

        var response = await client.SendAsync(Put(meeting.Id, changed, meeting.Version));
        var updated = await response.ReadAsync<MeetingResponse>();

        Assert.Equal(InviteState.Sent, updated.Invite.State);
        Assert.Equal(meeting.Invite.GraphEventId, updated.Invite.GraphEventId);
        Assert.Equal(meeting.Version + 1, updated.Version);
        Assert.Equal($"\"{updated.Version}\"", response.Headers.ETag!.ToString());
        Assert.Equal([keptItem.Id], updated.Agenda.Select(a => a.Id));
        var stored = Assert.Single(app.Graph.State.EventsOf(Organizer));
        Assert.Equal("2026-12-01T06:00:00.0000000", stored["start"]!["dateTime"]!.GetValue<string>());
        Assert.Equal([NoteTaker, Owner], stored["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()));
        Assert.Contains("Review the final draft", stored["body"]!["content"]!.GetValue<string>());
        Assert.Equal(["invite", "update"], app.Graph.State.Notices.Select(n => n.Kind));
    }

    [Fact]
    public async Task Updating_needs_the_current_etag_and_only_the_organizer_may()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await CreateAsync(app);
        var organizer = await app.ClientForAsync(Organizer);

        await (await organizer.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{meeting!.Id}") { Content = JsonContent.Create(ValidPlan()) }))
            .ProblemAsync(HttpStatusCode.PreconditionRequired);
        var stale = await (await organizer.SendAsync(Put(meeting.Id, ValidPlan(), meeting.Version + 5))).ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(meeting.Version, stale.GetProperty("current").GetProperty("version").GetInt32());
        await (await (await app.ClientForAsync(NoteTaker)).SendAsync(Put(meeting.Id, ValidPlan(), meeting.Version))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("invite", Assert.Single(app.Graph.State.Notices).Kind); // only the original invite
    }

    [Fact]
    public async Task Cancelling_cancels_the_event_with_the_message_and_a_cancelled_meeting_stays_cancelled()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await CreateAsync(app);
        var organizer = await app.ClientForAsync(Organizer);

        var cancelled = await (await organizer.PostAsJsonAsync($"/api/meetings/{meeting!.Id}/cancel", new { message = "Postponed to January <b>sorry</b>" }))
            .ReadAsync<MeetingResponse>();

        Assert.Equal(InviteState.Cancelled, cancelled.Invite.State);
        Assert.True(app.Graph.State.EventsOf(Organizer).Single()["isCancelled"]!.GetValue<bool>());
        var notice = app.Graph.State.Notices.Last();
        Assert.Equal(("cancel", "Postponed to January <b>sorry</b>"), (notice.Kind, notice.Comment));
        await (await organizer.PostAsJsonAsync($"/api/meetings/{meeting.Id}/cancel", new { message = "again" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await organizer.SendAsync(Put(meeting.Id, ValidPlan(), cancelled.Version))).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Attendees_find_the_meeting_by_event_id_or_icaluid_and_list_their_meetings_by_role()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await CreateAsync(app);
        var (_, other) = await CreateAsync(app, ValidPlan("Budget review") with { Attendees = [.. ValidPlan().Attendees!.Take(3)], PreReads = [] });
        var dave = await app.ClientForAsync(Attendee);
        var bob = await app.ClientForAsync(NoteTaker);

        var byICal = await (await dave.GetAsync($"/api/meetings/lookup?iCalUId={Uri.EscapeDataString(meeting!.Invite.ICalUId!)}")).ReadAsync<MeetingResponse>();
        Assert.Equal(meeting.Id, byICal.Id);
        var byEvent = await (await dave.GetAsync($"/api/meetings/lookup?eventId={Uri.EscapeDataString(meeting.Invite.GraphEventId!)}")).ReadAsync<MeetingResponse>();
        Assert.Equal(meeting.Id, byEvent.Id);
        await (await dave.GetAsync($"/api/meetings/lookup?iCalUId={Uri.EscapeDataString(other!.Invite.ICalUId!)}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await dave.GetAsync("/api/meetings/lookup")).ProblemAsync(HttpStatusCode.BadRequest);

        async Task<string[]> Subjects(HttpClient c, string query) =>
            (await (await c.GetAsync("/api/meetings" + query)).ReadAsync<MeetingList>()).Items.Select(i => i.Subject).ToArray();
        Assert.Equal(["Q3 launch plan"], await Subjects(dave, "?as=attendee"));
        Assert.Equal(["Q3 launch plan", "Budget review"], await Subjects(bob, "?as=noteTaker"));
        Assert.Empty(await Subjects(bob, "?as=organizer"));
        Assert.Equal(["Q3 launch plan", "Budget review"], await Subjects(await app.ClientForAsync(Organizer), "?as=organizer"));
        var summary = (await (await bob.GetAsync("/api/meetings")).ReadAsync<MeetingList>()).Items[0];
        Assert.Equal(["noteTaker", "timekeeper"], summary.MyRoles);
        await (await bob.GetAsync("/api/meetings?as=boss")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_attendee_finds_the_meeting_from_their_own_copy_of_the_event()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await CreateAsync(app);
        var copyId = app.Graph.State.EventsOf(Attendee).Single()["id"]!.GetValue<string>();
        Assert.NotEqual(meeting!.Invite.GraphEventId, copyId);

        var found = await (await (await app.ClientForAsync(Attendee)).GetAsync($"/api/meetings/lookup?eventId={Uri.EscapeDataString(copyId)}")).ReadAsync<MeetingResponse>();

        Assert.Equal(meeting.Id, found.Id);
        // Someone else cannot use Dave's copy id: it is not an event in their calendar.
        await (await (await app.ClientForAsync(Outsider)).GetAsync($"/api/meetings/lookup?eventId={Uri.EscapeDataString(copyId)}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_directory_search_finds_people_for_the_attendee_picker()
    {
        await using var app = await TestApp.StartAsync();
        app.Graph.State.Directory[Owner] = new GraphEmulator.DirectoryUser(Owner, "Carol Zhang", "Marketing");
        app.Graph.State.Directory[Attendee] = new GraphEmulator.DirectoryUser(Attendee, "Dave Chen", "Sales");
        var client = await app.ClientForAsync(Organizer);

        var people = await (await client.GetAsync("/api/people?search=car")).ReadAsync<List<DirectoryPerson>>();

        Assert.Equal([new DirectoryPerson(Owner, "Carol Zhang", "Marketing")], people);
        await (await client.GetAsync("/api/people?search=c")).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
