using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Meetings;

/// <param name="State">done (it had its turn), current (on the clock), next (still to come).</param>
public sealed record ClockItem(Guid Id, int Number, string Topic, string Owner, int PlannedMinutes, int? ActualSeconds, string State);

/// <param name="Position">The agenda item on the clock (0-based), or null when the clock is not running.</param>
/// <param name="ItemElapsedSeconds">How long the current item has run; <see cref="ItemRemainingSeconds"/> is negative once it overran.</param>
/// <param name="MeetingRemainingSeconds">Until the meeting's planned end (negative past it).</param>
/// <param name="ProjectedOverrunMinutes">If the rest of the agenda takes its planned time from now, how far past the end the meeting runs (0 when it fits).</param>
/// <param name="CanRun">The caller may move the clock: the host, the timekeeper or the organizer.</param>
/// <param name="CanCapture">The caller may capture decisions and action items (Meetings/LiveCapture): those who move the clock, and the note-taker.</param>
public sealed record ClockState(Guid MeetingId, DateTime Now, DateTime StartUtc, DateTime EndUtc, DateTime? StartedAt, int? Position, bool Finished,
    int ItemElapsedSeconds, int ItemRemainingSeconds, int MeetingRemainingSeconds, int ProjectedOverrunMinutes, IReadOnlyList<ClockItem> Items, bool CanRun, bool CanCapture);

/// <summary>Moving the clock names the item it moves from, so two timekeepers clicking at once move it once.</summary>
/// <param name="From">The position the caller saw on the clock (null: not started).</param>
public sealed record ClockMove(int? From);

/// <summary>
/// The timekeeper's clock (计时员): the current agenda item and its time left, the meeting against its end, and who moves
/// it on. Each item's actual time is stored as the clock leaves it and shown in the minutes (planned vs actual).
/// </summary>
public static class TimekeeperClock
{
    public static void MapTimekeeperClock(this RouteGroupBuilder meetings)
    {
        meetings.MapGet("/{id:guid}/clock", Get).WithSummary("The timekeeper's clock: the current agenda item, its time left, the meeting against its end.").Refuses(404);
        meetings.MapPost("/{id:guid}/clock/next", Next).WithSummary("Start the clock, or move it to the next agenda item (the host, the timekeeper or the organizer); after the last item it stops.")
            .RequireRateLimiting(SecurityHeaders.WritesPolicy).Refuses(404, 409, 429);
        meetings.MapPost("/{id:guid}/clock/stop", Stop).WithSummary("Stop the clock: the current item's time is kept.").RequireRateLimiting(SecurityHeaders.WritesPolicy).Refuses(404, 409, 429);
    }

    /// <summary>The host, a timekeeper or the organizer.</summary>
    internal static bool CanRun(Meeting meeting, Caller caller) =>
        PersonMatch.Is(meeting.OrganizerObjectId, meeting.OrganizerEmail, caller)
        || meeting.Attendees.Any(a => (a.Roles & (MeetingRoles.Host | MeetingRoles.Timekeeper)) != 0 && PersonMatch.Is(a.ObjectId, a.Email, caller));

    private static async Task<Results<Ok<ClockState>, ProblemHttpResult>> Get(Guid id, Caller caller, CollabDb db, TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        var (meeting, refusal) = await MeetingLookup.SeenByAsync(db, id, caller, RequestLanguage.Of(request), ct, tracked: false);
        return refusal ?? (Results<Ok<ClockState>, ProblemHttpResult>)TypedResults.Ok(State(meeting!, caller, clock.GetUtcNow().UtcDateTime));
    }

