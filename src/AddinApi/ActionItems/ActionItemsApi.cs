using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Projects;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.ActionItems;

public static class ActionItemsApi
{
    public const int MaxPageSize = 200;
    /// <summary>How many items a page may skip: far beyond anyone's list, far below an int's overflow.</summary>
    public const int MaxSkip = 1_000_000;
    /// <summary>The task pane names itself with this header so history can say "from the task pane".</summary>
    public const string ClientHeader = "X-CollabAddin-Client";

    public static void MapActionItems(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").RequireAuthorization(AuthSetup.ApiUserPolicy).WithTags("Action items");
        api.MapGet("/me/action-items", ListMine).WithSummary("The caller's action items across meetings, by due date. Weak ETag; If-None-Match answers 304 when the list is unchanged.");
        api.MapGet("/action-items/{id:guid}", Get).WithSummary("One action item, with its ETag.").Refuses(404);
        api.MapPatch("/action-items/{id:guid}", Patch).WithSummary("Change status, progress or needs-help. Requires If-Match.").Refuses(404, 409, 412, 422, 428);
        api.MapGet("/action-items/{id:guid}/history", History).WithSummary("Every change to the item, newest first.").Refuses(404);
    }

    private static async Task<Results<Ok<ActionItemPage>, ValidationProblem, StatusCodeHttpResult>> ListMine(
        Caller caller, CollabDb db, TimeProvider clock, HttpRequest request, HttpResponse response, CancellationToken ct,
        string? status = null, DateOnly? dueBefore = null, Guid? meetingId = null, int page = 1, int pageSize = 50)
    {
        var culture = RequestLanguage.Of(request);
        var errors = new Dictionary<string, string[]>();
        var statuses = new List<ActionItemStatus>();
        foreach (var s in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ActionItemStatusRules.TryParse(s, out var parsed)) statuses.Add(parsed);
            else errors["status"] = [Messages.Format("list.statusUnknown", culture, s)];
        }
        if (page < 1) errors["page"] = [Messages.Format("list.pageStart", culture)];
        else if ((long)(page - 1) * Math.Max(pageSize, 1) > MaxSkip) errors["page"] = [Messages.Format("list.pageTooFar", culture, MaxSkip)];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [Messages.Format("list.pageSize", culture, MaxPageSize)];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: Messages.Format("list.filterInvalid", culture));

        // An unchanged list is answered from one indexed lookup of its stamps, before any query of the items.
        var now = clock.GetUtcNow().UtcDateTime;
        var etag = await MyItemsETag.ForAsync(db, caller, now, ct);
        response.Headers.ETag = etag; // Cache-Control stays no-store (personal data): the pane keeps the list itself
        if (MyItemsETag.Unchanged(request, etag))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);

        var query = MineQuery(db, caller.ObjectId, caller.Email, statuses, dueBefore, meetingId);
        // One statement: the few cooperating departments come in the same query rather than a split one (see BENCHMARKS.md).
        var items = await query
            .InDueOrder()
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(ActionItemResponse.Projection)
            .AsSingleQuery()
            .ToListAsync(ct);
        // A first page that is not full already says how many there are: the count query is only needed beyond that.
        var total = page == 1 && items.Count < pageSize ? items.Count : await query.CountAsync(ct);
        return TypedResults.Ok(new ActionItemPage(items.Select(i => i.AsOf(now)).ToList(), page, pageSize, total));
    }

    private static async Task<Results<Ok<ActionItemResponse>, ProblemHttpResult>> Get(Guid id, Caller caller, CollabDb db, TimeProvider clock, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var item = await LoadAsync(db.ActionItems.AsNoTracking(), id, ct);
        if (item is null) return NotFound(culture);
        if (!(await ItemAccess.OfAsync(db, item, caller, ct)).CanSee) return CannotSee(culture);
        response.Headers.ETag = ETags.For(item.Version);
        return TypedResults.Ok(ActionItemResponse.From(item, clock.GetUtcNow().UtcDateTime));
    }

    private static async Task<Results<Ok<ActionItemResponse>, ProblemHttpResult>> Patch(Guid id, ActionItemPatch patch, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var item = await LoadAsync(db.ActionItems, id, ct);
        if (item is null) return NotFound(culture);
        var access = await ItemAccess.OfAsync(db, item, caller, ct);
        if (!access.CanSee) return CannotSee(culture);
        if (access.ProjectClosed)
            return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("project.closed", culture));
        if (!access.CanChange)
            return Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format("item.cannotChange", culture));

        var now = clock.GetUtcNow().UtcDateTime;
        switch (ETags.Check(request, item.Version))
        {
            case ETags.Precondition.Missing or ETags.Precondition.Wildcard:
                return Problems.Problem(StatusCodes.Status428PreconditionRequired, Messages.Format("item.ifMatchRequired", culture),
                    Messages.Format("item.ifMatchRequiredDetail", culture));
            case ETags.Precondition.Stale:
                return Stale(item, now, response, culture);
        }

        var errors = patch.Validate(item, culture);
        if (errors.Count > 0)
            return Problems.Invalid(errors, title: Messages.Format("item.invalid", culture), status: StatusCodes.Status422UnprocessableEntity);

        patch.ApplyTo(item);
        db.Origin = new ChangeOrigin(caller.Email, caller.Name,
            string.Equals(request.Headers[ClientHeader], "taskpane", StringComparison.OrdinalIgnoreCase) ? ChangeSource.TaskPane : ChangeSource.Api);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (SaveRace.Lost(e))
        {
            // Someone saved between our read and our write (here or on another instance): show them what is there now.
            db.ChangeTracker.Clear();
            var current = await LoadAsync(db.ActionItems.AsNoTracking(), id, ct);
            return current is null ? NotFound(culture) : Stale(current, now, response, culture);
        }
        response.Headers.ETag = ETags.For(item.Version);
        return TypedResults.Ok(ActionItemResponse.From(item, now));
    }

    private static async Task<Results<Ok<List<ActionItemChangeResponse>>, ProblemHttpResult>> History(Guid id, Caller caller, CollabDb db, HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var item = await LoadAsync(db.ActionItems.AsNoTracking(), id, ct);
        if (item is null) return NotFound(culture);
        if (!(await ItemAccess.OfAsync(db, item, caller, ct)).CanSee) return CannotSee(culture);
        var rows = await db.ActionItemChanges.Where(c => c.ActionItemId == id).OrderByDescending(c => c.Id)
            .Select(c => new ActionItemChangeResponse(c.Id, c.At, new PersonRef(c.ByEmail, c.ByName), c.Source, c.Field, c.OldValue, c.NewValue))
            .ToListAsync(ct);
        return TypedResults.Ok(rows);
    }

    /// <summary>The caller's items as "my action items" filters them (also what the benchmark explains).</summary>
    public static IQueryable<ActionItem> MineQuery(CollabDb db, string objectId, string email, IReadOnlyCollection<ActionItemStatus> statuses, DateOnly? dueBefore = null, Guid? meetingId = null)
    {
        // PersonMatch's rule as one index seek on the email (bound rows carry their owner's current email, see PersonMatch).
        var query = db.ActionItems.Where(i => i.OwnerEmail == email && (i.OwnerObjectId == objectId || i.OwnerObjectId == null));
        query = statuses.Count > 0
            ? query.Where(i => statuses.Contains(i.Status))
            : query.Where(i => i.Status != ActionItemStatus.Cancelled); // cancelled work is history, not a to-do
        if (dueBefore is { } before) query = query.Where(i => i.DueDate < before);
        if (meetingId is { } meeting) query = query.Where(i => i.MeetingId == meeting);
        return query;
    }

    internal static Task<ActionItem?> LoadAsync(IQueryable<ActionItem> items, Guid id, CancellationToken ct) =>
        items.Include(i => i.Meeting)
            .Include(i => i.Project)
            .Include(i => i.LeadDepartment)
            .Include(i => i.CooperatingDepartments).ThenInclude(c => c.Department)
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == id, ct);

    private static ProblemHttpResult Stale(ActionItem current, DateTime now, HttpResponse response, System.Globalization.CultureInfo culture)
    {
        response.Headers.ETag = ETags.For(current.Version);
        return Problems.Problem(StatusCodes.Status412PreconditionFailed, Messages.Format("item.stale", culture), Messages.Format("item.staleDetail", culture),
            "current", ActionItemResponse.From(current, now));
    }

    // Another tenant's item is simply not there: 404, never a hint that it exists.
    private static ProblemHttpResult NotFound(System.Globalization.CultureInfo culture) =>
        Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("item.notFound", culture));

    private static ProblemHttpResult CannotSee(System.Globalization.CultureInfo culture) =>
        Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format("item.cannotSee", culture));

    /// <summary>
    /// What the caller is to an item: its owner, someone in its meeting, someone in its project. The meeting's organizer
    /// and note-taker, and the project's initiator, initiating head and the lead department's head change it besides the
    /// owner; a closed project's tasks change no more.
    /// </summary>
    private readonly record struct ItemAccess(bool IsOwner, MeetingAccess Meeting, bool SeesProject, bool RunsProject, bool ProjectClosed)
    {
        public static async Task<ItemAccess> OfAsync(CollabDb db, ActionItem item, Caller caller, CancellationToken ct)
        {
            var owner = PersonMatch.Is(item.OwnerObjectId, item.OwnerEmail, caller);
            var meeting = item.Meeting is null ? default : MeetingAccess.Of(item.Meeting, caller);
            if (item.ProjectId is not { } id) return new(owner, meeting, false, false, false);
            var project = await db.Projects.AsNoTracking().WithPeople().SingleAsync(p => p.Id == id, ct);
            var access = ProjectAccess.Of(project, caller, owner);
            var leadHead = item.LeadDepartmentId is { } lead && access.HeadOf.Contains(lead);
            // The retrospective's improvements are created at the close and stay live; everything before it is history.
            return new(owner, meeting, access.CanSee(project), access.Runs || leadHead, project.State == ProjectState.Closed && !item.Improvement);
        }

        public bool CanSee => IsOwner || Meeting.CanSee || SeesProject;
        public bool CanChange => !ProjectClosed && (IsOwner || Meeting.Runs || RunsProject);
    }
}
