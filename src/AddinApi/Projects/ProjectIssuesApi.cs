using System.Globalization;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.FollowUp;
using CollabAddin.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.Projects;

public sealed record IssueInput(string? Kind, string? Title, string? Description, Guid? TaskId, List<Guid>? DepartmentIds);
public sealed record IssueStepInput(string? Comment);
public sealed record IssueStepResponse(int Number, DateTime At, IssueLevel Level, string Action, PersonRef By, string? Outcome);
public sealed record IssueResponse(Guid Id, IssueKind Kind, string Title, string? Description, Guid? TaskId, IReadOnlyList<DepartmentRef> Departments,
    PersonRef RaisedBy, DateTime RaisedAt, IssueLevel Level, IReadOnlyList<string> Handlers, DateTime DueAt, bool Overdue, string? Resolution,
    PersonRef? ResolvedBy, DateTime? ResolvedAt, IReadOnlyList<IssueStepResponse> Steps, bool CanEscalate, bool CanResolve, int Version);

/// <summary>
/// The issue log (《问题处理记录表》): anyone in a running project raises an issue between departments; it goes up the
/// chain — contacts, heads, executive — when the people at its level say so or when its time limit passes (the
/// follow-up worker, <see cref="IssueEscalation"/>); each step is recorded, mailed and shown; a resolution closes it.
/// </summary>
public static class ProjectIssuesApi
{
    public static void MapProjectIssues(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/projects/{id:guid}/issues").RequireAuthorization(AuthSetup.ApiUserPolicy).WithTags("Projects");
        api.MapGet("", List).WithSummary("The project's issue log, open first, with each issue's steps.").Refuses(404);
        api.MapPost("", Raise).WithSummary("Raise an issue (dispute, resourceConflict, blockedDependency, other) between one or two departments, on the project or a task.")
            .RequireRateLimiting(SecurityHeaders.WritesPolicy).Refuses(404, 409, 422, 429);
        api.MapPost("/{issueId:guid}/escalate", Escalate).WithSummary("Take the issue to the next level (heads, then the executive), saying what the present level found. Requires If-Match.")
            .Refuses(404, 409, 412, 422, 428);
        api.MapPost("/{issueId:guid}/resolve", Resolve).WithSummary("Record the resolution, which closes the issue. Requires If-Match.")
            .Refuses(404, 409, 412, 422, 428);
    }

    private static async Task<Results<Ok<List<IssueResponse>>, ProblemHttpResult>> List(Guid id, Caller caller, CollabDb db, TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        var (project, access, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, RequestLanguage.Of(request), ct);
        if (refusal is not null) return refusal;
        var issues = await db.ProjectIssues.AsNoTracking().Where(i => i.ProjectId == id).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(issues.OrderBy(i => i.IsOpen ? 0 : 1).ThenByDescending(i => i.RaisedAt).Select(i => View(project!, access!, i, caller, now)).ToList());
    }

