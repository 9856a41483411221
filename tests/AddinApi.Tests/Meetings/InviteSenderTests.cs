using CollabAddin.Api.Graph;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Meetings;

/// <summary>
/// The invite sender's decisions, isolated from Graph by a substituted gateway (the emulator-based tests drive the real
/// SDK; these pin which Graph calls a state leads to, and what is stored for each answer). The store is real SQLite.
/// </summary>
public sealed class InviteSenderTests
{
    private static readonly InviteOptions Options = new() { RetryBaseSeconds = 30, RetryMaxMinutes = 30 };

    private static async Task<(TestApp App, Guid Meeting)> PendingInvite(int attempts = 0)
    {
        var app = await TestApp.StartAsync();
        var meeting = NewMeeting();
        meeting.StartUtc = app.Clock.GetUtcNow().UtcDateTime.AddDays(3);
        meeting.EndUtc = meeting.StartUtc.AddHours(1);
        meeting.Invite = new MeetingInvite { State = InviteState.CreatePending, Attempts = attempts, NextAttemptAt = meeting.StartUtc.AddDays(-3) };
        await app.WithDbAsync(Tenant, async db => { db.Meetings.Add(meeting); await db.SaveChangesAsync(); });
        return (app, meeting.Id);
    }

    private static Task<MeetingInvite> Send(TestApp app, Guid meeting, IGraphGateway graph) => app.WithDbAsync(Tenant, async db =>
    {
        Assert.True(await new InviteSender(db, graph, app.Clock, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<InviteSender>.Instance).TrySendAsync(meeting, default));
        return (await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting)).Invite;
    });

    [Fact]
    public async Task A_first_attempt_creates_the_event_without_looking_for_one_and_stores_its_links()
    {
        var (app, meeting) = await PendingInvite();
        await using var _ = app;
        var graph = Substitute.For<IGraphGateway>();
        graph.CreateEventAsync(Arg.Any<EventDraft>(), Arg.Any<CancellationToken>()).Returns(new CalendarEvent("event-1", "ical-1", "https://outlook/1", "https://teams/1", false));

        var invite = await Send(app, meeting, graph);

        Assert.Equal((InviteState.Sent, "event-1", "https://teams/1", 0, (DateTime?)null), (invite.State, invite.GraphEventId, invite.JoinUrl, invite.Attempts, invite.LeaseUntil));
        await graph.DidNotReceive().FindEventAsync(Arg.Any<string>(), Arg.Any<Guid>(), Arg.Any<CancellationToken>());
        await graph.Received(1).CreateEventAsync(Arg.Is<EventDraft>(d => d.MeetingId == meeting && d.Organizer == Organizer), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_retry_finds_the_event_an_earlier_attempt_created_and_never_creates_a_second()
    {
        var (app, meeting) = await PendingInvite(attempts: 1);
        await using var _ = app;
        var graph = Substitute.For<IGraphGateway>();
        graph.FindEventAsync(Organizer, meeting, Arg.Any<CancellationToken>()).Returns(new CalendarEvent("event-lost-answer", "ical", null, null, false));

        var invite = await Send(app, meeting, graph);

        Assert.Equal((InviteState.Sent, "event-lost-answer"), (invite.State, invite.GraphEventId));
        await graph.DidNotReceive().CreateEventAsync(Arg.Any<EventDraft>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Graph_unavailable_keeps_the_invite_pending_and_backs_off()
    {
        var (app, meeting) = await PendingInvite();
        await using var _ = app;
        var graph = Substitute.For<IGraphGateway>();
        graph.CreateEventAsync(Arg.Any<EventDraft>(), Arg.Any<CancellationToken>()).ThrowsAsync(new GraphUnavailableException("503 from Graph"));

        var invite = await Send(app, meeting, graph);

        Assert.Equal((InviteState.CreatePending, 1, "503 from Graph"), (invite.State, invite.Attempts, invite.Error));
        Assert.True(invite.NextAttemptAt >= app.Clock.GetUtcNow().UtcDateTime.AddSeconds(Options.RetryBaseSeconds), $"retried at {invite.NextAttemptAt}");
    }

    [Fact]
    public async Task Graph_refusing_fails_the_invite_with_the_reason_and_no_retry()
    {
        var (app, meeting) = await PendingInvite();
        await using var _ = app;
        var graph = Substitute.For<IGraphGateway>();
        graph.CreateEventAsync(Arg.Any<EventDraft>(), Arg.Any<CancellationToken>()).ThrowsAsync(new GraphRejectedException(403, "ErrorAccessDenied", "Access is denied."));

        var invite = await Send(app, meeting, graph);

        Assert.Equal(InviteState.Failed, invite.State);
        Assert.Contains("Access is denied.", invite.Error);
        Assert.Null(invite.NextAttemptAt);
    }
}
