using System.Globalization;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;
using CollabAddin.Api.Meetings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.Series;

/// <summary>A series as the organizer edits it: how it repeats, its standing topics, and its occurrences.</summary>
public sealed record SeriesResponse(Guid Id, string Subject, string Description, string TimeZone, string LocalStart, int LengthMinutes, string FirstDate,
    PlannedRecurrence Recurrence, IReadOnlyList<PlannedAgendaItem> StandingTopics, IReadOnlyList<SeriesOccurrence> Occurrences, InviteResponse Invite, int Version);

public sealed record SeriesOccurrence(Guid Id, DateTime StartUtc, DateTime EndUtc, InviteState State);

/// <param name="Meeting">Where the topic goes; the series' next occurrence when not given.</param>
public sealed record ParkRequest(Guid? Meeting);

public static class SeriesApi
{
    public static void MapSeries(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/series").RequireAuthorization(AuthSetup.ApiUserPolicy).WithTags("Series");
        api.MapGet("/{id:guid}", Get).WithSummary("A meeting series: its pattern, standing topics and occurrences.").Refuses(404);
        api.MapPut("/{id:guid}", Update).WithSummary("Change the whole series (Outlook's 'edit series'): the meetings still to come follow. Requires If-Match.")
            .RequireRateLimiting(SecurityHeaders.WritesPolicy).Refuses(404, 409, 412, 422, 428, 429);
        api.MapPost("/{id:guid}/cancel", Cancel).WithSummary("Cancel the whole series: every meeting still to come.").Refuses(404, 409);
        routes.MapGroup("/api/meetings").RequireAuthorization(AuthSetup.ApiUserPolicy).WithTags("Series")
            .MapPost("/{id:guid}/agenda/{itemId:guid}/park", Park)
            .WithSummary("The parking lot: move an unfinished agenda topic to the series' next meeting, or to a given later meeting.")
            .Refuses(404, 409, 422);
    }

