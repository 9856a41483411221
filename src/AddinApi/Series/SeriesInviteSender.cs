using System.Globalization;
using CollabAddin.Api.Data;
using CollabAddin.Api.Graph;
using CollabAddin.Api.Hosting;
using CollabAddin.Api.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.Series;

/// <summary>
/// Brings a series' recurring Outlook event in line with its pending state, as <see cref="InviteSender"/> does for one
/// meeting (the same lease, retry and "changed meanwhile" rules), and then links each occurrence of ours to Outlook's
/// occurrence by its original start, so changing or cancelling one occurrence goes to that occurrence only.
/// </summary>
public sealed class SeriesInviteSender(CollabDb db, IGraphGateway graph, TimeProvider clock, IOptions<InviteOptions> options, ILogger<SeriesInviteSender> log)
{
    private static readonly InviteState[] Pending = [InviteState.CreatePending, InviteState.UpdatePending, InviteState.CancelPending];

    public async Task<bool> TrySendAsync(Guid seriesId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Series.Where(s => s.Id == seriesId && Pending.Contains(s.Invite.State) && (s.Invite.LeaseUntil == null || s.Invite.LeaseUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Invite.LeaseUntil, now.AddSeconds(options.Value.LeaseSeconds)), ct) == 1;
        if (!claimed) return false;

        var series = await db.Series.SingleAsync(s => s.Id == seriesId, ct);
        var occurrences = await db.Meetings.Where(m => m.SeriesId == seriesId).OrderBy(m => m.StartUtc).ToListAsync(ct);
        var (version, state) = (series.Version, series.Invite.State);
        InviteState outcome;
        string? error = null;
        var retry = false;
        IReadOnlyList<EventOccurrence> found = [];
        try
        {
            outcome = await SendAsync(series, occurrences, now, ct);
            if (outcome == InviteState.Sent)
                found = await graph.GetOccurrencesAsync(series.OrganizerEmail, series.Invite.GraphEventId!,
                    occurrences[0].StartUtc.AddDays(-1), occurrences[^1].EndUtc.AddDays(1), ct);
        }
        catch (GraphUnavailableException e)
        {
            log.SeriesInviteDeferred(series.Id, state, e.Message);
            (outcome, error, retry) = (state, e.Message, true);
        }
        catch (GraphRejectedException e)
        {
            log.SeriesInviteRefused(series.Id, state, e.Status, e.Code);
            (outcome, error) = (InviteState.Failed, $"Outlook refused the recurring invite: {e.Message}");
        }

        var invite = series.Invite;
        invite.State = series.Version != version && outcome == InviteState.Sent ? InviteState.UpdatePending : outcome;
        invite.Error = RetrySchedule.Stored(error);
        invite.Attempts = retry ? invite.Attempts + 1 : 0;
        invite.NextAttemptAt = retry ? now + RetrySchedule.After(invite.Attempts, TimeSpan.FromSeconds(options.Value.RetryBaseSeconds), TimeSpan.FromMinutes(options.Value.RetryMaxMinutes))
            : invite.IsPending ? now : null;
        invite.LeaseUntil = null;
        Link(series, occurrences, found, outcome, reapply: state == InviteState.UpdatePending, now);
        await db.SaveChangesAsync(ct); // a concurrent change to an occurrence fails this: the lease lapses and the worker links again
        return true;
    }

    private async Task<InviteState> SendAsync(MeetingSeries series, List<Meeting> occurrences, DateTime now, CancellationToken ct)
    {
        switch (series.Invite.State)
        {
            case InviteState.CreatePending:
                var draft = Draft(series, occurrences);
                var created = (series.Invite.Attempts == 0 ? null : await graph.FindEventAsync(series.OrganizerEmail, series.Id, ct))
                              ?? await graph.CreateEventAsync(draft, ct);
                Keep(series, created);
                return InviteState.Sent;
            case InviteState.UpdatePending:
                Keep(series, await graph.UpdateEventAsync(series.Invite.GraphEventId!, Draft(series, occurrences), ct));
                return InviteState.Sent;
            default:
                var id = series.Invite.GraphEventId ?? (await graph.FindEventAsync(series.OrganizerEmail, series.Id, ct))?.Id;
                if (id is not null) await graph.CancelEventAsync(series.OrganizerEmail, id, series.Invite.CancelMessage, ct);
                // Outlook cancelled every occurrence with the master; ours that are still to come follow.
                foreach (var m in occurrences.Where(m => m.StartUtc > now && m.Invite.State is not InviteState.Cancelled))
                    (m.Invite.State, m.Invite.NextAttemptAt, m.UpdatedAt) = (InviteState.Cancelled, null, now);
                return InviteState.Cancelled;
        }
    }

