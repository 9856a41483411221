using System.Globalization;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.FollowUp;
using CollabAddin.Api.Http;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.Projects;

public sealed record ConfirmationResponse(DepartmentRef Department, PersonRef By, DateTime At);
public sealed record MilestoneResponse(Guid Id, string Name, DateOnly Date, IReadOnlyList<ConfirmationResponse> Confirmations, IReadOnlyList<DepartmentRef> Awaiting,
    bool Confirmed, bool AtRisk, IReadOnlyList<Guid> TasksAtRisk, int Version);

/// <summary>
/// A running project's work: the responsibilities table (tasks, which are action items), milestones and their
/// confirmations by the departments' heads, and the kickoff meeting drafted from the project.
/// </summary>
public static class ProjectWorkApi
{
    public static void MapProjectWork(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/projects/{id:guid}").RequireAuthorization(AuthSetup.ApiUserPolicy).WithTags("Projects");
        api.MapGet("/tasks", Tasks).WithSummary("The responsibilities table: the project's tasks, by due date.").Refuses(404);
        api.MapPost("/tasks", AddTask).WithSummary("Add a task: lead and cooperating departments, duty, deliverable, acceptance standard, due date, owner.")
            .RequireRateLimiting(SecurityHeaders.WritesPolicy).Refuses(404, 409, 422, 429);
        api.MapPut("/tasks/{taskId:guid}", EditTask).WithSummary("Change a task's row of the responsibilities table. Requires the task's If-Match.")
            .Refuses(404, 409, 412, 422, 428);
        api.MapGet("/milestones", Milestones).WithSummary("The key dates, who has confirmed each, and which are at risk from their tasks.").Refuses(404);
        api.MapPost("/milestones", AddMilestone).WithSummary("Add a milestone; every involved department's head is asked to confirm it.").Refuses(404, 409, 422);
        api.MapPut("/milestones/{milestoneId:guid}", EditMilestone).WithSummary("Rename or move a milestone; confirmations are asked for again. Requires If-Match.")
            .Refuses(404, 409, 412, 422, 428);
        api.MapPost("/milestones/{milestoneId:guid}/confirm", Confirm).WithSummary("A department head confirms a milestone for the departments they head. Requires If-Match.")
            .Refuses(404, 409, 412, 428);
        api.MapGet("/dashboard", Dashboard).WithSummary("Tasks by department and milestone (done, on track, late, blocked, needs help), deviation reasons, and the figures.").Refuses(404);
        api.MapGet("/kickoff", Kickoff).WithSummary("The kickoff meeting drafted from the project, as a plan for the organizer pane (nothing is stored).").Refuses(404, 409);
    }

    private static async Task<Results<Ok<List<ActionItemResponse>>, ProblemHttpResult>> Tasks(Guid id, Caller caller, CollabDb db, TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        var (_, _, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, RequestLanguage.Of(request), ct);
        if (refusal is not null) return refusal;
        return TypedResults.Ok(await TasksOfAsync(db, id, clock.GetUtcNow().UtcDateTime, ct));
    }

    internal static async Task<List<ActionItemResponse>> TasksOfAsync(CollabDb db, Guid projectId, DateTime now, CancellationToken ct) =>
        (await db.ActionItems.AsNoTracking().Where(i => i.ProjectId == projectId && i.Status != ActionItemStatus.Cancelled).InDueOrder()
            .Select(ActionItemResponse.Projection).AsSingleQuery().ToListAsync(ct)).Select(i => i.AsOf(now)).ToList();

