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

/// <summary>
/// Collaboration projects (协作项目), the request part: write it, submit it to the initiating department's head, who
/// approves or returns it with a reason; the involved departments respond. Every change needs If-Match and is logged.
/// </summary>
public static class ProjectsApi
{
    public const int MaxPageSize = 100;

    public static void AddProjects(this WebApplicationBuilder builder) =>
        builder.Services.Configure<ProjectOptions>(builder.Configuration.GetSection("Projects"));

    /// <summary>The request here; the work, issues, risks, acceptance and close in their own files.</summary>
    public static void MapProjects(this IEndpointRouteBuilder routes)
    {
        routes.MapProjectWork();
        routes.MapProjectIssues();
        routes.MapProjectRisks();
        routes.MapProjectAcceptance();
        routes.MapProjectClose();
        routes.MapProjectDocuments();
        routes.MapResponsibilitiesReadBack();
        var api = routes.MapGroup("/api/projects").RequireAuthorization(AuthSetup.ApiUserPolicy).WithTags("Projects");
        // Names only (heads and contacts stay with the admins' list): what a request form offers to pick from.
        api.MapGet("/departments", async (CollabDb db, CancellationToken ct) =>
                TypedResults.Ok(await db.Departments.OrderBy(d => d.Name).Select(d => new DepartmentRef(d.Id, d.Name)).ToListAsync(ct)))
            .WithSummary("The tenant's departments by name, to pick the initiating and involved departments of a request.");
        api.MapGet("", Mine).WithSummary("The projects the caller takes part in (initiator, head, contact, executive, task owner), newest first.");
        api.MapPost("", Create).WithSummary("Start a request (draft) with the next number of the tenant (XT-2026-0042).")
            .RequireRateLimiting(SecurityHeaders.WritesPolicy).Refuses(422, 429);
        api.MapGet("/{id:guid}", Get).WithSummary("One project, with its ETag, the caller's part and what a submission still lacks.").Refuses(404);
        api.MapPut("/{id:guid}", Edit).WithSummary("Edit the request while it is a draft or returned. Initiator only; requires If-Match.")
            .Refuses(404, 409, 412, 422, 428);
        api.MapPost("/{id:guid}/submit", Submit).WithSummary("Send the request to the initiating department's head for review. Requires If-Match.")
            .Refuses(404, 409, 412, 422, 428);
        api.MapPost("/{id:guid}/review", Review).WithSummary("The initiating department's head approves the request, or returns it with the reason. Requires If-Match.")
            .Refuses(404, 409, 412, 422, 428);
        api.MapPost("/{id:guid}/departments/{departmentId:guid}/response", Respond)
            .WithSummary("An involved department's head or contact answers the request: agree, needsChanges or conflict, with a comment. Requires If-Match.")
            .Refuses(404, 409, 412, 422, 428);
        api.MapPut("/{id:guid}/communication", Communicate).WithSummary("The communication mechanism: regular meetings, channels, who decides what. Requires If-Match.")
            .Refuses(404, 409, 412, 422, 428);
        api.MapGet("/{id:guid}/history", History).WithSummary("Every state change of the project, newest first.").Refuses(404);
    }

