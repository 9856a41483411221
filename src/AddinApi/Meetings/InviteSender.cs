using CollabAddin.Api.Data;
using CollabAddin.Api.Graph;
using CollabAddin.Api.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.Meetings;

/// <summary>Section <c>Invites</c>: how the outbox retries.</summary>
public sealed class InviteOptions
{
    public bool WorkerEnabled { get; set; } = true;
    public int PollSeconds { get; set; } = 10;
    public int LeaseSeconds { get; set; } = 120;
    public int RetryBaseSeconds { get; set; } = 30;
    public int RetryMaxMinutes { get; set; } = 30;
    /// <summary>How long a request waits for Graph before leaving the invite to the worker.</summary>
    public int InlineTimeoutSeconds { get; set; } = 20;
}

/// <summary>
/// Brings a meeting's Outlook event in line with its pending invite state: create, update or cancel.
/// A sender first claims the meeting with a lease in the database, so a request and any number of worker
/// instances never act on the same meeting at once. Creating is idempotent twice over: on any attempt after the first
/// we look for an event carrying our meeting id (it exists if a sender died or lost the answer after Graph created it),
/// and Graph's transactionId turns a repeated POST into the first one's event. The first attempt sends only the POST.
/// </summary>
public sealed class InviteSender(CollabDb db, IGraphGateway graph, TimeProvider clock, IOptions<InviteOptions> options, ILogger<InviteSender> log)
{
    private static readonly InviteState[] Pending = [InviteState.CreatePending, InviteState.UpdatePending, InviteState.CancelPending];

