using System.Globalization;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;
using CollabAddin.Api.Meetings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Decisions;

/// <summary>
/// The decision register (决议台账) across meetings: search what the caller may see, read one with its ETag, and keep
/// it living — status, owner, due date, the action items that carry it out.
/// </summary>
public static class DecisionsApi
{
    public const int MaxPageSize = 100;

    public static void MapDecisions(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").RequireAuthorization(AuthSetup.ApiUserPolicy).WithTags("Decisions");
        api.MapGet("/decisions", Search).WithSummary("Search the decisions of every meeting the caller organizes or attends: text, meeting, series, department, status, dates.");
        api.MapGet("/decisions/{id:guid}", Get).WithSummary("One decision, with its linked action items and its ETag.").Refuses(404);
        api.MapPatch("/decisions/{id:guid}", Patch).WithSummary("Change status, owner, due date or linked action items. Requires If-Match; the meeting's organizer, note-taker or the decision's owner.")
            .RequireRateLimiting(SecurityHeaders.WritesPolicy).Refuses(404, 412, 422, 428, 429);
        api.MapGet("/meetings/{id:guid}/decisions", OfMeeting).WithSummary("The meeting's decisions, in the order they were taken.").Refuses(404);
    }

    /// <param name="q">Words in the decision or its meeting's subject (case-insensitive).</param>
    /// <param name="seriesId">Every meeting of one series (Series/MeetingSeries).</param>
    /// <param name="department">A department taking part in the meeting (one of its attendees' departments).</param>
    /// <param name="status">Comma-separated: agreed, inProgress, implemented, revoked, superseded. Default: all.</param>
    /// <param name="from">Meetings on or after this date (UTC).</param>
    /// <param name="to">Meetings on or before this date (UTC).</param>
    private static async Task<Results<Ok<DecisionPage>, ProblemHttpResult>> Search(Caller caller, CollabDb db, HttpRequest request, CancellationToken ct,
        string? q = null, Guid? meetingId = null, Guid? seriesId = null, string? department = null, string? status = null, DateOnly? from = null, DateOnly? to = null, int page = 1, int pageSize = 50)
    {
        var culture = RequestLanguage.Of(request);
        var errors = new Dictionary<string, string[]>();
        var statuses = new List<DecisionStatus>();
        foreach (var s in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (DecisionPatch.TryParseStatus(s, out var parsed)) statuses.Add(parsed);
            else errors["status"] = [Messages.Format("decision.statusUnknown", culture, s)];
        }
        if (page < 1) errors["page"] = [Messages.Format("list.pageStart", culture)];
        else if ((long)(page - 1) * Math.Max(pageSize, 1) > ActionItemsApi.MaxSkip) errors["page"] = [Messages.Format("list.pageTooFar", culture, ActionItemsApi.MaxSkip)];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [Messages.Format("list.pageSize", culture, MaxPageSize)];
        if (q is { Length: > CollabModel.NameLength }) errors["q"] = [Messages.Format("text.tooLong", culture, CollabModel.NameLength)];
        if (department is { Length: > CollabModel.NameLength }) errors["department"] = [Messages.Format("text.tooLong", culture, CollabModel.NameLength)];
        if (errors.Count > 0) return Problems.Invalid(errors, title: Messages.Format("list.filterInvalid", culture));

        var meetings = db.Meetings.AsNoTracking().VisibleTo(caller);
        if (meetingId is { } mid) meetings = meetings.Where(m => m.Id == mid);
        if (seriesId is { } sid) meetings = meetings.Where(m => m.SeriesId == sid);
        if (from is { } f) { var start = f.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); meetings = meetings.Where(m => m.StartUtc >= start); }
        if (to is { } t) { var end = t.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); meetings = meetings.Where(m => m.StartUtc < end); }
        if (!string.IsNullOrWhiteSpace(department))
        {
            var name = department.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // SQL: ToLower() becomes lower() in the database, where .NET's culture does not apply
            meetings = meetings.Where(m => m.Attendees.Any(a => a.Department != null && a.Department.ToLower() == name));
#pragma warning restore CA1304, CA1311, CA1862
        }
        var rows = from d in db.Decisions.AsNoTracking()
                   join m in meetings on d.MeetingId equals m.Id
                   select new { Decision = d, m.Subject, m.StartUtc };
        if (statuses.Count > 0) rows = rows.Where(r => statuses.Contains(r.Decision.Status));
        if (!string.IsNullOrWhiteSpace(q))
        {
            // lower() on both sides: the same case-insensitive match on SQLite, PostgreSQL and SQL Server.
            var words = q.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // SQL, as above
            rows = rows.Where(r => r.Decision.Text.ToLower().Contains(words) || r.Subject.ToLower().Contains(words));
#pragma warning restore CA1304, CA1311, CA1862
        }
        var found = await rows.OrderByDescending(r => r.StartUtc).ThenBy(r => r.Decision.CreatedAt).ThenBy(r => r.Decision.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var total = page == 1 && found.Count < pageSize ? found.Count : await rows.CountAsync(ct);
        var meetingIds = found.Select(r => r.Decision.MeetingId).Distinct().ToList();
        var runs = meetingIds.Count == 0 ? [] : (await db.Meetings.AsNoTracking().RunBy(caller).Where(m => meetingIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct)).ToHashSet();
        var decisions = await WithItemsAsync(db, caller, found.Select(r => new DecisionRowData(r.Decision, r.Subject, r.StartUtc, runs.Contains(r.Decision.MeetingId))).ToList(), ct);
        return TypedResults.Ok(new DecisionPage(decisions, page, pageSize, total));
    }

    private static async Task<Results<Ok<DecisionResponse>, ProblemHttpResult>> Get(Guid id, Caller caller, CollabDb db, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (decision, meeting) = await LoadAsync(db, id, tracked: false, ct);
        if (decision is null || meeting is null) return NotFound(culture);
        if (!MeetingAccess.Of(meeting, caller).CanSee) return CannotSee(culture);
        response.Headers.ETag = ETags.For(decision.Version);
        return TypedResults.Ok((await WithItemsAsync(db, caller, [new DecisionRowData(decision, meeting.Subject, meeting.StartUtc, MeetingAccess.Of(meeting, caller).Runs)], ct))[0]);
    }

    private static async Task<Results<Ok<List<DecisionResponse>>, ProblemHttpResult>> OfMeeting(Guid id, Caller caller, CollabDb db, HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (meeting, refusal) = await MeetingLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.MeetingId == id).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).ToListAsync(ct);
        return TypedResults.Ok(await WithItemsAsync(db, caller, decisions.Select(d => new DecisionRowData(d, meeting!.Subject, meeting.StartUtc, MeetingAccess.Of(meeting, caller).Runs)).ToList(), ct));
    }

    private static async Task<Results<Ok<DecisionResponse>, ProblemHttpResult>> Patch(Guid id, DecisionPatch patch, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (decision, meeting) = await LoadAsync(db, id, tracked: true, ct);
        if (decision is null || meeting is null) return NotFound(culture);
        var access = MeetingAccess.Of(meeting, caller);
        if (!access.CanSee) return CannotSee(culture);
        if (!access.Runs && !PersonMatch.Is(decision.OwnerObjectId, decision.OwnerEmail ?? "", caller))
            return Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format("decision.cannotChange", culture));
        switch (ETags.Check(request, decision.Version))
        {
            case ETags.Precondition.Missing or ETags.Precondition.Wildcard:
                return Problems.Problem(StatusCodes.Status428PreconditionRequired, Messages.Format("decision.ifMatchRequired", culture),
                    Messages.Format("decision.ifMatchRequiredDetail", culture));
            case ETags.Precondition.Stale:
                return await StaleAsync(db, caller, id, response, culture, ct);
        }

        var errors = patch.Validate(decision, meeting, culture);
        if (patch.SupersededBy is { } by && !errors.ContainsKey("supersededBy")
            && !await db.Decisions.AnyAsync(d => d.Id == by && db.Meetings.VisibleTo(caller).Any(m => m.Id == d.MeetingId), ct))
            errors["supersededBy"] = [Messages.Format("decision.supersededByUnknown", culture)];
        var wanted = (patch.Link ?? []).Concat(patch.Unlink ?? []).Distinct().ToList();
        var items = wanted.Count == 0 ? [] : await db.ActionItems.Where(i => wanted.Contains(i.Id) && db.Meetings.VisibleTo(caller).Any(m => m.Id == i.MeetingId)).ToListAsync(ct);
        if (wanted.Except(items.Select(i => i.Id)).FirstOrDefault() is var unknown && unknown != Guid.Empty)
            errors["link"] = [Messages.Format("decision.itemUnknown", culture, unknown)];
        if (errors.Count > 0)
            return Problems.Invalid(errors, title: Messages.Format("decision.invalid", culture), status: StatusCodes.Status422UnprocessableEntity);

        Apply(patch, decision, meeting, items);
        decision.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        decision.Version++;
        db.Origin = new ChangeOrigin(caller.Email, caller.Name,
            string.Equals(request.Headers[ActionItemsApi.ClientHeader], "taskpane", StringComparison.OrdinalIgnoreCase) ? ChangeSource.TaskPane : ChangeSource.Api);
        try
        {
            await db.SaveChangesAsync(ct); // the decision and its links together, or neither
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // someone saved between our read and our write: show what is there now
            return await StaleAsync(db, caller, id, response, culture, ct);
        }
        response.Headers.ETag = ETags.For(decision.Version);
        return TypedResults.Ok((await WithItemsAsync(db, caller, [new DecisionRowData(decision, meeting.Subject, meeting.StartUtc, MeetingAccess.Of(meeting, caller).Runs)], ct))[0]);
    }

    private static void Apply(DecisionPatch patch, Decision decision, Meeting meeting, List<ActionItem> items)
    {
        if (patch.Status is not null && DecisionPatch.TryParseStatus(patch.Status, out var status) && status != decision.Status)
        {
            decision.Status = status;
            decision.RevokedByMinutes = false; // decided in the register now: a publish no longer brings it back
            if (status != DecisionStatus.Superseded) decision.SupersededById = null;
        }
        if (patch.SupersededBy is { } by) decision.SupersededById = by;
        if (patch.Owner is not null)
        {
            var attendee = meeting.Attendees.First(a => string.Equals(a.Email, patch.Owner.Trim(), StringComparison.OrdinalIgnoreCase));
            (decision.OwnerEmail, decision.OwnerName, decision.OwnerObjectId) = (attendee.Email, attendee.DisplayName, attendee.ObjectId);
        }
        if (patch.DueDate is { } due) decision.DueDate = due;
        foreach (var item in items)
        {
            if (patch.Link?.Contains(item.Id) == true) item.DecisionId = decision.Id;
            else if (item.DecisionId == decision.Id) item.DecisionId = null; // unlink only what is linked to this decision
        }
    }

    private static async Task<(Decision?, Meeting?)> LoadAsync(CollabDb db, Guid id, bool tracked, CancellationToken ct)
    {
        var decisions = tracked ? db.Decisions : db.Decisions.AsNoTracking();
        var decision = await decisions.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null) return (null, null);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == decision.MeetingId, ct);
        return (decision, meeting);
    }

    /// <summary>The decisions with their linked items, in one more query for the whole page.</summary>
    private static async Task<List<DecisionResponse>> WithItemsAsync(CollabDb db, Caller caller, List<DecisionRowData> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Decision.Id).ToList();
        var linked = ids.Count == 0 ? [] : await db.ActionItems.AsNoTracking().Where(i => i.DecisionId != null && ids.Contains(i.DecisionId.Value))
            .OrderBy(i => i.DueDate).ThenBy(i => i.Id)
            .Select(i => new LinkedItemRow(i.Id, i.DecisionId!.Value, i.Title, i.OwnerEmail, i.OwnerName, i.DueDate, i.Status)).ToListAsync(ct);
        var byDecision = linked.ToLookup(i => i.DecisionId);
        return rows.Select(r => r.With(byDecision[r.Decision.Id].Select(DecisionRowData.Linked).ToList(), caller)).ToList();
    }

    private static async Task<ProblemHttpResult> StaleAsync(CollabDb db, Caller caller, Guid id, HttpResponse response, CultureInfo culture, CancellationToken ct)
    {
        var (current, meeting) = await LoadAsync(db, id, tracked: false, ct);
        if (current is null || meeting is null) return NotFound(culture);
        response.Headers.ETag = ETags.For(current.Version);
        return Problems.Problem(StatusCodes.Status412PreconditionFailed, Messages.Format("decision.stale", culture), Messages.Format("decision.staleDetail", culture),
            "current", (await WithItemsAsync(db, caller, [new DecisionRowData(current, meeting.Subject, meeting.StartUtc, MeetingAccess.Of(meeting, caller).Runs)], ct))[0]);
    }

    // Another tenant's decision is simply not there: 404, never a hint that it exists.
    private static ProblemHttpResult NotFound(CultureInfo culture) => Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("decision.notFound", culture));

    private static ProblemHttpResult CannotSee(CultureInfo culture) => Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format("decision.cannotSee", culture));
}