    private static async Task<Results<Created<IssueResponse>, ProblemHttpResult>> Raise(Guid id, IssueInput input, Caller caller, CollabDb db, TimeProvider clock,
        IOptions<FollowUpOptions> mail, IOptions<ProjectOptions> options, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (project, access, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        if (ProjectsApi.Running(project!, culture) is { } no) return no;
        var errors = new Dictionary<string, string[]>();
        var inProject = project!.Departments.Select(d => d.DepartmentId).Append(project.InitiatingDepartmentId).ToHashSet();
        if (!Enum.TryParse<IssueKind>(input.Kind, ignoreCase: true, out var kind) || int.TryParse(input.Kind, out _)) errors["kind"] = [Messages.Format("issue.kindUnknown", culture)];
        if (string.IsNullOrWhiteSpace(input.Title)) errors["title"] = [Messages.Format("issue.titleMissing", culture)];
        else if (input.Title.Trim().Length > CollabModel.TitleLength) errors["title"] = [Messages.Format("text.tooLong", culture, CollabModel.TitleLength)];
        if (input.Description is { Length: > CollabModel.TextLength }) errors["description"] = [Messages.Format("text.tooLong", culture, CollabModel.TextLength)];
        var departments = (input.DepartmentIds ?? []).Distinct().ToList();
        if (departments.Count is < 1 or > 2 || departments.Any(d => !inProject.Contains(d))) errors["departmentIds"] = [Messages.Format("issue.departments", culture)];
        if (input.TaskId is { } task && !await db.ActionItems.AnyAsync(i => i.Id == task && i.ProjectId == id, ct)) errors["taskId"] = [Messages.Format("item.notFound", culture)];
        if (errors.Count > 0) return ProjectsApi.Invalid(errors, culture);

        var now = clock.GetUtcNow().UtcDateTime;
        var issue = new ProjectIssue
        {
            TenantId = caller.TenantId, ProjectId = id, TaskId = input.TaskId, Kind = kind, Title = input.Title!.Trim(),
            Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(), DepartmentIds = string.Join(',', departments),
            RaisedByEmail = caller.Email, RaisedByName = caller.Name, RaisedAt = now, DueAt = now.AddHours(options.Value.IssueLevelHours[0]), Version = 1,
            Steps = [new IssueStep { Number = 1, At = now, Level = IssueLevel.Contacts, Action = "raised", ByEmail = caller.Email, ByName = caller.Name, Outcome = null }],
        };
        db.ProjectIssues.Add(issue);
        ProjectsApi.Log(db, project, caller, "issueRaised", issue.Title, now);
        IssueEscalation.Notify(db, mail.Value, project, issue, "raised", now);
        await db.SaveChangesAsync(ct);
        response.Headers.ETag = ETags.For(issue.Version);
        return TypedResults.Created($"/api/projects/{id}/issues/{issue.Id}", View(project, access!, issue, caller, now));
    }

    private static Task<Results<Ok<IssueResponse>, ProblemHttpResult>> Escalate(Guid id, Guid issueId, IssueStepInput input, Caller caller, CollabDb db, TimeProvider clock,
        IOptions<FollowUpOptions> mail, IOptions<ProjectOptions> options, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        ChangeAsync(id, issueId, caller, db, clock, request, response, (project, access, issue, now, culture) =>
        {
            if (!CanEscalate(project, access, issue, caller)) return ProjectsApi.Forbidden("issue.cannotEscalate", culture);
            if (issue.Level == IssueLevel.Executive) return ProjectsApi.Conflict("issue.atTop", culture);
            if (string.IsNullOrWhiteSpace(input.Comment)) return ProjectsApi.Invalid(new() { ["comment"] = [Messages.Format("issue.commentMissing", culture)] }, culture);
            IssueEscalation.Climb(issue, "escalated", caller.Email, caller.Name, input.Comment.Trim(), now, options.Value);
            ProjectsApi.Log(db, project, caller, "issueEscalated", $"{issue.Title} → {issue.Level}", now);
            IssueEscalation.Notify(db, mail.Value, project, issue, "escalated", now);
            return null;
        }, ct);

    private static Task<Results<Ok<IssueResponse>, ProblemHttpResult>> Resolve(Guid id, Guid issueId, IssueStepInput input, Caller caller, CollabDb db, TimeProvider clock,
        IOptions<FollowUpOptions> mail, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        ChangeAsync(id, issueId, caller, db, clock, request, response, (project, access, issue, now, culture) =>
        {
            if (!CanResolve(project, access, issue, caller)) return ProjectsApi.Forbidden("issue.cannotResolve", culture);
            if (string.IsNullOrWhiteSpace(input.Comment)) return ProjectsApi.Invalid(new() { ["comment"] = [Messages.Format("issue.resolutionMissing", culture)] }, culture);
            var resolution = input.Comment.Trim();
            (issue.Resolution, issue.ResolvedByEmail, issue.ResolvedByName, issue.ResolvedAt) = (resolution, caller.Email, caller.Name, now);
            issue.Steps.Add(new IssueStep { Number = issue.Steps.Count + 1, At = now, Level = issue.Level, Action = "resolved", ByEmail = caller.Email, ByName = caller.Name, Outcome = resolution });
            ProjectsApi.Log(db, project, caller, "issueResolved", issue.Title, now);
            IssueEscalation.Notify(db, mail.Value, project, issue, "resolved", now);
            return null;
        }, ct);

    private static async Task<Results<Ok<IssueResponse>, ProblemHttpResult>> ChangeAsync(Guid id, Guid issueId, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, HttpResponse response, Func<Project, ProjectAccess, ProjectIssue, DateTime, CultureInfo, ProblemHttpResult?> apply, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (project, access, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        var issue = await db.ProjectIssues.SingleOrDefaultAsync(i => i.Id == issueId && i.ProjectId == id, ct);
        if (issue is null) return Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("issue.notFound", culture));
        if (ProjectsApi.Running(project!, culture) is { } notRunning) return notRunning;
        if (!issue.IsOpen) return ProjectsApi.Conflict("issue.resolved", culture);
        var now = clock.GetUtcNow().UtcDateTime;
        // Stale also when the follow-up worker climbed it in the meantime.
        return await PartEdits.SaveAsync(db, issue, request, response, culture,
            () => Task.FromResult(apply(project!, access!, issue, now, culture)),
            () => Task.FromResult(View(project!, access!, issue, caller, now)),
            async () =>
            {
                var current = await db.ProjectIssues.AsNoTracking().SingleAsync(i => i.Id == issueId, ct);
                return (View(project!, access!, current, caller, now), current.Version);
            }, ct, staleTitle: "issue.stale");
    }

    /// <summary>The people at this level, their handlers, the raiser and the project's runners may move it up.</summary>
    private static bool CanEscalate(Project project, ProjectAccess access, ProjectIssue issue, Caller caller) =>
        access.Runs || Is(caller, issue.RaisedByEmail) || IssueEscalation.Handlers(project, issue, issue.Level).Any(e => Is(caller, e));

    /// <summary>Anyone at its level or above settles it, and the project's runners.</summary>
    private static bool CanResolve(Project project, ProjectAccess access, ProjectIssue issue, Caller caller) =>
        access.Runs || Enum.GetValues<IssueLevel>().Where(l => l >= issue.Level).SelectMany(l => IssueEscalation.Handlers(project, issue, l)).Any(e => Is(caller, e));

    private static bool Is(Caller caller, string? email) => email is not null && string.Equals(email, caller.Email, StringComparison.OrdinalIgnoreCase);

    internal static IssueResponse View(Project project, ProjectAccess access, ProjectIssue i, Caller caller, DateTime now)
    {
        var names = project.Departments.Select(d => d.Department!).Append(project.InitiatingDepartment!).DistinctBy(d => d.Id).ToDictionary(d => d.Id, d => d.Name);
        return new(i.Id, i.Kind, i.Title, i.Description, i.TaskId, i.Departments.Select(d => new DepartmentRef(d, names.GetValueOrDefault(d, "?"))).ToList(),
            new PersonRef(i.RaisedByEmail, i.RaisedByName), i.RaisedAt, i.Level, IssueEscalation.Handlers(project, i, i.Level), i.DueAt, i.IsOpen && i.DueAt < now,
            i.Resolution, i.ResolvedByEmail is null ? null : new PersonRef(i.ResolvedByEmail, i.ResolvedByName ?? i.ResolvedByEmail), i.ResolvedAt,
            i.Steps.OrderBy(s => s.Number).Select(s => new IssueStepResponse(s.Number, s.At, s.Level, s.Action, new PersonRef(s.ByEmail, s.ByName), s.Outcome)).ToList(),
            i.IsOpen && i.Level != IssueLevel.Executive && CanEscalate(project, access, i, caller), i.IsOpen && CanResolve(project, access, i, caller), i.Version);
    }
}