    private static void Keep(MeetingSeries series, CalendarEvent e)
    {
        series.Invite.GraphEventId = e.Id;
        series.Invite.ICalUId = e.ICalUId ?? series.Invite.ICalUId;
        series.Invite.WebLink = e.WebLink ?? series.Invite.WebLink;
        series.Invite.JoinUrl = e.JoinUrl ?? series.Invite.JoinUrl;
    }

    /// <summary>
    /// Each occurrence of ours gets its Outlook occurrence's id (by original start). One waiting for the series is sent
    /// now; one changed before it could be linked (a newer version, an agenda of its own, moved) is updated on its own next.
    /// </summary>
    private static void Link(MeetingSeries series, List<Meeting> occurrences, IReadOnlyList<EventOccurrence> found, InviteState outcome, bool reapply, DateTime now)
    {
        if (outcome == InviteState.Failed)
            foreach (var m in occurrences.Where(m => m.Invite.State == InviteState.AwaitingSeries))
                (m.Invite.State, m.Invite.Error) = (InviteState.Failed, series.Invite.Error);
        var standing = SeriesPlanner.StandingShape(series);
        foreach (var m in occurrences)
        {
            var match = found.FirstOrDefault(o => Math.Abs((o.OriginalStartUtc - m.OccurrenceStartUtc!.Value).TotalMinutes) < 1);
            if (match is null) continue;
            var (id, ical) = (m.Invite.GraphEventId, m.Invite.ICalUId);
            (m.Invite.GraphEventId, m.Invite.ICalUId, m.Invite.WebLink, m.Invite.JoinUrl) =
                (match.Id, match.ICalUId ?? m.Invite.ICalUId, match.WebLink ?? series.Invite.WebLink, series.Invite.JoinUrl ?? m.Invite.JoinUrl);
            // After a change to the whole series Outlook re-applies the master to every occurrence, exceptions included:
            // the coming ones with an agenda of their own get it back with their own update.
            if (m.Invite.State == InviteState.AwaitingSeries || reapply && m.Invite.State == InviteState.Sent && m.StartUtc > now)
            {
                var own = !m.AgendaDraft && (m.Invite.State == InviteState.AwaitingSeries && m.Version > 1 || SeriesPlanner.AgendaShape(m) != standing || m.StartUtc != m.OccurrenceStartUtc);
                (m.Invite.State, m.Invite.NextAttemptAt) = own ? (InviteState.UpdatePending, now) : (InviteState.Sent, (DateTime?)null);
            }
            if (id != m.Invite.GraphEventId || ical != m.Invite.ICalUId) m.UpdatedAt = now;
        }
    }

    /// <summary>The master event: the first occurrence's people and place, the standing topics, and how it repeats.</summary>
    public static EventDraft Draft(MeetingSeries series, List<Meeting> occurrences)
    {
        var first = occurrences[0];
        var start = RecurrenceRules.StartUtc(series.FirstDate, series.LocalStart, series.TimeZone);
        var culture = CultureInfo.GetCultureInfo(first.Language ?? "en-US");
        var shape = new Meeting
        {
            TenantId = series.TenantId, Subject = first.Subject, Goal = first.Goal, OrganizerEmail = first.OrganizerEmail, OrganizerName = first.OrganizerName,
            TimeZone = series.TimeZone, StartUtc = start, EndUtc = start.AddMinutes(series.LengthMinutes), Location = first.Location,
            IsOnlineMeeting = first.IsOnlineMeeting, Language = first.Language, Attendees = first.Attendees,
            Agenda = series.StandingTopics.OrderBy(t => t.Position).Select(t => new AgendaItem
            {
                Position = t.Position, Topic = t.Topic, Discussion = t.Discussion, OwnerEmail = t.OwnerEmail, PlannedMinutes = t.PlannedMinutes, ExpectedOutput = t.ExpectedOutput,
            }).ToList(),
        };
        return InviteSender.Draft(shape) with
        {
            MeetingId = series.Id,
            HtmlBody = InviteBody.Render(shape, culture, SeriesWords.Describe(series, culture)),
            Recurrence = SeriesPlanner.ToGraph(series),
        };
    }
}