    private static async Task<Results<Ok<SeriesResponse>, ProblemHttpResult>> Get(Guid id, Caller caller, CollabDb db, HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var series = await db.Series.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (series is null) return NotFound(culture);
        var occurrences = await db.Meetings.AsNoTracking().Where(m => m.SeriesId == id).OrderBy(m => m.StartUtc).ToListAsync(ct);
        if (!occurrences.Any(m => MeetingAccess.Of(m, caller).CanSee))
            return Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format("meeting.cannotSee", culture));
        request.HttpContext.Response.Headers.ETag = ETags.For(series.Version);
        return TypedResults.Ok(Response(series, occurrences, culture));
    }

    private static async Task<Results<Ok<SeriesResponse>, ProblemHttpResult>> Update(Guid id, MeetingPlan plan, Caller caller, CollabDb db, InviteDispatch invites, TimeProvider clock,
        IOptions<PolicyOptions> policy, HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (series, occurrences, refusal) = await LoadOwnAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        switch (ETags.Check(request, series!.Version))
        {
            case ETags.Precondition.Stale: return Stale(series, occurrences, request, culture);
            case ETags.Precondition.Missing or ETags.Precondition.Wildcard:
                return Problems.Problem(StatusCodes.Status428PreconditionRequired, Messages.Format("item.ifMatchRequired", culture), Messages.Format("series.ifMatchRequired", culture));
        }
        if (series.Invite.State is InviteState.Cancelled or InviteState.CancelPending)
            return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("series.cancelled", culture));

        var now = clock.GetUtcNow().UtcDateTime;
        var coming = occurrences.Where(m => m.StartUtc > now && m.Invite.State is not (InviteState.Cancelled or InviteState.CancelPending)).ToList();
        if (coming.Count == 0) return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("meeting.refused", culture), Messages.Format("park.noNext", culture));

        // The plan's times give the new local start and length; checked as the next meeting would be.
        var check = MeetingPolicy.Check(plan with { Recurrence = null }, now, policy.Value, culture);
        var errors = check.Verdict.Errors.ToList();
        Recurrence? recurrence = null;
        if (check.StartUtc is { } s && check.EndUtc is { } e && TimeZones.IsKnown(plan.TimeZone))
        {
            var local = TimeZones.Local(s, plan.TimeZone);
            var wanted = plan.Recurrence ?? PlannedOf(series.Recurrence);
            recurrence = RecurrenceRules.Read(wanted, series.FirstDate, (field, code, args) => errors.Add(new PolicyFinding(code, field, Messages.Format(code, culture, args))));
            series.LocalStart = TimeOnly.FromDateTime(local);
            series.LengthMinutes = (int)(e - s).TotalMinutes;
        }
        if (errors.Count > 0)
            return Problems.Invalid(errors.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray()),
                title: Messages.Format("meeting.refused", culture), StatusCodes.Status422UnprocessableEntity,
                new Dictionary<string, object?> { ["findings"] = errors, ["warnings"] = check.Verdict.Warnings });

        var oldStanding = SeriesPlanner.StandingShape(series);
        (series.Subject, series.TimeZone, series.Recurrence) = (plan.Subject!.Trim(), plan.TimeZone!.Trim(), recurrence!);
        series.StandingTopics.Clear();
        series.StandingTopics.AddRange(SeriesPlanner.Standing(plan));
        var language = RequestLanguage.Of(request, plan.Language);

        // The meetings still to come follow: gone from the pattern → cancelled with the master's change (Outlook drops
        // them itself); kept → the series' fields, at the new time, with their own agenda unless it was just the standing
        // topics; new dates → new occurrences, linked when Graph has the changed series.
        var dates = RecurrenceRules.Dates(series.Recurrence, series.FirstDate).Where(d => RecurrenceRules.StartUtc(d, series.LocalStart, series.TimeZone) > now).ToHashSet();
        foreach (var m in coming)
        {
            var date = DateOnly.FromDateTime(TimeZones.Local(m.OccurrenceStartUtc ?? m.StartUtc, series.TimeZone));
            if (!dates.Remove(date))
            {
                (m.Invite.State, m.Invite.NextAttemptAt, m.UpdatedAt) = (InviteState.Cancelled, null, now);
                m.Version++;
                continue;
            }
            var occurrencePlan = SeriesPlanner.AgendaShape(m) == oldStanding ? SeriesPlanner.WithStandingAgenda(plan, series) : plan with { Agenda = SeriesPlanner.PlanOf(m).Agenda, Recurrence = null };
            var start = RecurrenceRules.StartUtc(date, series.LocalStart, series.TimeZone);
            MeetingPlanner.Apply(m, occurrencePlan, new PlanCheck(check.Verdict, start, start.AddMinutes(series.LengthMinutes)), language, now);
            m.OccurrenceStartUtc = start;
        }
        foreach (var date in dates.Order())
        {
            var added = SeriesPlanner.Occurrence(series, date, SeriesPlanner.WithStandingAgenda(plan, series), caller, language, now);
            coming.Add(added);
            db.Meetings.Add(added);
        }
        foreach (var m in coming) await MeetingsApi.BindAttendeesAsync(db, m, caller, ct);
        series.Invite.State = series.Invite.GraphEventId is null ? InviteState.CreatePending : InviteState.UpdatePending;
        series.Invite.NextAttemptAt = now;
        series.UpdatedAt = now;
        series.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var (current, currentOccurrences, _) = await LoadOwnAsync(db, id, caller, culture, ct);
            return Stale(current!, currentOccurrences, request, culture);
        }
        await invites.TrySeriesNowAsync(caller.TenantId, id, ct);
        await invites.TryOccurrencesNowAsync(caller.TenantId, id, ct);
        return await CurrentAsync(db, id, request, culture, ct);
    }

    private static async Task<Results<Ok<SeriesResponse>, ProblemHttpResult>> Cancel(Guid id, CancelRequest? body, Caller caller, CollabDb db, InviteDispatch invites, TimeProvider clock,
        HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (series, _, refusal) = await LoadOwnAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        if (series!.Invite.State is InviteState.Cancelled or InviteState.CancelPending)
            return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("series.cancelled", culture));
        if (body?.Message is { Length: > CollabModel.GoalLength })
            return Problems.Invalid(new Dictionary<string, string[]> { ["message"] = [Messages.Format("text.tooLong", culture, CollabModel.GoalLength)] }, status: StatusCodes.Status422UnprocessableEntity);
        var now = clock.GetUtcNow().UtcDateTime;
        (series.Invite.State, series.Invite.CancelMessage, series.Invite.NextAttemptAt, series.UpdatedAt) = (InviteState.CancelPending, body?.Message?.Trim(), now, now);
        series.Version++;
        await db.SaveChangesAsync(ct);
        await invites.TrySeriesNowAsync(caller.TenantId, id, ct);
        return await CurrentAsync(db, id, request, culture, ct);
    }

    /// <summary>
    /// The parking lot: the topic is added to the target meeting's agenda (owner, time box and expected output kept) and
    /// stays on this one, marked in its discussion as moved. The target's invite is updated once, like any agenda change.
    /// </summary>
    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> Park(Guid id, Guid itemId, ParkRequest? body, Caller caller, CollabDb db, InviteDispatch invites,
        TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (meeting, refusal) = await MeetingLookup.SeenByAsync(db, id, caller, culture, ct, tracked: true);
        if (refusal is not null) return refusal;
        if (!MeetingAccess.Of(meeting!, caller).IsOrganizer)
            return Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format("meeting.organizerOnly", culture));
        var item = meeting!.Agenda.FirstOrDefault(a => a.Id == itemId);
        if (item is null) return Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("park.notFound", culture));

        Meeting? target;
        if (body?.Meeting is { } targetId)
            target = await db.Meetings.SingleOrDefaultAsync(m => m.Id == targetId, ct);
        else if (meeting.SeriesId is { } seriesId)
            target = await SeriesView.Occurrences(db, seriesId).FirstOrDefaultAsync(m => m.StartUtc > meeting.StartUtc, ct);
        else
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, Messages.Format("meeting.refused", culture), Messages.Format("park.noNext", culture));
        if (target is null && body?.Meeting is null)
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, Messages.Format("meeting.refused", culture), Messages.Format("park.noNext", culture));
        if (target is null || target.Id == meeting.Id || target.StartUtc <= meeting.StartUtc || !MeetingAccess.Of(target, caller).IsOrganizer
            || target.Invite.State is InviteState.Cancelled or InviteState.CancelPending)
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, Messages.Format("meeting.refused", culture), Messages.Format("park.target", culture));
        if (target.Agenda.Count >= MeetingPolicy.MaxAgendaItems)
            return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("meeting.refused", culture), Messages.Format("park.full", culture, MeetingPolicy.MaxAgendaItems));

        var now = clock.GetUtcNow().UtcDateTime;
        target.Agenda.Add(new AgendaItem
        {
            Position = target.Agenda.Count, Topic = item.Topic, Discussion = item.Discussion, OwnerEmail = item.OwnerEmail,
            PlannedMinutes = item.PlannedMinutes, ExpectedOutput = item.ExpectedOutput,
        });
        if (target.Attendees.All(a => a.Email != item.OwnerEmail) && meeting.Attendees.FirstOrDefault(a => a.Email == item.OwnerEmail) is { } owner)
            target.Attendees.Add(new MeetingAttendee { Email = owner.Email, ObjectId = owner.ObjectId, DisplayName = owner.DisplayName, Department = owner.Department, Kind = owner.Kind });
        var moved = Messages.Format("park.moved", CultureInfo.GetCultureInfo(meeting.Language ?? "en-US"), TimeZones.Local(target.StartUtc, target.TimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (!item.Discussion.EndsWith(moved, StringComparison.Ordinal))
            item.Discussion = Clip($"{item.Discussion} {moved}", CollabModel.GoalLength);
        (meeting.UpdatedAt, target.UpdatedAt) = (now, now);
        meeting.Version++;
        target.Version++;
        target.InviteFollows(now);
        await db.SaveChangesAsync(ct);
        if (target.Invite.State == InviteState.UpdatePending) await invites.TryNowAsync(caller.TenantId, target.Id, ct);
        db.ChangeTracker.Clear();
        var stored = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == target.Id, ct);
        request.HttpContext.Response.Headers.ETag = ETags.For(stored.Version);
        return TypedResults.Ok(await MeetingResponse.From(stored).WithSeriesAsync(db, stored, culture, ct));
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];

    private static async Task<(MeetingSeries? Series, List<Meeting> Occurrences, ProblemHttpResult? Refusal)> LoadOwnAsync(CollabDb db, Guid id, Caller caller, CultureInfo culture, CancellationToken ct)
    {
        var series = await db.Series.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (series is null) return (null, [], NotFound(culture));
        var occurrences = await db.Meetings.Where(m => m.SeriesId == id).OrderBy(m => m.StartUtc).ToListAsync(ct);
        if (!PersonMatch.Is(series.OrganizerObjectId, series.OrganizerEmail, caller))
            return (null, [], Problems.Problem(StatusCodes.Status403Forbidden,
                Messages.Format(occurrences.Any(m => MeetingAccess.Of(m, caller).CanSee) ? "series.organizerOnly" : "meeting.cannotSee", culture)));
        return (series, occurrences, null);
    }

    private static async Task<Ok<SeriesResponse>> CurrentAsync(CollabDb db, Guid id, HttpRequest request, CultureInfo culture, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var series = await db.Series.AsNoTracking().SingleAsync(s => s.Id == id, ct);
        var occurrences = await db.Meetings.AsNoTracking().Where(m => m.SeriesId == id).OrderBy(m => m.StartUtc).ToListAsync(ct);
        request.HttpContext.Response.Headers.ETag = ETags.For(series.Version);
        return TypedResults.Ok(Response(series, occurrences, culture));
    }

    private static ProblemHttpResult Stale(MeetingSeries current, List<Meeting> occurrences, HttpRequest request, CultureInfo culture)
    {
        request.HttpContext.Response.Headers.ETag = ETags.For(current.Version);
        return Problems.Problem(StatusCodes.Status412PreconditionFailed, Messages.Format("series.stale", culture), Messages.Format("series.staleDetail", culture),
            "current", Response(current, occurrences, culture));
    }

    private static ProblemHttpResult NotFound(CultureInfo culture) => Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("series.notFound", culture));

    private static PlannedRecurrence PlannedOf(Recurrence r) => new(
        RecurrenceRules.Wire(r.Kind),
        r.Interval, r.Days.Select(d => d.ToString().ToLowerInvariant()).ToList(), r.DayOfMonth, r.Index?.ToString().ToLowerInvariant(),
        r.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.EndDate is null ? r.Count : null);

    private static SeriesResponse Response(MeetingSeries s, List<Meeting> occurrences, CultureInfo culture) => new(
        s.Id, s.Subject, SeriesWords.Describe(s, culture), s.TimeZone, s.LocalStart.ToString("HH:mm", CultureInfo.InvariantCulture), s.LengthMinutes,
        s.FirstDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), PlannedOf(s.Recurrence),
        s.StandingTopics.OrderBy(t => t.Position).Select(t => new PlannedAgendaItem(t.Id, t.Topic, t.Discussion, t.OwnerEmail, t.PlannedMinutes, t.ExpectedOutput)).ToList(),
        occurrences.Select(m => new SeriesOccurrence(m.Id, m.StartUtc, m.EndUtc, m.Invite.State)).ToList(),
        new InviteResponse(s.Invite.State, s.Invite.GraphEventId, s.Invite.ICalUId, s.Invite.WebLink, s.Invite.JoinUrl, s.Invite.Error, s.Invite.Attempts, s.Invite.NextAttemptAt),
        s.Version);
}