    /// <summary>Returns false when another sender holds the meeting or nothing is pending.</summary>
    public async Task<bool> TrySendAsync(Guid meetingId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = now.AddSeconds(options.Value.LeaseSeconds);
        var pending = db.Meetings.Where(m => m.Id == meetingId && Pending.Contains(m.Invite.State));
        // A first attempt: no sender ever held this invite (a lease is cleared only once an outcome is recorded, and a
        // retryable outcome counts an attempt), so Graph cannot hold an event for it yet and the lookup can be skipped.
        var firstAttempt = await pending
            .Where(m => m.Invite.LeaseUntil == null && m.Invite.Attempts == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Invite.LeaseUntil, lease), ct) == 1;
        if (!firstAttempt && await pending
                .Where(m => m.Invite.LeaseUntil == null || m.Invite.LeaseUntil < now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Invite.LeaseUntil, lease), ct) == 0)
            return false;

        var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId, ct);
        var outcome = await SendAsync(meeting, now, firstAttempt, ct);
        await RecordAsync(meeting, outcome, ct);
        return true;
    }

    private sealed record Outcome(InviteState State, CalendarEvent? Event, string? Error, bool Retry, int PlanVersion);

    private async Task<Outcome> SendAsync(Meeting meeting, DateTime now, bool firstAttempt, CancellationToken ct)
    {
        var state = meeting.Invite.State;
        if (state != InviteState.CancelPending && meeting.StartUtc <= now)
            return new(InviteState.Failed, null, "The meeting started before the invite could be sent.", false, meeting.Version);
        try
        {
            switch (state)
            {
                case InviteState.CreatePending:
                    var created = (firstAttempt ? null : await graph.FindEventAsync(meeting.OrganizerEmail, meeting.Id, ct))
                                  ?? await graph.CreateEventAsync(Draft(meeting), ct);
                    return new(InviteState.Sent, created, null, false, meeting.Version);
                case InviteState.UpdatePending:
                    // An occurrence of a series opens with what earlier occurrences left open, as of this update.
                    var open = meeting.SeriesId is null ? null : await Series.CarryForward.OpenItemsAsync(db, meeting, ct);
                    return new(InviteState.Sent, await graph.UpdateEventAsync(meeting.Invite.GraphEventId!, Draft(meeting, open), ct), null, false, meeting.Version);
                case InviteState.CancelPending when meeting.SeriesId is not null && meeting.Invite.GraphEventId is null:
                    // Outlook's occurrence is not linked yet (the series' event is still being sent): cancel it once it is.
                    return new(state, null, "Waiting for the series' recurring event.", true, meeting.Version);
                default:
                    var eventId = meeting.Invite.GraphEventId ?? (await graph.FindEventAsync(meeting.OrganizerEmail, meeting.Id, ct))?.Id;
                    if (eventId is not null)
                        await graph.CancelEventAsync(meeting.OrganizerEmail, eventId, meeting.Invite.CancelMessage, ct);
                    return new(InviteState.Cancelled, null, null, false, meeting.Version);
            }
        }
        catch (GraphUnavailableException e)
        {
            log.InviteDeferred(meeting.Id, state, e.Message);
            return new(state, null, e.Message, true, meeting.Version);
        }
        catch (GraphRejectedException e)
        {
            log.InviteRefused(meeting.Id, state, e.Status, e.Code);
            return new(InviteState.Failed, null, $"Outlook refused the invite: {e.Message}", false, meeting.Version);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not Graph's answer but our own failure (writing the invite, reading the plan): this meeting alone backs off
            // and tries again, until the meeting starts and the invite is failed; the worker goes on with the others.
            log.InvitePreparationFailed(meeting.Id, state, e.GetType().Name);
            return new(state, null, RetrySchedule.Reason(e), true, meeting.Version);
        }
    }

    /// <summary>
    /// Stores what happened, and releases the lease. The organizer may have changed or cancelled the meeting while
    /// Graph was being called: then their change wins and the invite is queued again to catch up with it.
    /// </summary>
    private async Task RecordAsync(Meeting meeting, Outcome outcome, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var invite = meeting.Invite;
            var now = clock.GetUtcNow().UtcDateTime;
            if (outcome.Event is { } e)
            {
                invite.GraphEventId = e.Id;
                invite.ICalUId = e.ICalUId ?? invite.ICalUId;
                invite.WebLink = e.WebLink ?? invite.WebLink;
                invite.JoinUrl = e.JoinUrl ?? invite.JoinUrl;
            }
            var cancelledMeanwhile = invite.State == InviteState.CancelPending && outcome.State != InviteState.Cancelled;
            var changedMeanwhile = meeting.Version != outcome.PlanVersion;
            invite.State = cancelledMeanwhile ? InviteState.CancelPending
                : changedMeanwhile && outcome.State == InviteState.Sent ? InviteState.UpdatePending
                : outcome.State;
            invite.Error = RetrySchedule.Stored(outcome.Error);
            invite.Attempts = outcome.Retry ? invite.Attempts + 1 : 0;
            invite.NextAttemptAt = outcome.Retry ? now + Backoff(invite.Attempts) : invite.IsPending ? now : null;
            invite.LeaseUntil = null;
            try
            {
                await db.SaveChangesAsync(ct);
                (outcome.Retry ? Telemetry.InvitesRetried : outcome.State == InviteState.Failed ? Telemetry.InvitesFailed : Telemetry.InvitesSent).Add(1);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // The organizer saved a change while Graph was being called: reload it and record on top of it.
                db.ChangeTracker.Clear();
                meeting = await db.Meetings.SingleAsync(m => m.Id == meeting.Id, ct);
            }
        }
    }

    private TimeSpan Backoff(int attempts) =>
        RetrySchedule.After(attempts, TimeSpan.FromSeconds(options.Value.RetryBaseSeconds), TimeSpan.FromMinutes(options.Value.RetryMaxMinutes));

    public static EventDraft Draft(Meeting meeting, IReadOnlyList<Series.OpenItem>? openItems = null) => new(
        meeting.OrganizerEmail, meeting.Id, meeting.Subject,
        InviteBody.Render(meeting, System.Globalization.CultureInfo.GetCultureInfo(meeting.Language ?? "en-US"), openItems: openItems),
        meeting.StartUtc, meeting.EndUtc, meeting.TimeZone, meeting.Location, meeting.IsOnlineMeeting,
        meeting.Attendees
            .Where(a => a.Email != meeting.OrganizerEmail) // the organizer owns the event; they are not invited to it
            .Select(a => new EventAttendee(a.Email, a.DisplayName, a.Kind == AttendanceKind.Core)).ToList());
}