    private static Task<Results<Ok<ClockState>, ProblemHttpResult>> Next(Guid id, ClockMove move, Caller caller, CollabDb db, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
        MoveAsync(id, move, caller, db, clock, request, stop: false, ct);

    private static Task<Results<Ok<ClockState>, ProblemHttpResult>> Stop(Guid id, ClockMove move, Caller caller, CollabDb db, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
        MoveAsync(id, move, caller, db, clock, request, stop: true, ct);

    private static async Task<Results<Ok<ClockState>, ProblemHttpResult>> MoveAsync(Guid id, ClockMove move, Caller caller, CollabDb db, TimeProvider clock, HttpRequest request,
        bool stop, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (meeting, refusal) = await MeetingLookup.SeenByAsync(db, id, caller, RequestLanguage.Of(request), ct, tracked: true);
        if (refusal is not null) return refusal;
        if (!CanRun(meeting!, caller)) return Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format("clock.runOnly", culture));
        var now = clock.GetUtcNow().UtcDateTime;
        if (meeting!.Agenda.Count == 0) return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("clock.noAgenda", culture));
        // Someone else moved it since the caller looked: their click already happened; show where it is now.
        if (move.From != meeting.ClockPosition)
            return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("clock.moved", culture), null, "current", State(meeting, caller, now));
        if (stop && meeting.ClockPosition is null) return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("clock.notRunning", culture));

        var items = meeting.Agenda.OrderBy(a => a.Position).ToList();
        if (meeting.ClockPosition is { } at && meeting.ClockItemStartedAt is { } since)
        {
            var item = items[Math.Min(at, items.Count - 1)];
            item.ActualSeconds = (item.ActualSeconds ?? 0) + (int)Math.Max(0, (now - since).TotalSeconds); // an item taken up again adds up
        }
        var next = stop ? (int?)null : meeting.ClockPosition is { } current ? current + 1 : FirstUntimed(items);
        if (next >= items.Count) next = null; // after the last item the clock stops
        meeting.ClockStartedAt ??= now;
        (meeting.ClockPosition, meeting.ClockItemStartedAt) = (next, next is null ? null : now);
        try
        {
            await db.SaveChangesAsync(ct); // the clock is not a change of plan: no new version, no invite update
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("clock.moved", culture));
        }
        return TypedResults.Ok(State(meeting, caller, now));
    }

    /// <summary>Starting again after a stop resumes at the first item that never had the clock.</summary>
    private static int FirstUntimed(List<AgendaItem> items) => items.FindIndex(i => i.ActualSeconds is null) is var i and >= 0 ? i : 0;

    private static ClockState State(Meeting meeting, Caller caller, DateTime now)
    {
        var items = meeting.Agenda.OrderBy(a => a.Position).ToList();
        var position = meeting.ClockPosition;
        var current = position is { } p && p < items.Count ? items[p] : null;
        var elapsed = current is not null && meeting.ClockItemStartedAt is { } since ? (int)Math.Max(0, (now - since).TotalSeconds) : 0;
        var remaining = current is null ? 0 : current.PlannedMinutes * 60 - elapsed;
        // The rest of the agenda at its planned length, from now: the current item's remaining time (at least nothing), then the items still to come.
        var rest = position is { } from ? Math.Max(0, remaining) + items.Skip(from + 1).Sum(i => i.PlannedMinutes * 60) : 0;
        var projectedEnd = now.AddSeconds(rest);
        var overrun = position is null ? 0 : (int)Math.Ceiling(Math.Max(0, (projectedEnd - meeting.EndUtc).TotalMinutes));
        string Name(string email) => meeting.Attendees.FirstOrDefault(a => a.Email == email)?.DisplayName ?? email;
        return new ClockState(meeting.Id, now, meeting.StartUtc, meeting.EndUtc, meeting.ClockStartedAt, position,
            meeting.ClockStartedAt is not null && position is null && items.All(i => i.ActualSeconds is not null),
            elapsed, remaining, (int)(meeting.EndUtc - now).TotalSeconds, overrun,
            items.Select((i, n) => new ClockItem(i.Id, n + 1, i.Topic, Name(i.OwnerEmail), i.PlannedMinutes, i.ActualSeconds,
                n == position ? "current" : i.ActualSeconds is not null ? "done" : "next")).ToList(),
            CanRun(meeting, caller), LiveCapture.MayCapture(meeting, caller));
    }
}