    private static async Task<Results<Created<ActionItemResponse>, ProblemHttpResult>> AddTask(Guid id, ProjectTask task, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (project, access, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        if (PlansTasks(project!, access!, task.LeadDepartmentId, culture) is { } no) return no;
        var errors = task.Validate(project!, await MilestoneIdsAsync(db, id, ct), culture);
        if (errors.Count > 0) return ProjectsApi.Invalid(errors, culture);
        var item = new ActionItem { TenantId = caller.TenantId, ProjectId = id, Title = "", OwnerEmail = "", OwnerName = "", TimeZone = project!.TimeZone };
        task.ApplyTo(item);
        db.ActionItems.Add(item);
        db.Origin = Origin(caller, request);
        await db.SaveChangesAsync(ct);
        var saved = await ActionItemsApi.LoadAsync(db.ActionItems.AsNoTracking(), item.Id, ct);
        response.Headers.ETag = ETags.For(saved!.Version);
        return TypedResults.Created($"/api/action-items/{item.Id}", ActionItemResponse.From(saved, clock.GetUtcNow().UtcDateTime));
    }

    private static async Task<Results<Ok<ActionItemResponse>, ProblemHttpResult>> EditTask(Guid id, Guid taskId, ProjectTask task, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (project, access, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        var item = await ActionItemsApi.LoadAsync(db.ActionItems, taskId, ct);
        if (item is null || item.ProjectId != id) return Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("item.notFound", culture));
        // Whoever plans the task's present lead department, and (when it moves) its new one.
        if (PlansTasks(project!, access!, item.LeadDepartmentId, culture) is { } no) return no;
        if (task.LeadDepartmentId != item.LeadDepartmentId && PlansTasks(project!, access!, task.LeadDepartmentId, culture) is { } notThere) return notThere;
        var now = clock.GetUtcNow().UtcDateTime;
        switch (ETags.Check(request, item.Version))
        {
            case ETags.Precondition.Missing or ETags.Precondition.Wildcard:
                return Problems.Problem(StatusCodes.Status428PreconditionRequired, Messages.Format("item.ifMatchRequired", culture), Messages.Format("item.ifMatchRequiredDetail", culture));
            case ETags.Precondition.Stale:
                return StaleTask(item, now, response, culture);
        }
        var errors = task.Validate(project!, await MilestoneIdsAsync(db, id, ct), culture);
        if (errors.Count > 0) return ProjectsApi.Invalid(errors, culture);
        task.ApplyTo(item);
        db.Origin = Origin(caller, request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (SaveRace.Lost(e)) // a racing edit of the same version also planned its alert
        {
            db.ChangeTracker.Clear();
            var current = await ActionItemsApi.LoadAsync(db.ActionItems.AsNoTracking(), taskId, ct);
            return current is null ? Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("item.notFound", culture)) : StaleTask(current, now, response, culture);
        }
        db.ChangeTracker.Clear();
        var saved = await ActionItemsApi.LoadAsync(db.ActionItems.AsNoTracking(), taskId, ct);
        response.Headers.ETag = ETags.For(saved!.Version);
        return TypedResults.Ok(ActionItemResponse.From(saved, now));
    }

    private static async Task<Results<Ok<List<MilestoneResponse>>, ProblemHttpResult>> Milestones(Guid id, Caller caller, CollabDb db, TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        var (project, _, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, RequestLanguage.Of(request), ct);
        if (refusal is not null) return refusal;
        return TypedResults.Ok(await MilestonesOfAsync(db, project!, clock.GetUtcNow().UtcDateTime, ct));
    }

    internal static async Task<List<MilestoneResponse>> MilestonesOfAsync(CollabDb db, Project project, DateTime now, CancellationToken ct)
    {
        var milestones = await db.ProjectMilestones.AsNoTracking().Where(m => m.ProjectId == project.Id).OrderBy(m => m.Date).ThenBy(m => m.CreatedAt).ToListAsync(ct);
        var tasks = await db.ActionItems.AsNoTracking().Where(i => i.ProjectId == project.Id && i.MilestoneId != null)
            .Select(i => new { i.Id, i.MilestoneId, i.Status, i.NeedsHelp, i.DueDate, i.TimeZone }).ToListAsync(ct);
        var today = TimeZones.TodayIn(project.TimeZone, now);
        return milestones.Select(m =>
        {
            // A milestone is at risk when a task leading to it, not yet done, is blocked, needs help, is late, or is due after it.
            var atRisk = m.Date >= today
                ? tasks.Where(t => t.MilestoneId == m.Id && t.Status is not (ActionItemStatus.Done or ActionItemStatus.Cancelled)
                    && (t.Status == ActionItemStatus.Blocked || t.NeedsHelp || t.DueDate < today || t.DueDate > m.Date)).Select(t => t.Id).ToList()
                : [];
            return View(project, m, atRisk);
        }).ToList();
    }

    private static MilestoneResponse View(Project project, ProjectMilestone m, List<Guid> atRisk)
    {
        var departments = Confirming(project);
        var confirmed = m.Confirmations.Where(c => departments.ContainsKey(c.DepartmentId)).ToList();
        var awaiting = departments.Values.Where(d => confirmed.All(c => c.DepartmentId != d.Id)).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        return new(m.Id, m.Name, m.Date, confirmed.OrderBy(c => c.At).Select(c => new ConfirmationResponse(departments[c.DepartmentId], new PersonRef(c.ByEmail, c.ByName), c.At)).ToList(),
            awaiting, awaiting.Count == 0, atRisk.Count > 0, atRisk, m.Version);
    }

    /// <summary>The departments whose heads confirm a milestone: the initiating one and every involved one.</summary>
    private static Dictionary<Guid, DepartmentRef> Confirming(Project project) =>
        project.Departments.Select(d => d.Department!).Prepend(project.InitiatingDepartment!).DistinctBy(d => d.Id).ToDictionary(d => d.Id, d => new DepartmentRef(d.Id, d.Name));

    private static async Task<Results<Created<MilestoneResponse>, ProblemHttpResult>> AddMilestone(Guid id, MilestoneInput input, Caller caller, CollabDb db, TimeProvider clock,
        IOptions<FollowUpOptions> options, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (project, access, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        if (Runs(project!, access!, culture) is { } no) return no;
        var errors = input.Validate(culture);
        if (errors.Count > 0) return ProjectsApi.Invalid(errors, culture);
        var now = clock.GetUtcNow().UtcDateTime;
        var milestone = new ProjectMilestone { TenantId = caller.TenantId, ProjectId = id, Name = input.Name!.Trim(), Date = input.Date!.Value, CreatedAt = now, UpdatedAt = now, Version = 1 };
        db.ProjectMilestones.Add(milestone);
        ProjectsApi.Log(db, project!, caller, "milestoneAdded", $"{milestone.Name} {milestone.Date:yyyy-MM-dd}", now);
        AskToConfirm(db, options.Value, project!, milestone, now);
        await db.SaveChangesAsync(ct);
        response.Headers.ETag = ETags.For(milestone.Version);
        return TypedResults.Created($"/api/projects/{id}/milestones/{milestone.Id}", View(project!, milestone, []));
    }

    private static Task<Results<Ok<MilestoneResponse>, ProblemHttpResult>> EditMilestone(Guid id, Guid milestoneId, MilestoneInput input, Caller caller, CollabDb db,
        TimeProvider clock, IOptions<FollowUpOptions> options, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        ChangeMilestoneAsync(id, milestoneId, caller, db, clock, request, response,
            (project, access, culture) => Runs(project, access, culture),
            (project, milestone, now, culture) =>
            {
                var errors = input.Validate(culture);
                if (errors.Count > 0) return ProjectsApi.Invalid(errors, culture);
                var (name, date) = (input.Name!.Trim(), input.Date!.Value);
                if (name == milestone.Name && date == milestone.Date) return null;
                ProjectsApi.Log(db, project, caller, "milestoneChanged", $"{milestone.Name} {milestone.Date:yyyy-MM-dd} → {name} {date:yyyy-MM-dd}", now);
                (milestone.Name, milestone.Date) = (name, date);
                milestone.Confirmations.Clear(); // a changed date is a new commitment: every head confirms it again
                AskToConfirm(db, options.Value, project, milestone, now);
                return null;
            }, ct);

    private static Task<Results<Ok<MilestoneResponse>, ProblemHttpResult>> Confirm(Guid id, Guid milestoneId, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, HttpResponse response, CancellationToken ct) =>
        ChangeMilestoneAsync(id, milestoneId, caller, db, clock, request, response,
            (project, access, culture) => ProjectsApi.Running(project, culture) ?? (!Confirming(project).Keys.Any(access.HeadOf.Contains) ? ProjectsApi.Forbidden("project.onlyHeadsConfirm", culture) : null),
            (project, milestone, now, culture) =>
            {
                var mine = Confirming(project).Keys.Where(d => ProjectAccess.Of(project, caller, false).HeadOf.Contains(d) && milestone.Confirmations.All(c => c.DepartmentId != d)).ToList();
                if (mine.Count == 0) return ProjectsApi.Conflict("project.alreadyConfirmed", culture);
                milestone.Confirmations.AddRange(mine.Select(d => new MilestoneConfirmation { DepartmentId = d, ByEmail = caller.Email, ByName = caller.Name, At = now }));
                ProjectsApi.Log(db, project, caller, "milestoneConfirmed",
                    $"{milestone.Name}: {string.Join(", ", mine.Select(d => Confirming(project)[d].Name))}", now);
                return null;
            }, ct);

    /// <summary>Load the milestone, allow, then the parts' edit protocol (PartEdits) on the milestone's own version.</summary>
    private static async Task<Results<Ok<MilestoneResponse>, ProblemHttpResult>> ChangeMilestoneAsync(Guid id, Guid milestoneId, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, HttpResponse response, Func<Project, ProjectAccess, CultureInfo, ProblemHttpResult?> allowed,
        Func<Project, ProjectMilestone, DateTime, CultureInfo, ProblemHttpResult?> apply, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (project, access, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        var milestone = await db.ProjectMilestones.SingleOrDefaultAsync(m => m.Id == milestoneId && m.ProjectId == id, ct);
        if (milestone is null) return Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("project.milestoneUnknown", culture));
        if (allowed(project!, access!, culture) is { } no) return no;
        var now = clock.GetUtcNow().UtcDateTime;
        async Task<MilestoneResponse> ViewAsync() => (await MilestonesOfAsync(db, project!, now, ct)).Single(m => m.Id == milestoneId);
        return await PartEdits.SaveAsync(db, milestone, request, response, culture,
            () =>
            {
                var refused = apply(project!, milestone, now, culture);
                if (refused is null && db.ChangeTracker.HasChanges()) milestone.UpdatedAt = now; // a repeated confirmation changes nothing
                return Task.FromResult(refused);
            },
            ViewAsync,
            async () =>
            {
                var current = await ViewAsync();
                return (current, current.Version);
            }, ct);
    }

    private static async Task<Results<Ok<ProjectDashboard>, ProblemHttpResult>> Dashboard(Guid id, Caller caller, CollabDb db, ProgressReports reports, TimeProvider clock,
        HttpRequest request, CancellationToken ct)
    {
        var (project, _, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, RequestLanguage.Of(request), ct);
        if (refusal is not null) return refusal;
        var now = clock.GetUtcNow().UtcDateTime;
        // The figures over the project's whole window so far, not the report's default 90 days.
        var to = TimeZones.TodayIn(project!.TimeZone, now);
        var from = project.StartDate < to ? project.StartDate : to;
        var report = await reports.ForProjectAsync(id, new ProgressReports.Filter(null, null, from, to), ct);
        return TypedResults.Ok(ProjectDashboard.Of(project, await TasksOfAsync(db, id, now, ct), await MilestonesOfAsync(db, project, now, ct), report.Figures,
            await CollaborationOfAsync(db, project, ct)));
    }

    internal static async Task<CollaborationFigures> CollaborationOfAsync(CollabDb db, Project project, CancellationToken ct)
    {
        var issues = await db.ProjectIssues.AsNoTracking().Where(i => i.ProjectId == project.Id).ToListAsync(ct);
        var acceptances = await db.ProjectAcceptances.AsNoTracking().Where(a => a.ProjectId == project.Id).ToListAsync(ct);
        var leads = await db.ActionItems.AsNoTracking().Where(i => i.ProjectId == project.Id).ToDictionaryAsync(i => i.Id, i => i.LeadDepartmentId, ct);
        var departments = project.Departments.Select(d => d.Department!).Prepend(project.InitiatingDepartment!).DistinctBy(d => d.Id).Select(d => new DepartmentRef(d.Id, d.Name));
        return CollaborationFigures.Of(issues, acceptances, await ProjectCloseApi.SatisfactionOfAsync(db, project, null, ct))
            .WithDepartments(departments, issues, acceptances, leads);
    }

    private static async Task<Results<Ok<MeetingPlan>, ProblemHttpResult>> Kickoff(Guid id, Caller caller, CollabDb db, TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (project, refusal) = await ProjectMeetings.PlannableAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        return TypedResults.Ok(ProjectMeetings.Kickoff(project!, TimeZones.TodayIn(project!.TimeZone, clock.GetUtcNow().UtcDateTime)));
    }

    private static void AskToConfirm(CollabDb db, FollowUpOptions options, Project project, ProjectMilestone milestone, DateTime now) =>
        ProjectMail.Plan(db, options, project, $"milestone:{milestone.Id}:{milestone.Version}",
            project.Departments.Select(d => d.Department!.HeadEmail).Append(project.InitiatingDepartment!.HeadEmail),
            ("Please confirm a milestone of the project for your department", "请代表贵部门确认项目的关键节点"),
            [new("Milestone", "关键节点", milestone.Name), new("Date", "日期", milestone.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))], now);

    /// <summary>Tasks are planned by whoever runs the project, or by the lead department's head or contact, while it runs.</summary>
    private static ProblemHttpResult? PlansTasks(Project project, ProjectAccess access, Guid? lead, CultureInfo culture) =>
        ProjectsApi.Running(project, culture) ?? (access.Runs || lead is { } l && (access.HeadOf.Contains(l) || access.ContactOf.Contains(l)) ? null
        : ProjectsApi.Forbidden("project.onlyPlanners", culture));

    private static ProblemHttpResult? Runs(Project project, ProjectAccess access, CultureInfo culture) =>
        !access.Runs ? ProjectsApi.Forbidden("project.onlyRuns", culture) : ProjectsApi.Running(project, culture);

    private static async Task<HashSet<Guid>> MilestoneIdsAsync(CollabDb db, Guid projectId, CancellationToken ct) =>
        (await db.ProjectMilestones.Where(m => m.ProjectId == projectId).Select(m => m.Id).ToListAsync(ct)).ToHashSet();

    private static ChangeOrigin Origin(Caller caller, HttpRequest request) => new(caller.Email, caller.Name,
        string.Equals(request.Headers[ActionItemsApi.ClientHeader], "taskpane", StringComparison.OrdinalIgnoreCase) ? ChangeSource.TaskPane : ChangeSource.Api);

    private static ProblemHttpResult StaleTask(ActionItem current, DateTime now, HttpResponse response, CultureInfo culture)
    {
        response.Headers.ETag = ETags.For(current.Version);
        return Problems.Problem(StatusCodes.Status412PreconditionFailed, Messages.Format("item.stale", culture), Messages.Format("item.staleDetail", culture),
            "current", ActionItemResponse.From(current, now));
    }
}
