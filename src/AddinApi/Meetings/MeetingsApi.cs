using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Graph;
using CollabAddin.Api.Http;
using CollabAddin.Api.Series;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.Meetings;

public sealed record CancelRequest(string? Message);

public static class MeetingsApi
{
    public static void MapMeetings(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/meetings").RequireAuthorization(AuthSetup.ApiUserPolicy).WithTags("Meetings");
        api.MapPost("/validate", Validate).WithSummary("The policy verdict for a plan, without saving: errors stop the invite, warnings advise.")
            .RequireRateLimiting(SecurityHeaders.ValidationsPolicy);
        api.MapPost("", Create).WithSummary("Validate, store, then send the Outlook invite through Graph.").RequireRateLimiting(SecurityHeaders.WritesPolicy)
            .Refuses(422, 429);
        api.MapGet("", List).WithSummary("My meetings: as organizer, note-taker or attendee.");
        api.MapGet("/lookup", Lookup).WithSummary("The meeting behind an Outlook event (its Graph id, or iCalUId for attendees' copies).").Refuses(404, 502);
        api.MapGet("/{id:guid}", Get).WithSummary("One meeting, with its ETag.").Refuses(404);
        api.MapPut("/{id:guid}", Update).WithSummary("Change the plan; attendees get the updated invite. Requires If-Match.").Refuses(404, 409, 412, 422, 428);
        api.MapPost("/{id:guid}/agenda/publish", PublishAgenda).WithSummary("Publish an agenda saved as a draft: attendees get the updated invite, once.").Refuses(404, 409);
        api.MapPost("/{id:guid}/cancel", Cancel).WithSummary("Cancel the meeting with a message to attendees.").Refuses(404, 409, 412, 422);
        api.MapPost("/find-times", FindTimes.Handle).WithSummary("Time suggestions from findMeetingTimes, or from free/busy where that is unavailable.")
            .Refuses(422, 502);
        api.MapInviteAnswers();
        api.MapTimekeeperClock();
        api.MapLiveCapture();
        api.MapTopics();
        api.MapGet("/{id:guid}/action-items", ActionItems).WithSummary("Everything that came out of the meeting, by due date.").Refuses(404);
    }

    private static Ok<PolicyVerdict> Validate(MeetingPlan plan, HttpRequest request, TimeProvider clock, IOptions<PolicyOptions> policy) =>
        TypedResults.Ok(MeetingPolicy.Check(plan, clock.GetUtcNow().UtcDateTime, policy.Value, RequestLanguage.Of(request)).Verdict);