    private static async Task<Results<Ok<List<ProjectSummary>>, ProblemHttpResult>> Mine(Caller caller, CollabDb db, HttpRequest request, CancellationToken ct,
        string? state = null)
    {
        var culture = RequestLanguage.Of(request);
        var projects = db.Projects.AsNoTracking().TakingPart(db, caller);
        if (state is { Length: > 0 })
        {
            if (!Enum.TryParse<ProjectState>(state, ignoreCase: true, out var wanted) || int.TryParse(state, out _))
                return Problems.Invalid(new Dictionary<string, string[]> { ["state"] = [Messages.Format("project.stateUnknown", culture, state)] },
                    title: Messages.Format("list.filterInvalid", culture));
            projects = projects.Where(p => p.State == wanted);
        }
        var (email, oid) = (caller.Email, caller.ObjectId);
        var rows = await projects.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id).Take(MaxPageSize)
            .Select(p => new
            {
                p.Id, p.Number, p.Title, p.State, Department = p.InitiatingDepartment!.Name, p.InitiatorEmail, p.InitiatorName, p.StartDate, p.EndDate, p.UpdatedAt,
                // The same parts as TakingPart and ProjectAccess, each as a flag, in the one query.
                Initiator = p.InitiatorEmail == email && (p.InitiatorObjectId == oid || p.InitiatorObjectId == null),
                Head = p.InitiatingDepartment.HeadEmail == email || p.Departments.Any(d => d.Department!.HeadEmail == email),
                Contact = p.InitiatingDepartment.ContactEmail == email || p.Departments.Any(d => d.Department!.ContactEmail == email),
                Owner = db.ActionItems.Any(i => i.ProjectId == p.Id && i.OwnerEmail == email && (i.OwnerObjectId == oid || i.OwnerObjectId == null)),
                Executive = p.ExecutiveEmail == email,
            })
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(p => new ProjectSummary(p.Id, p.Number, p.Title, p.State, p.Department, new PersonRef(p.InitiatorEmail, p.InitiatorName),
                p.StartDate, p.EndDate, p.UpdatedAt,
                new[] { ("initiator", p.Initiator), ("head", p.Head), ("contact", p.Contact), ("owner", p.Owner), ("executive", p.Executive) }
                    .Where(x => x.Item2).Select(x => x.Item1).ToList()))
            .ToList());
    }

    private static async Task<Results<Created<ProjectResponse>, ProblemHttpResult>> Create(ProjectForm form, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var errors = form.Validate(await KnownDepartmentsAsync(db, ct), culture);
        if (errors.Count > 0) return Invalid(errors, culture);
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = string.IsNullOrWhiteSpace(form.TimeZone) ? "UTC" : form.TimeZone;
        var project = new Project
        {
            TenantId = caller.TenantId, Number = "", Title = "", TimeZone = zone, Language = culture.Name,
            InitiatorEmail = caller.Email, InitiatorName = caller.Name, InitiatorObjectId = caller.ObjectId,
            CreatedAt = now, UpdatedAt = now,
        };
        form.ApplyTo(project, TimeZones.TodayIn(zone, now));
        db.Projects.Add(project);
        Log(db, project, caller, "created", null, now);
        await ProjectNumbers.SaveNewAsync(db, project, TimeZones.TodayIn(zone, now).Year, ct);
        var (saved, access, _) = await ProjectLookup.SeenByAsync(db, project.Id, caller, culture, ct);
        response.Headers.ETag = ETags.For(saved!.Version);
        return TypedResults.Created($"/api/projects/{project.Id}", View(saved, access!, now, culture));
    }

    private static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> Get(Guid id, Caller caller, CollabDb db, TimeProvider clock, HttpRequest request,
        HttpResponse response, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (project, access, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        response.Headers.ETag = ETags.For(project!.Version);
        return TypedResults.Ok(View(project, access!, clock.GetUtcNow().UtcDateTime, culture));
    }

    private static Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> Edit(Guid id, ProjectForm form, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, HttpResponse response, CancellationToken ct) =>
        ChangeAsync(id, caller, db, clock, request, response,
            (project, access, culture) => !access.IsInitiator ? Forbidden("project.onlyInitiator", culture)
                : project.State is not (ProjectState.Draft or ProjectState.Returned) ? Conflict("project.notEditable", culture) : null,
            async (project, now, culture) =>
            {
                var errors = form.Validate(await KnownDepartmentsAsync(db, ct), culture);
                if (errors.Count > 0) return Invalid(errors, culture);
                form.ApplyTo(project, TimeZones.TodayIn(project.TimeZone, now));
                Log(db, project, caller, "edited", null, now);
                return null;
            }, ct);

    private static Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> Submit(Guid id, Caller caller, CollabDb db, TimeProvider clock,
        IOptions<FollowUpOptions> options, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        ChangeAsync(id, caller, db, clock, request, response,
            (project, access, culture) => !access.IsInitiator ? Forbidden("project.onlyInitiator", culture)
                : project.State is not (ProjectState.Draft or ProjectState.Returned) ? Conflict("project.notEditable", culture) : null,
            (project, now, culture) =>
            {
                var missing = ProjectForm.ForSubmission(project, TimeZones.TodayIn(project.TimeZone, now), culture);
                if (missing.Count > 0) return Task.FromResult<ProblemHttpResult?>(Problems.Invalid(missing, title: Messages.Format("project.incomplete", culture),
                    status: StatusCodes.Status422UnprocessableEntity));
                if (project.InitiatingDepartment!.HeadEmail is null)
                    return Task.FromResult<ProblemHttpResult?>(Conflict("project.noHead", culture, project.InitiatingDepartment.Name));
                var again = project.State == ProjectState.Returned;
                project.State = ProjectState.Submitted;
                Log(db, project, caller, again ? "resubmitted" : "submitted", null, now);
                ProjectMail.Plan(db, options.Value, project, $"submitted:{project.Version}", [project.InitiatingDepartment.HeadEmail],
                    again ? ("A returned request was changed and submitted again for your review", "退回的申请已修改并重新提交，请审核")
                          : ("A collaboration request waits for your review", "有一份协作需求申请待您审核"),
                    [new("Initiator", "发起人", project.InitiatorName), new("Goal", "目标", project.Goal),
                     new("Time window", "时间范围", $"{project.StartDate:yyyy-MM-dd} – {project.EndDate:yyyy-MM-dd}")], now);
                return Task.FromResult<ProblemHttpResult?>(null);
            }, ct);

    private static Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> Review(Guid id, ReviewInput input, Caller caller, CollabDb db, TimeProvider clock,
        IOptions<FollowUpOptions> options, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        ChangeAsync(id, caller, db, clock, request, response,
            (project, access, culture) => !access.IsInitiatingHead ? Forbidden("project.onlyHead", culture)
                : project.State != ProjectState.Submitted ? Conflict("project.notSubmitted", culture) : null,
            (project, now, culture) =>
            {
                var errors = input.Validate(culture);
                if (errors.Count > 0) return Task.FromResult<ProblemHttpResult?>(Invalid(errors, culture));
                if (input.Outcome == ReviewInput.Approve)
                {
                    project.State = ProjectState.Active;
                    Log(db, project, caller, "approved", input.Comment?.Trim(), now);
                    var departments = project.Departments.Select(d => d.Department!).ToList();
                    ProjectMail.Plan(db, options.Value, project, $"approved:{project.Version}",
                        departments.SelectMany(d => new[] { d.HeadEmail, d.ContactEmail }).Append(project.InitiatorEmail),
                        ("The request was approved: your department is asked to take part; please give your first response", "申请已获批准：贵部门受邀参与协作，请给出初步回复"),
                        [new("Initiator", "发起人", project.InitiatorName), new("Goal", "目标", project.Goal), new("Scope", "范围", project.Scope),
                         new("Not included", "不包含", project.Exclusions), new("Departments", "参与部门", string.Join(", ", departments.Select(d => d.Name)))], now);
                }
                else
                {
                    project.State = ProjectState.Returned;
                    (project.ReturnReason, project.ReturnComment) = (input.Reason, input.Comment?.Trim());
                    Log(db, project, caller, "returned", $"{input.Reason}: {input.Comment?.Trim()}", now);
                    ProjectMail.Plan(db, options.Value, project, $"returned:{project.Version}", [project.InitiatorEmail],
                        ("Your request was returned: please change it and submit it again", "您的申请被退回：请修改后重新提交"),
                        [new("Reason", "原因", Messages.Format($"project.returnReason.{input.Reason}", RequestLanguage.IsChinese(project.Language) ? Zh : En)),
                         new("Comment", "说明", input.Comment)], now);
                }
                return Task.FromResult<ProblemHttpResult?>(null);
            }, ct);

    private static Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> Respond(Guid id, Guid departmentId, DepartmentAnswer answer, Caller caller, CollabDb db,
        TimeProvider clock, IOptions<FollowUpOptions> options, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        ChangeAsync(id, caller, db, clock, request, response,
            (project, access, culture) => project.Departments.All(d => d.DepartmentId != departmentId) ? NotFoundDepartment(culture)
                : !access.HeadOf.Contains(departmentId) && !access.ContactOf.Contains(departmentId) ? Forbidden("project.onlyDepartment", culture)
                : project.State != ProjectState.Active ? Conflict("project.notActive", culture) : null,
            (project, now, culture) =>
            {
                var errors = answer.Validate(culture);
                if (errors.Count > 0) return Task.FromResult<ProblemHttpResult?>(Invalid(errors, culture));
                var involved = project.Departments.Single(d => d.DepartmentId == departmentId);
                (involved.Response, involved.Comment, involved.RespondedByEmail, involved.RespondedByName, involved.RespondedAt) =
                    (answer.Parsed, answer.Comment?.Trim(), caller.Email, caller.Name, now);
                Log(db, project, caller, "responded", $"{involved.Department!.Name}: {DepartmentAnswer.Wire(answer.Parsed)}", now);
                ProjectMail.Plan(db, options.Value, project, $"responded:{departmentId}:{project.Version}", [project.InitiatorEmail],
                    ($"{involved.Department.Name} responded to the request", $"{involved.Department.Name}已回复协作申请"),
                    [new("Response", "回复", Messages.Format($"project.response.{DepartmentAnswer.Wire(answer.Parsed)}", RequestLanguage.IsChinese(project.Language) ? Zh : En)),
                     new("Comment", "说明", answer.Comment), new("By", "回复人", caller.Name)], now);
                return Task.FromResult<ProblemHttpResult?>(null);
            }, ct);

    private static Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> Communicate(Guid id, CommunicationInput input, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, HttpResponse response, CancellationToken ct) =>
        ChangeAsync(id, caller, db, clock, request, response,
            (project, access, culture) => !access.Runs ? Forbidden("project.onlyRuns", culture)
                : project.State == ProjectState.Closed ? Conflict("project.closed", culture) : null,
            async (project, now, culture) =>
            {
                var errors = input.Validate(culture);
                if (input.SeriesId is { } series && !await db.Series.AnyAsync(s => s.Id == series, ct))
                    errors["seriesId"] = [Messages.Format("project.seriesUnknown", culture)];
                if (errors.Count > 0) return Invalid(errors, culture);
                input.ApplyTo(project.Communication);
                Log(db, project, caller, "communication", null, now);
                return null;
            }, ct);

    private static async Task<Results<Ok<List<ProjectEventResponse>>, ProblemHttpResult>> History(Guid id, Caller caller, CollabDb db, HttpRequest request, CancellationToken ct)
    {
        var (_, _, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, RequestLanguage.Of(request), ct);
        if (refusal is not null) return refusal;
        return TypedResults.Ok(await db.ProjectEvents.AsNoTracking().Where(e => e.ProjectId == id).OrderByDescending(e => e.Id)
            .Select(e => new ProjectEventResponse(e.Id, e.At, new PersonRef(e.ByEmail, e.ByName), e.Kind, e.Detail)).ToListAsync(ct));
    }

    /// <summary>
    /// The one way a project changes: load it for a caller who may see it, ask <paramref name="allowed"/> whether this
    /// caller may do this now, check If-Match, apply, bump the version and save with the event and its mails — or
    /// answer 412 with the current project when someone saved first.
    /// </summary>
    internal static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> ChangeAsync(Guid id, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, HttpResponse response,
        Func<Project, ProjectAccess, CultureInfo, ProblemHttpResult?> allowed, Func<Project, DateTime, CultureInfo, Task<ProblemHttpResult?>> apply, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (project, access, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, culture, ct, tracked: true);
        if (refusal is not null) return refusal;
        if (allowed(project!, access!, culture) is { } no) return no;
        var now = clock.GetUtcNow().UtcDateTime;
        // Read afresh after the save, not shown from the tracked copy: an edit may add departments (whose names are not
        // loaded yet) and so change the caller's part in the project.
        async Task<(ProjectResponse View, int Version)> StoredAsync()
        {
            var current = await db.Projects.AsNoTracking().WithPeople().SingleAsync(p => p.Id == id, ct);
            return (View(current, ProjectAccess.Of(current, caller, access!.IsTaskOwner), now, culture), current.Version);
        }
        return await PartEdits.SaveAsync(db, project!, request, response, culture,
            async () =>
            {
                if (await apply(project!, now, culture) is { } refused) return refused;
                project!.UpdatedAt = now;
                db.Origin = new ChangeOrigin(caller.Email, caller.Name, ChangeSource.Api);
                return null;
            },
            async () =>
            {
                db.ChangeTracker.Clear();
                return (await StoredAsync()).View;
            },
            StoredAsync, ct);
    }

    internal static void Log(CollabDb db, Project project, Caller caller, string kind, string? detail, DateTime now) =>
        db.ProjectEvents.Add(new ProjectEvent
        {
            TenantId = project.TenantId, ProjectId = project.Id, At = now, ByEmail = caller.Email, ByName = caller.Name, Kind = kind,
            Detail = detail is { Length: > CollabModel.GoalLength } ? detail[..CollabModel.GoalLength] : detail,
        });

    internal static ProjectResponse View(Project project, ProjectAccess access, DateTime now, CultureInfo culture) =>
        ProjectResponse.From(project, access, ProjectForm.ForSubmission(project, TimeZones.TodayIn(project.TimeZone, now), culture));

    private static async Task<HashSet<Guid>> KnownDepartmentsAsync(CollabDb db, CancellationToken ct) =>
        (await db.Departments.Select(d => d.Id).ToListAsync(ct)).ToHashSet();

    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    internal static ProblemHttpResult Invalid(Dictionary<string, string[]> errors, CultureInfo culture) =>
        Problems.Invalid(errors, title: Messages.Format("project.invalid", culture), status: StatusCodes.Status422UnprocessableEntity);

    /// <summary>The one rule for work on a project: only while it runs (approved, not closed).</summary>
    internal static ProblemHttpResult? Running(Project project, CultureInfo culture) =>
        project.State == ProjectState.Closed ? Conflict("project.closed", culture)
        : project.State != ProjectState.Active ? Conflict("project.notActive", culture) : null;

    internal static ProblemHttpResult Forbidden(string code, CultureInfo culture) => Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format(code, culture));

    internal static ProblemHttpResult Conflict(string code, CultureInfo culture, params object[] args) =>
        Problems.Problem(StatusCodes.Status409Conflict, Messages.Format(code, culture, args));

    private static ProblemHttpResult NotFoundDepartment(CultureInfo culture) =>
        Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("project.departmentNotInvolved", culture));
}
