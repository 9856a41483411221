using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.Data;
using CollabAddin.Api.Graph;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Tests.Infrastructure;
using CollabAddin.GraphEmulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static CollabAddin.Api.Tests.Meetings.MeetingsApiTests;

namespace CollabAddin.Api.Tests.Meetings;

/// <summary>Never lose a meeting, never send two invites: Graph throttling, outages, lost answers, crashes and races.</summary>
public sealed class InviteOutboxTests(PostgresServer postgres)
{
    private static Task<int> Worker(TestApp app) => app.Services.GetRequiredService<InviteWorker>().RunOnceAsync(default);

    private static Task<Meeting> Stored(TestApp app, Guid id) =>
        app.WithDbAsync(Tenant, db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == id));

    private static int EventsFor(TestApp app, Guid meetingId) =>
        app.Graph.State.AllEvents().Count(e => e.Event["transactionId"]?.GetValue<string>() == meetingId.ToString());

    [Fact]
    public async Task Throttling_is_retried_after_the_time_graph_asks_for()
    {
        await using var app = await TestApp.StartAsync();
        app.Graph.State.Faults.Add(new FaultRule(FaultKind.Throttle, "POST", "/events", Times: 1, RetryAfterSeconds: 1));

        var watch = Stopwatch.StartNew();
        var (_, meeting) = await CreateAsync(app);

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1), $"retried after {watch.Elapsed}, before Retry-After");
        Assert.Equal(InviteState.Sent, meeting!.Invite.State);
        Assert.Equal(1, EventsFor(app, meeting.Id));
        Assert.Equal([429, 201], app.Graph.State.Exchanges.Where(e => e.Method == "POST").Select(e => e.Status));
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task While_graph_is_down_the_meeting_is_kept_and_the_worker_sends_it_when_graph_is_back(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        app.Graph.State.Faults.Add(new FaultRule(FaultKind.Unavailable, PathContains: "/events", Times: int.MaxValue, RetryAfterSeconds: 0));

        var (response, meeting) = await CreateAsync(app);

        await response.ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal(InviteState.CreatePending, meeting!.Invite.State);
        Assert.Contains("503", meeting.Invite.Error);
        Assert.Equal(1, meeting.Invite.Attempts);
        Assert.Equal(TestApp.DefaultNow.UtcDateTime.AddSeconds(30), meeting.Invite.NextAttemptAt);
        Assert.Empty(app.Graph.State.AllEvents());

        Assert.Equal(0, await Worker(app)); // not due yet: the worker waits for the back-off
        app.Graph.State.Faults.Clear();
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await Worker(app));

        var sent = await Stored(app, meeting.Id);
        Assert.Equal((InviteState.Sent, 0, null), (sent.Invite.State, sent.Invite.Attempts, sent.Invite.Error));
        Assert.Equal(1, EventsFor(app, meeting.Id));
        Assert.Equal(0, await Worker(app)); // nothing left to do
    }

    [Fact]
    public async Task Back_off_grows_with_each_failed_attempt_up_to_its_cap()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Invites:RetryMaxMinutes"] = "2" });
        app.Graph.State.Faults.Add(new FaultRule(FaultKind.GatewayTimeout, PathContains: "/events", Times: int.MaxValue));
        var (_, meeting) = await CreateAsync(app);
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            var stored = await Stored(app, meeting!.Id);
            waits.Add(stored.Invite.NextAttemptAt!.Value - app.Clock.GetUtcNow().UtcDateTime);
            app.Clock.Set(stored.Invite.NextAttemptAt.Value);
            await Worker(app);
        }
        Assert.Equal([30, 60, 120, 120], waits.Select(w => (int)w.TotalSeconds));
    }

    [Fact]
    public async Task A_first_attempt_sends_only_the_create_and_every_retry_looks_for_the_event_first()
    {
        await using var app = await TestApp.StartAsync();
        var (_, healthy) = await CreateAsync(app);
        Assert.Equal(InviteState.Sent, healthy!.Invite.State);
        Assert.Equal(["POST"], app.Graph.State.Exchanges.Select(e => e.Method)); // the minimum: one request per invite

        app.Graph.State.Exchanges.Clear();
        app.Graph.State.Faults.Add(new FaultRule(FaultKind.Unavailable, "POST", "/events", Times: int.MaxValue, RetryAfterSeconds: 0));
        var (_, meeting) = await CreateAsync(app);
        Assert.Equal(InviteState.CreatePending, meeting!.Invite.State);
        Assert.All(app.Graph.State.Exchanges, e => Assert.Equal(("POST", 503), (e.Method, e.Status))); // retried in place, never looked up

        app.Graph.State.Exchanges.Clear();
        app.Graph.State.Faults.Clear();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Worker(app);

        Assert.Equal(InviteState.Sent, (await Stored(app, meeting.Id)).Invite.State);
        Assert.Equal([("GET", 200), ("POST", 201)], app.Graph.State.Exchanges.Select(e => (e.Method, e.Status)));
        Assert.Equal(1, EventsFor(app, meeting.Id));
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task When_graph_created_the_event_but_the_answer_was_lost_the_retry_finds_it_instead_of_creating_another(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        app.Graph.State.Faults.Add(new FaultRule(FaultKind.DropAfterCommit, "POST", "/events", Times: 1));

        var (_, meeting) = await CreateAsync(app);
        Assert.Equal(InviteState.CreatePending, meeting!.Invite.State);
        Assert.Equal(1, EventsFor(app, meeting.Id)); // Graph has it; we did not hear

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Worker(app);

        var sent = await Stored(app, meeting.Id);
        Assert.Equal(InviteState.Sent, sent.Invite.State);
        Assert.Equal(app.Graph.State.EventsOf(Organizer).Single()["id"]!.GetValue<string>(), sent.Invite.GraphEventId);
        Assert.Equal(1, EventsFor(app, meeting.Id));
        Assert.Equal(1, app.Graph.State.RequestCount("POST", "/events"));
    }

    [Fact]
    public async Task A_sender_that_died_mid_send_holds_its_lease_until_it_expires_then_the_worker_finishes_without_a_second_event()
    {
        await using var app = await TestApp.StartAsync();
        var meeting = NewMeeting();
        meeting.StartUtc = new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);
        meeting.EndUtc = meeting.StartUtc.AddHours(1);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        meeting.Invite = new MeetingInvite { State = InviteState.CreatePending, NextAttemptAt = now, LeaseUntil = now.AddMinutes(2) };
        await app.WithDbAsync(Tenant, async db => { db.Meetings.Add(meeting); await db.SaveChangesAsync(); });
        // The dead sender got as far as Graph creating the event.
        var gateway = app.Services.CreateAsyncScopeWithTenant(Tenant).GetRequiredService<IGraphGateway>();
        await gateway.CreateEventAsync(InviteSender.Draft(meeting), default);

        Assert.Equal(0, await Worker(app)); // still leased
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await Worker(app));

        Assert.Equal(InviteState.Sent, (await Stored(app, meeting.Id)).Invite.State);
        Assert.Equal(1, EventsFor(app, meeting.Id));
        Assert.Equal(1, app.Graph.State.RequestCount("POST", "/events"));
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Workers_racing_for_the_same_invites_send_each_exactly_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        app.Graph.State.Faults.Add(new FaultRule(FaultKind.Unavailable, PathContains: "/events", Times: int.MaxValue, RetryAfterSeconds: 0));
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
            ids.Add((await CreateAsync(app, ValidPlan($"Meeting {i}"))).Meeting!.Id);
        app.Graph.State.Faults.Clear();
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var passes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Worker(app))));

        Assert.Equal(5, passes.Sum());
        Assert.All(ids, id => Assert.Equal(1, EventsFor(app, id)));
        Assert.Equal(5, app.Graph.State.Exchanges.Count(e => e.Method == "POST" && e.Status == 201));
    }

    [Fact]
    public async Task A_refusal_is_final_until_the_organizer_changes_the_meeting()
    {
        await using var app = await TestApp.StartAsync();
        app.Graph.State.Faults.Add(new FaultRule(FaultKind.Refuse, "POST", "/events", Times: 1));

        var (_, meeting) = await CreateAsync(app);
        Assert.Equal(InviteState.Failed, meeting!.Invite.State);
        Assert.Contains("Access is denied", meeting.Invite.Error);
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await Worker(app));

        var client = await app.ClientForAsync(Organizer);
        var retried = await (await client.SendAsync(Put(meeting.Id, ValidPlan(), meeting.Version))).ReadAsync<MeetingResponse>();
        Assert.Equal(InviteState.Sent, retried.Invite.State);
        Assert.Equal(1, EventsFor(app, meeting.Id));
    }

    [Fact]
    public async Task A_response_slower_than_the_timeout_leaves_the_invite_to_the_worker()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Graph:TimeoutSeconds"] = "1" });
        app.Graph.State.Faults.Add(new FaultRule(FaultKind.Slow, "POST", "/events", Times: 1, DelayMs: 5000));

        var (_, meeting) = await CreateAsync(app);
        Assert.Equal(InviteState.CreatePending, meeting!.Invite.State);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Worker(app);
        Assert.Equal(InviteState.Sent, (await Stored(app, meeting.Id)).Invite.State);
        Assert.Equal(1, EventsFor(app, meeting.Id));
    }

    [Fact]
    public async Task Updates_and_cancellations_made_while_graph_is_down_reach_outlook_later_in_order()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await CreateAsync(app);
        var client = await app.ClientForAsync(Organizer);
        app.Graph.State.Faults.Add(new FaultRule(FaultKind.Unavailable, PathContains: "/events", Times: int.MaxValue, RetryAfterSeconds: 0));

        var put = await client.SendAsync(Put(meeting!.Id, ValidPlan("Q3 launch plan (moved)"), meeting.Version));
        Assert.True(put.IsSuccessStatusCode, app.Logs.ToString());
        var updated = await put.ReadAsync<MeetingResponse>();
        Assert.Equal(InviteState.UpdatePending, updated.Invite.State);
        app.Graph.State.Faults.Clear();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Worker(app);
        Assert.Equal("Q3 launch plan (moved)", app.Graph.State.EventsOf(Organizer).Single()["subject"]!.GetValue<string>());

        app.Graph.State.Faults.Add(new FaultRule(FaultKind.Unavailable, PathContains: "/events", Times: int.MaxValue, RetryAfterSeconds: 0));
        var cancelled = await (await client.PostAsJsonAsync($"/api/meetings/{meeting.Id}/cancel", new { message = "Moved to Q4" })).ReadAsync<MeetingResponse>();
        Assert.Equal(InviteState.CancelPending, cancelled.Invite.State);
        app.Graph.State.Faults.Clear();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Worker(app);

        Assert.Equal(InviteState.Cancelled, (await Stored(app, meeting.Id)).Invite.State);
        Assert.Equal(["invite", "update", "cancel"], app.Graph.State.Notices.Select(n => n.Kind));
    }

    [Fact]
    public async Task A_change_saved_while_the_invite_was_being_created_is_sent_as_an_update_not_lost()
    {
        await using var app = await TestApp.StartAsync();
        app.Graph.State.Faults.Add(new FaultRule(FaultKind.Unavailable, PathContains: "/events", Times: int.MaxValue, RetryAfterSeconds: 0));
        var (_, meeting) = await CreateAsync(app);
        app.Graph.State.Faults.Clear();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        app.Graph.State.Faults.Add(new FaultRule(FaultKind.Slow, "POST", "/events", Times: 1, DelayMs: 1500));

        var creating = Task.Run(() => Worker(app)); // holds the lease while Graph is slow
        await Task.Delay(500);
        var client = await app.ClientForAsync(Organizer);
        var current = await Stored(app, meeting!.Id);
        await (await client.SendAsync(Put(meeting.Id, ValidPlan("Renamed while sending"), current.Version))).ShouldBeAsync(HttpStatusCode.OK);
        await creating;

        Assert.Equal(InviteState.UpdatePending, (await Stored(app, meeting.Id)).Invite.State);
        await Worker(app);
        Assert.Equal(InviteState.Sent, (await Stored(app, meeting.Id)).Invite.State);
        var stored = Assert.Single(app.Graph.State.EventsOf(Organizer));
        Assert.Equal("Renamed while sending", stored["subject"]!.GetValue<string>());
    }

    /// <summary>FAULT_MEETINGS sets how many meetings are created under faults (200 in the test command).</summary>
    private static readonly int FaultMeetings = int.TryParse(Environment.GetEnvironmentVariable("FAULT_MEETINGS"), out var n) ? n : 200;

    [Fact]
    public async Task Under_random_faults_every_meeting_gets_exactly_one_event()
    {
        // Graph's client timeout is cut to 1 s so that the slow answers below are real client-side timeouts.
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimits:WritesPerMinute"] = "1000000", ["Graph:TimeoutSeconds"] = "1",
        });
        app.Graph.State.Faults.Seed(20261122);
        foreach (var kind in new[] { FaultKind.Throttle, FaultKind.Unavailable, FaultKind.GatewayTimeout, FaultKind.Drop, FaultKind.DropAfterCommit })
            app.Graph.State.Faults.Add(new FaultRule(kind, PathContains: "/events", Times: int.MaxValue, Probability: 0.07, RetryAfterSeconds: 0));
        app.Graph.State.Faults.Add(new FaultRule(FaultKind.Slow, PathContains: "/events", Times: int.MaxValue, Probability: 0.03, DelayMs: 1500));

        var ids = new List<Guid>();
        for (var i = 0; i < FaultMeetings; i++)
            ids.Add((await CreateAsync(app, ValidPlan($"Meeting {i}"))).Meeting!.Id);
        for (var pass = 0; pass < 30 && await app.WithDbAsync(Tenant, db => db.Meetings.AnyAsync(m => m.Invite.State != InviteState.Sent)); pass++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(31));
            await Worker(app);
        }

        Assert.All(ids, id => Assert.Equal(1, EventsFor(app, id)));
        Assert.Equal(FaultMeetings, await app.WithDbAsync(Tenant, db => db.Meetings.CountAsync(m => m.Invite.State == InviteState.Sent)));
        var faults = app.Graph.State.Exchanges.Where(e => e.Fault is not null).GroupBy(e => e.Fault).ToDictionary(g => g.Key!, g => g.Count());
        TestContext.Current.TestOutputHelper?.WriteLine($"{FaultMeetings} meetings, {app.Graph.State.Exchanges.Count} Graph exchanges, faults: "
            + string.Join(", ", faults.Select(f => $"{f.Key}×{f.Value}")));
        Assert.True(faults.Count >= 6 || FaultMeetings < 50, "every kind of fault should have been exercised: " + string.Join(", ", faults.Select(f => $"{f.Key}×{f.Value}")));
    }
}