    private static async Task<Results<Created<MeetingResponse>, ProblemHttpResult>> Create(MeetingPlan plan, Caller caller, CollabDb db, InviteDispatch invites, TimeProvider clock,
        IOptions<PolicyOptions> policy, HttpRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var key = request.Headers[MeetingCreation.KeyHeader].ToString();
        if (key.Length > 0 && !MeetingCreation.IsValidKey(key))
            return Problems.Invalid(new Dictionary<string, string[]> { [MeetingCreation.KeyHeader] = [Messages.Format("meeting.keyInvalid", RequestLanguage.Of(request), MeetingCreation.MaxKeyLength)] });
        if (key.Length > 0 && await CreatedWithAsync(db, caller, key, ct) is { } first)
            return Replayed(first, request);
        var check = MeetingPolicy.Check(plan, now, policy.Value, RequestLanguage.Of(request));
        if (!check.Verdict.CanSend) return Refused(check.Verdict, RequestLanguage.Of(request));
        if (plan.ProjectId is { } projectId && (await Projects.ProjectMeetings.PlannableAsync(db, projectId, caller, RequestLanguage.Of(request), ct)).Refusal is { } notInProject)
            return notInProject;

        Meeting meeting;
        Series.MeetingSeries? series = null;
        if (check.Recurrence is not null)
        {
            // A series: one recurring Outlook event, and a meeting of ours per occurrence; the first is the one answered.
            (series, var occurrences) = Series.SeriesPlanner.Create(plan, check, caller, RequestLanguage.Of(request, plan.Language), now, key.Length > 0 ? key : null);
            foreach (var occurrence in occurrences) await BindAttendeesAsync(db, occurrence, caller, ct);
            db.Series.Add(series);
            foreach (var occurrence in occurrences) occurrence.ProjectId = plan.ProjectId;
            db.Meetings.AddRange(occurrences);
            meeting = occurrences[0];
        }
        else
        {
            meeting = new Meeting
            {
                TenantId = caller.TenantId, OrganizerEmail = caller.Email, OrganizerName = caller.Name, OrganizerObjectId = caller.ObjectId,
                Subject = "", TimeZone = "", CreatedAt = now, CreateKey = key.Length > 0 ? key : null,
                Invite = { State = InviteState.CreatePending, NextAttemptAt = now },
            };
            MeetingPlanner.Apply(meeting, plan, check, RequestLanguage.Of(request, plan.Language), now);
            meeting.ProjectId = plan.ProjectId;
            await BindAttendeesAsync(db, meeting, caller, ct);
            db.Meetings.Add(meeting);
        }
        if (plan.ProjectId is { } inProject) Projects.ProjectMeetings.Log(db, inProject, caller, meeting.Subject, now);
        try
        {
            await db.SaveChangesAsync(ct); // stored before Graph is called: a Graph outage can delay the invite, never lose the meeting
        }
        catch (DbUpdateException) when (meeting.CreateKey is not null)
        {
            // The same key raced in from a second request and won: its meeting is the one, ours is not stored.
            db.ChangeTracker.Clear();
            if (await CreatedWithAsync(db, caller, key, ct) is { } winner) return Replayed(winner, request);
            throw;
        }

        if (series is not null)
        {
            await invites.TrySeriesNowAsync(caller.TenantId, series.Id, ct);
            await invites.TryOccurrencesNowAsync(caller.TenantId, series.Id, ct); // a first meeting with topics of its own
        }
        else await invites.TryNowAsync(caller.TenantId, meeting.Id, ct);
        db.ChangeTracker.Clear();
        var stored = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id, ct);
        request.HttpContext.Response.Headers.ETag = ETags.For(stored.Version);
        return TypedResults.Created($"/api/meetings/{meeting.Id}",
            await MeetingResponse.From(stored, check.Verdict.Warnings).WithSeriesAsync(db, stored, RequestLanguage.Of(request), ct));
    }

    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> Update(Guid id, MeetingPlan plan, Caller caller, CollabDb db, InviteDispatch invites, TimeProvider clock,
        IOptions<PolicyOptions> policy, HttpRequest request, CancellationToken ct)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (Refuse(meeting, caller, organizerOnly: true, request) is { } refusal) return refusal;
        if (Precondition(request, meeting!) is { } failed) return failed;
        if (meeting!.Invite.State is InviteState.Cancelled or InviteState.CancelPending)
            return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("meeting.cancelled", RequestLanguage.Of(request)), Messages.Format("meeting.cancelledDetail", RequestLanguage.Of(request)));

        var now = clock.GetUtcNow().UtcDateTime;
        var check = MeetingPolicy.Check(plan, now, policy.Value, RequestLanguage.Of(request));
        if (!check.Verdict.CanSend) return Refused(check.Verdict, RequestLanguage.Of(request));
        var before = MeetingCreation.Fingerprint(meeting);
        MeetingPlanner.Apply(meeting, plan, check, RequestLanguage.Of(request, plan.Language ?? meeting.Language), now);
        if (MeetingCreation.Fingerprint(meeting) == before && meeting.Invite.State is not InviteState.Failed && meeting.AgendaDraft == (plan.Draft == true))
            return await Current(db, id, request, check.Verdict.Warnings, ct); // nothing attendees would see changed: no new version, no update mailed
        await BindAttendeesAsync(db, meeting, caller, ct);
        // A draft is kept from attendees until published; only an invite Outlook already has can hold one back.
        // Saving without "draft" publishes a draft kept before.
        meeting.AgendaDraft = plan.Draft == true && meeting.Invite.GraphEventId is not null;
        meeting.InviteFollows(now);
        if (await SaveOrStale(db, meeting, request, ct) is { } stale) return stale;

        await invites.TryNowAsync(caller.TenantId, id, ct);
        return await Current(db, id, request, check.Verdict.Warnings, ct);
    }

    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> Cancel(Guid id, CancelRequest? body, Caller caller, CollabDb db, InviteDispatch invites, TimeProvider clock,
        HttpRequest request, CancellationToken ct)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (Refuse(meeting, caller, organizerOnly: true, request) is { } refusal) return refusal;
        if (meeting!.Invite.State is InviteState.Cancelled or InviteState.CancelPending)
            return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("meeting.alreadyCancelled", RequestLanguage.Of(request)));
        if (body?.Message is { Length: > CollabModel.GoalLength })
            return Problems.Invalid(new Dictionary<string, string[]> { ["message"] = [Messages.Format("text.tooLong", RequestLanguage.Of(request), CollabModel.GoalLength)] },
                status: StatusCodes.Status422UnprocessableEntity);

        var now = clock.GetUtcNow().UtcDateTime;
        // Nothing was ever sent for a meeting without an invite: it is simply cancelled. Otherwise Outlook must be told.
        var sentOrSending = meeting.Invite.GraphEventId is not null || meeting.Invite.State is InviteState.CreatePending or InviteState.AwaitingSeries;
        meeting.Invite.State = sentOrSending ? InviteState.CancelPending : InviteState.Cancelled;
        meeting.Invite.CancelMessage = body?.Message?.Trim();
        meeting.Invite.NextAttemptAt = now;
        meeting.UpdatedAt = now;
        meeting.Version++;
        if (await SaveOrStale(db, meeting, request, ct) is { } stale) return stale;

        await invites.TryNowAsync(caller.TenantId, id, ct);
        return await Current(db, id, request, [], ct);
    }

    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> PublishAgenda(Guid id, Caller caller, CollabDb db, InviteDispatch invites, TimeProvider clock,
        HttpRequest request, CancellationToken ct)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (Refuse(meeting, caller, organizerOnly: true, request) is { } refusal) return refusal;
        if (meeting!.Invite.State is InviteState.Cancelled or InviteState.CancelPending)
            return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("meeting.cancelled", RequestLanguage.Of(request)), Messages.Format("meeting.cancelledDetail", RequestLanguage.Of(request)));
        if (!meeting.AgendaDraft) return await Current(db, id, request, [], ct); // published already: nothing is sent twice
        var now = clock.GetUtcNow().UtcDateTime;
        meeting.AgendaDraft = false;
        meeting.InviteFollows(now);
        (meeting.UpdatedAt, meeting.Version) = (now, meeting.Version + 1);
        if (await SaveOrStale(db, meeting, request, ct) is { } stale) return stale;
        await invites.TryNowAsync(caller.TenantId, id, ct);
        return await Current(db, id, request, [], ct);
    }

    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> Get(Guid id, Caller caller, CollabDb db, HttpRequest request, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (Refuse(meeting, caller, organizerOnly: false, request) is { } refusal) return refusal;
        request.HttpContext.Response.Headers.ETag = ETags.For(meeting!.Version);
        return TypedResults.Ok(await MeetingResponse.From(meeting).WithSeriesAsync(db, meeting, RequestLanguage.Of(request), ct));
    }

    /// <param name="start">The occurrence's start, when the event is (or may be) a series: classic Outlook hands the
    /// series master's id for an occurrence, and the start picks the occurrence. Without it a series gives its next meeting.</param>
    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> Lookup(Caller caller, CollabDb db, IGraphGateway graph, TimeProvider clock, HttpRequest request, CancellationToken ct,
        string? eventId = null, string? iCalUId = null, DateTime? start = null)
    {
        if (string.IsNullOrWhiteSpace(eventId) == string.IsNullOrWhiteSpace(iCalUId))
            return Problems.Invalid(new Dictionary<string, string[]> { ["eventId"] = [Messages.Format("meeting.lookupOneOf", RequestLanguage.Of(request))] });
        var at = start?.ToUniversalTime();
        var meeting = await FindAsync(db, eventId, iCalUId, at, clock, ct);
        if (meeting is null && eventId is not null)
        {
            // An attendee's copy of the event has its own id; the iCalUId it shares with the organizer's finds the meeting.
            var shared = await graph.GetICalUIdAsync(caller.Email, eventId, ct);
            if (shared is not null)
                meeting = await FindAsync(db, null, shared, at, clock, ct);
        }
        if (Refuse(meeting, caller, organizerOnly: false, request) is { } refusal) return refusal;
        return TypedResults.Ok(await MeetingResponse.From(meeting!).WithSeriesAsync(db, meeting!, RequestLanguage.Of(request), ct));
    }

    /// <summary>
    /// The meeting behind an Outlook event: a single meeting or an occurrence by its own id or iCalUId; else a series
    /// master's, and then the occurrence starting at <paramref name="start"/> (or on its date in the series' zone, for
    /// an occurrence moved on its own), or the next one that has not ended.
    /// </summary>
    private static async Task<Meeting?> FindAsync(CollabDb db, string? eventId, string? iCalUId, DateTime? start, TimeProvider clock, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking()
            .Where(m => eventId != null ? m.Invite.GraphEventId == eventId : m.Invite.ICalUId == iCalUId)
            .FirstOrDefaultAsync(ct);
        if (meeting is not null) return meeting;
        var series = await db.Series.AsNoTracking()
            .Where(s => eventId != null ? s.Invite.GraphEventId == eventId : s.Invite.ICalUId == iCalUId)
            .Select(s => new { s.Id, s.TimeZone }).FirstOrDefaultAsync(ct);
        if (series is null) return null;
        var occurrences = db.Meetings.AsNoTracking().Where(m => m.SeriesId == series.Id);
        if (start is { } at)
        {
            var exact = await occurrences.FirstOrDefaultAsync(m => m.StartUtc == at || m.OccurrenceStartUtc == at, ct);
            if (exact is not null) return exact;
            var day = DateOnly.FromDateTime(TimeZones.Local(at, series.TimeZone));
            var (from, to) = (at.AddDays(-1), at.AddDays(1)); // the day in any zone lies within a day either side
            return (await occurrences.Where(m => m.StartUtc >= from && m.StartUtc <= to).ToListAsync(ct))
                .FirstOrDefault(m => DateOnly.FromDateTime(TimeZones.Local(m.StartUtc, series.TimeZone)) == day);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        return await occurrences.Where(m => m.EndUtc >= now).OrderBy(m => m.StartUtc).FirstOrDefaultAsync(ct)
               ?? await occurrences.OrderByDescending(m => m.StartUtc).FirstOrDefaultAsync(ct);
    }

    private static async Task<Results<Ok<MeetingList>, ProblemHttpResult>> List(Caller caller, CollabDb db, TimeProvider clock, HttpRequest request, CancellationToken ct, string? @as = null, DateTime? from = null, DateTime? to = null)
    {
        var (me, oid) = (caller.Email, caller.ObjectId);
        // PersonMatch's rule as index seeks on the email (bound rows carry their person's current email, see PersonMatch).
        IQueryable<Meeting> query = db.Meetings.AsNoTracking();
        query = @as?.ToLowerInvariant() switch
        {
            null or "" => query.VisibleTo(caller),
            "organizer" => query.Where(m => m.OrganizerEmail == me && (m.OrganizerObjectId == oid || m.OrganizerObjectId == null)),
            "notetaker" => query.Where(m => m.Attendees.Any(a => a.Email == me && (a.ObjectId == oid || a.ObjectId == null) && (a.Roles & MeetingRoles.NoteTaker) == MeetingRoles.NoteTaker)),
            "attendee" => query.Where(m => m.Attendees.Any(a => a.Email == me && (a.ObjectId == oid || a.ObjectId == null))),
            _ => null!,
        };
        if (query is null)
            return Problems.Invalid(new Dictionary<string, string[]> { ["as"] = [Messages.Format("meeting.listAs", RequestLanguage.Of(request))] });
        if (from is { } f) query = query.Where(m => m.EndUtc >= f.ToUniversalTime());
        if (to is { } t) query = query.Where(m => m.StartUtc <= t.ToUniversalTime());
        var meetings = await query.OrderBy(m => m.StartUtc).Take(200).ToListAsync(ct);
        var progress = await ProgressOfAsync(db, meetings.Select(m => m.Id).ToList(), clock.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Ok(new MeetingList(meetings.Select(m => new MeetingSummary(m.Id, m.Subject, m.StartUtc, m.EndUtc, m.TimeZone,
            new PersonRef(m.OrganizerEmail, m.OrganizerName),
            MeetingResponse.RoleNames(m.Attendees.FirstOrDefault(a => PersonMatch.Is(a.ObjectId, a.Email, caller))?.Roles ?? MeetingRoles.None),
            PersonMatch.Is(m.OrganizerObjectId, m.OrganizerEmail, caller), m.Invite.State,
            m.Invite.State == InviteState.Failed ? m.Invite.Error : null, progress.GetValueOrDefault(m.Id, ItemProgress.None))).ToList()));
    }

    /// <summary>
    /// Each listed meeting's items in one query (status and due date only); overdue is decided per item in its own zone,
    /// by the same rule as <see cref="ActionItemResponse.AsOf"/>.
    /// </summary>
    private static async Task<Dictionary<Guid, ItemProgress>> ProgressOfAsync(CollabDb db, List<Guid> meetingIds, DateTime now, CancellationToken ct)
    {
        if (meetingIds.Count == 0) return [];
        var items = await db.ActionItems.AsNoTracking().Where(i => i.MeetingId != null && meetingIds.Contains(i.MeetingId.Value))
            .Select(i => new { MeetingId = i.MeetingId!.Value, i.Status, i.DueDate, i.TimeZone }).ToListAsync(ct);
        return items.GroupBy(i => i.MeetingId).ToDictionary(g => g.Key, g => new ItemProgress(
            g.Count(),
            g.Count(i => i.Status == ActionItemStatus.Done),
            g.Count(i => i.Status is not (ActionItemStatus.Done or ActionItemStatus.Cancelled) && i.DueDate is { } due && due < TimeZones.TodayIn(i.TimeZone, now))));
    }

    private static async Task<Results<Ok<List<ActionItemResponse>>, ProblemHttpResult>> ActionItems(Guid id, Caller caller, CollabDb db, TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        if (Refuse(await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct), caller, organizerOnly: false, request) is { } refusal) return refusal;
        var now = clock.GetUtcNow().UtcDateTime;
        var items = await db.ActionItems.Where(i => i.MeetingId == id)
            .InDueOrder()
            .Select(ActionItemResponse.Projection)
            .ToListAsync(ct);
        return TypedResults.Ok(items.Select(i => i.AsOf(now)).ToList());
    }

    private static Task<Meeting?> CreatedWithAsync(CollabDb db, Caller caller, string key, CancellationToken ct) =>
        db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.OrganizerObjectId == caller.ObjectId && m.CreateKey == key, ct);

    /// <summary>The answer the first create with this key gave: the meeting as it is now, marked as a replay.</summary>
    private static Created<MeetingResponse> Replayed(Meeting first, HttpRequest request)
    {
        request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
        request.HttpContext.Response.Headers.ETag = ETags.For(first.Version);
        return TypedResults.Created($"/api/meetings/{first.Id}", MeetingResponse.From(first));
    }

    /// <summary>Attendees who have signed in before are bound to their accounts now; the others at their first sign-in.</summary>
    internal static async Task BindAttendeesAsync(CollabDb db, Meeting meeting, Caller caller, CancellationToken ct)
    {
        var unbound = meeting.Attendees.Where(a => a.ObjectId is null).ToList();
        var known = await PersonMatch.KnownObjectIdsAsync(db, unbound.Select(a => a.Email), ct);
        foreach (var attendee in unbound)
            attendee.ObjectId = attendee.Email == caller.Email ? caller.ObjectId : known.GetValueOrDefault(attendee.Email);
    }

    /// <summary>404 when the meeting is not in the caller's tenant, 403 when the caller may not see (or change) it.</summary>
    private static ProblemHttpResult? Refuse(Meeting? meeting, Caller caller, bool organizerOnly, HttpRequest request)
    {
        var culture = RequestLanguage.Of(request);
        if (meeting is null)
            return Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("meeting.notFound", culture));
        var access = MeetingAccess.Of(meeting, caller);
        if (!access.CanSee)
            return Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format("meeting.cannotSee", culture));
        return organizerOnly && !access.IsOrganizer
            ? Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format("meeting.organizerOnly", culture))
            : null;
    }

    private static ProblemHttpResult? Precondition(HttpRequest request, Meeting meeting) => ETags.Check(request, meeting.Version) switch
    {
        ETags.Precondition.Matches => null,
        ETags.Precondition.Stale => StaleMeeting(meeting, request),
        _ => Problems.Problem(StatusCodes.Status428PreconditionRequired, Messages.Format("item.ifMatchRequired", RequestLanguage.Of(request)),
            Messages.Format("meeting.ifMatchRequiredDetail", RequestLanguage.Of(request))),
    };

    private static async Task<ProblemHttpResult?> SaveOrStale(CollabDb db, Meeting meeting, HttpRequest request, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id, ct);
            return StaleMeeting(current, request);
        }
    }

    private static ProblemHttpResult StaleMeeting(Meeting current, HttpRequest request)
    {
        request.HttpContext.Response.Headers.ETag = ETags.For(current.Version);
        var culture = RequestLanguage.Of(request);
        return Problems.Problem(StatusCodes.Status412PreconditionFailed, Messages.Format("meeting.stale", culture), Messages.Format("meeting.staleDetail", culture),
            "current", MeetingResponse.From(current));
    }

    private static async Task<Ok<MeetingResponse>> Current(CollabDb db, Guid id, HttpRequest request, IReadOnlyList<PolicyFinding> warnings, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var stored = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        request.HttpContext.Response.Headers.ETag = ETags.For(stored.Version);
        return TypedResults.Ok(await MeetingResponse.From(stored, warnings).WithSeriesAsync(db, stored, RequestLanguage.Of(request), ct));
    }

    /// <summary>422 with the errors keyed by field (as validation problems are), plus the full findings with their codes.</summary>
    private static ProblemHttpResult Refused(PolicyVerdict verdict, System.Globalization.CultureInfo culture) =>
        Problems.Invalid(
            verdict.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: Messages.Format("meeting.refused", culture),
            StatusCodes.Status422UnprocessableEntity,
            new Dictionary<string, object?> { ["findings"] = verdict.Errors, ["warnings"] = verdict.Warnings });
}
