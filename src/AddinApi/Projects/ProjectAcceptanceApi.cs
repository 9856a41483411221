using System.Globalization;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.FollowUp;
using CollabAddin.Api.Http;
using CollabAddin.Minutes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.Projects;

public sealed record SelfCheckInput(string? Standard, bool? Met, string? Evidence);
public sealed record AcceptanceSubmission(string? Note, List<SelfCheckInput>? SelfChecks);
public sealed record AcceptanceDecision(string? Outcome, string? Comment, string? ReworkWhat, DateOnly? ReworkDue);
public sealed record SelfCheckResponse(string Standard, bool Met, string? Evidence);
public sealed record AcceptanceResponse(Guid Id, Guid TaskId, string TaskTitle, int Round, string? Note, IReadOnlyList<SelfCheckResponse> SelfChecks, PersonRef SubmittedBy,
    DateTime SubmittedAt, AcceptanceOutcome Outcome, string? Comment, string? ReworkWhat, DateOnly? ReworkDue, IReadOnlyList<string> JointlyWith, PersonRef? DecidedBy,
    DateTime? DecidedAt, bool CanDecide, bool CanConcur, int Version);

/// <summary>
/// Acceptance (《成果验收确认表》): the responsible department submits a task's deliverable with its self-check against
/// each acceptance standard; the heads of the other involved departments may concur; the initiating department's head
/// decides pass (the task is done), fail, or rework with what and a new due date (the task reopens, history source
/// "acceptance", and comes back as the next round).
/// </summary>
public static class ProjectAcceptanceApi
{
    public const int MaxSelfChecks = 20;

    public static void MapProjectAcceptance(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/projects/{id:guid}").RequireAuthorization(AuthSetup.ApiUserPolicy).WithTags("Projects");
        api.MapGet("/acceptances", List).WithSummary("Every submission for acceptance, newest first, with its self-check and decision.").Refuses(404);
        api.MapPost("/tasks/{taskId:guid}/acceptance", Submit).WithSummary("Submit a task's deliverable for acceptance with the self-check list (task owner, lead department's head or contact).")
            .Refuses(404, 409, 422);
        api.MapGet("/tasks/{taskId:guid}/self-check", SelfCheckForm).WithSummary("The task's self-check list as a Word form, to fill in and send back for acceptance.")
            .Produces<Stream>(StatusCodes.Status200OK, Minutes.MinutesApi.DocxType).Refuses(404);
        api.MapPost("/tasks/{taskId:guid}/acceptance/document", SubmitDocument)
            .WithSummary("Submit a task for acceptance with its self-check list filled in Word (the form, or a table headed standard / met / evidence).")
            .RequireRateLimiting(SecurityHeaders.WritesPolicy).Refuses(404, 409, 413, 415, 422, 429)
            .WithMetadata(new Uploads.Limit(routes.ServiceProvider.GetRequiredService<IOptions<Minutes.MinutesOptions>>().Value.MaxUploadBytes));
        api.MapPost("/acceptances/{acceptanceId:guid}/concur", Concur).WithSummary("An involved department's head accepts jointly. Requires If-Match.").Refuses(404, 409, 412, 428);
        api.MapPost("/acceptances/{acceptanceId:guid}/decide", Decide).WithSummary("The initiating department's head decides: pass, fail or rework (what, new due date). Requires If-Match.")
            .Refuses(404, 409, 412, 422, 428);
    }

    private static async Task<Results<Ok<List<AcceptanceResponse>>, ProblemHttpResult>> List(Guid id, Caller caller, CollabDb db, HttpRequest request, CancellationToken ct)
    {
        var (project, access, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, RequestLanguage.Of(request), ct);
        if (refusal is not null) return refusal;
        var rows = await db.ProjectAcceptances.AsNoTracking().Where(a => a.ProjectId == id)
            .Join(db.ActionItems, a => a.TaskId, i => i.Id, (a, i) => new { Acceptance = a, i.Title }).ToListAsync(ct);
        return TypedResults.Ok(rows.OrderByDescending(r => r.Acceptance.SubmittedAt).ThenByDescending(r => r.Acceptance.Round)
            .Select(r => View(r.Acceptance, r.Title, project!, access!)).ToList());
    }

    private static async Task<Results<Created<AcceptanceResponse>, ProblemHttpResult>> Submit(Guid id, Guid taskId, AcceptanceSubmission input, Caller caller, CollabDb db,
        TimeProvider clock, IOptions<FollowUpOptions> mail, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (project, access, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        var task = await db.ActionItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == taskId && i.ProjectId == id, ct);
        if (task is null) return Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("item.notFound", culture));
        var responsible = PersonMatch.Is(task.OwnerObjectId, task.OwnerEmail, caller)
            || task.LeadDepartmentId is { } lead && (access!.HeadOf.Contains(lead) || access.ContactOf.Contains(lead));
        if (!responsible) return ProjectsApi.Forbidden("acceptance.onlyResponsible", culture);
        if (ProjectsApi.Running(project!, culture) is { } no) return no;
        var previous = await db.ProjectAcceptances.Where(a => a.TaskId == taskId).OrderByDescending(a => a.Round).FirstOrDefaultAsync(ct);
        if (previous is { Outcome: AcceptanceOutcome.Pending }) return ProjectsApi.Conflict("acceptance.pending", culture);
        if (previous is { Outcome: AcceptanceOutcome.Pass }) return ProjectsApi.Conflict("acceptance.passed", culture);
        var errors = new Dictionary<string, string[]>();
        var checks = input.SelfChecks ?? [];
        if (checks.Count == 0) errors["selfChecks"] = [Messages.Format("acceptance.selfCheckMissing", culture)];
        else if (checks.Count > MaxSelfChecks) errors["selfChecks"] = [Messages.Format("list.tooLong", culture, MaxSelfChecks)];
        for (var i = 0; i < Math.Min(checks.Count, MaxSelfChecks); i++)
        {
            if (string.IsNullOrWhiteSpace(checks[i].Standard) || checks[i].Standard!.Trim().Length > CollabModel.GoalLength)
                errors[$"selfChecks[{i}].standard"] = [Messages.Format("acceptance.standardMissing", culture, CollabModel.GoalLength)];
            if (checks[i].Met is null) errors[$"selfChecks[{i}].met"] = [Messages.Format("acceptance.metMissing", culture)];
            if (checks[i].Evidence is { Length: > 0 } evidence && (evidence.Length > CollabModel.UrlLength || !Uri.TryCreate(evidence, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
                errors[$"selfChecks[{i}].evidence"] = [Messages.Format("acceptance.evidenceLink", culture)];
        }
        if (input.Note is { Length: > CollabModel.GoalLength }) errors["note"] = [Messages.Format("text.tooLong", culture, CollabModel.GoalLength)];
        if (errors.Count > 0) return ProjectsApi.Invalid(errors, culture);

        var now = clock.GetUtcNow().UtcDateTime;
        var acceptance = new ProjectAcceptance
        {
            TenantId = caller.TenantId, ProjectId = id, TaskId = taskId, Round = (previous?.Round ?? 0) + 1, Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            SelfChecks = checks.Select((c, i) => new SelfCheck { Position = i, Standard = c.Standard!.Trim(), Met = c.Met!.Value, Evidence = string.IsNullOrWhiteSpace(c.Evidence) ? null : c.Evidence.Trim() }).ToList(),
            SubmittedByEmail = caller.Email, SubmittedByName = caller.Name, SubmittedAt = now, Version = 1,
        };
        db.ProjectAcceptances.Add(acceptance);
        ProjectsApi.Log(db, project!, caller, "acceptanceSubmitted", $"{task.Title} (round {acceptance.Round})", now);
        ProjectMail.Plan(db, mail.Value, project!, $"acceptance:{acceptance.Id}:submitted",
            project!.Departments.Select(d => d.Department!.HeadEmail).Append(project.InitiatingDepartment!.HeadEmail),
            ($"A deliverable waits for acceptance: {task.Title}", $"有交付成果待验收：{task.Title}"),
            [new("Deliverable", "交付成果", task.Deliverable), new("Acceptance standard", "验收标准", task.AcceptanceStandard),
             new("Self-check", "自检", string.Join("; ", acceptance.SelfChecks.Select(c => $"{(c.Met ? "✓" : "✗")} {c.Standard}"))),
             new("Round", "轮次", acceptance.Round.ToString(CultureInfo.InvariantCulture)), new("Submitted by", "提交人", caller.Name)], now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return ProjectsApi.Conflict("acceptance.pending", culture); // submitted twice at once: the unique round keeps one
        }
        response.Headers.ETag = ETags.For(acceptance.Version);
        return TypedResults.Created($"/api/projects/{id}/acceptances/{acceptance.Id}", View(acceptance, task.Title, project, access!));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SelfCheckForm(Guid id, Guid taskId, Caller caller, CollabDb db, HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (project, _, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        var task = await db.ActionItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == taskId && i.ProjectId == id, ct);
        if (task is null) return Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("item.notFound", culture));
        var zh = Messages.IsChinese(culture);
        string L(string en, string chinese) => zh ? chinese : en;
        // One line per standard (the task's standard, split where it lists several), with the answer and evidence to fill in.
        var standards = (task.AcceptanceStandard ?? task.Deliverable ?? task.Title).Split(['\n', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var form = new FormDocument(L("Acceptance: self-check", "成果验收确认表：自检清单"), $"{project!.Number} · {project.Title}",
        [
            new FormSection(task.Title,
            [
                new FormFields([new(L("Deliverable", "交付成果"), task.Deliverable ?? "—"), new(L("Owner", "负责人"), task.OwnerName)]),
                new FormTable(FormTags.SelfCheck, [L("Acceptance standard", "验收标准"), L("Met (yes / no)", "是否达标（是/否）"), L("Evidence (link)", "佐证材料（链接）")],
                    standards.Select(s => (IReadOnlyList<string>)[s, "", ""]).ToList(), [4600, 1800, 2600]),
            ]),
        ]);
        return TypedResults.File(FormWriter.Write(form, zh), Minutes.MinutesApi.DocxType, $"{project.Number} {L("self-check", "自检清单")}.docx");
    }

    private static async Task<Results<Created<AcceptanceResponse>, ProblemHttpResult>> SubmitDocument(Guid id, Guid taskId, Caller caller, CollabDb db, TimeProvider clock,
        IOptions<FollowUpOptions> mail, IOptions<Minutes.MinutesOptions> options, HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        using var body = await Uploads.ReadAsync(request, options.Value.MaxUploadBytes, ct);
        if (body is null) return Uploads.TooLarge(options.Value.MaxUploadBytes, culture);
        IReadOnlyList<SelfCheckRow> rows;
        try
        {
            rows = SelfCheckReader.Read(body);
        }
        catch (MinutesRejectedException e)
        {
            return Problems.Problem(e.Kind switch
            {
                MinutesRejection.NotADocument => StatusCodes.Status415UnsupportedMediaType,
                MinutesRejection.TooLarge => StatusCodes.Status413PayloadTooLarge,
                _ => StatusCodes.Status422UnprocessableEntity,
            }, Messages.Format("acceptance.readBackFailed", culture), Messages.Format($"minutes.rejected.{e.Code}", culture, [.. e.Args]));
        }
        // The rows are checked exactly as typed in the pane: a cell that says neither yes nor no is "met" missing.
        return await Submit(id, taskId, new AcceptanceSubmission(null, rows.Select(r => new SelfCheckInput(r.Standard, r.Met, r.Evidence)).ToList()),
            caller, db, clock, mail, request, response, ct);
    }

    private static Task<Results<Ok<AcceptanceResponse>, ProblemHttpResult>> Concur(Guid id, Guid acceptanceId, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, HttpResponse response, CancellationToken ct) =>
        ChangeAsync(id, acceptanceId, caller, db, clock, request, response, (project, access, acceptance, task, now, culture) =>
        {
            if (!CanConcur(project, access)) return ProjectsApi.Forbidden("acceptance.onlyInvolvedHeads", culture);
            var joint = Joint(acceptance);
            if (joint.Contains(caller.Email, StringComparer.OrdinalIgnoreCase)) return ProjectsApi.Conflict("acceptance.alreadyConcurred", culture);
            acceptance.JointlyWith = string.Join(',', joint.Append(caller.Email));
            ProjectsApi.Log(db, project, caller, "acceptanceConcurred", $"{task.Title} (round {acceptance.Round})", now);
            return null;
        }, ct);

    private static Task<Results<Ok<AcceptanceResponse>, ProblemHttpResult>> Decide(Guid id, Guid acceptanceId, AcceptanceDecision input, Caller caller, CollabDb db,
        TimeProvider clock, IOptions<FollowUpOptions> mail, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        ChangeAsync(id, acceptanceId, caller, db, clock, request, response, (project, access, acceptance, task, now, culture) =>
        {
            if (!access.IsInitiatingHead) return ProjectsApi.Forbidden("acceptance.onlyHead", culture);
            var errors = new Dictionary<string, string[]>();
            var outcome = input.Outcome switch { "pass" => AcceptanceOutcome.Pass, "fail" => AcceptanceOutcome.Fail, "rework" => AcceptanceOutcome.Rework, _ => AcceptanceOutcome.Pending };
            if (outcome == AcceptanceOutcome.Pending) errors["outcome"] = [Messages.Format("acceptance.outcomeUnknown", culture)];
            if (outcome is AcceptanceOutcome.Fail && string.IsNullOrWhiteSpace(input.Comment)) errors["comment"] = [Messages.Format("acceptance.whyMissing", culture)];
            if (outcome is AcceptanceOutcome.Rework && string.IsNullOrWhiteSpace(input.ReworkWhat)) errors["reworkWhat"] = [Messages.Format("acceptance.reworkWhatMissing", culture)];
            if (outcome is AcceptanceOutcome.Rework && (input.ReworkDue is not { } due || due < TimeZones.TodayIn(task.TimeZone, now)))
                errors["reworkDue"] = [Messages.Format("acceptance.reworkDueMissing", culture)];
            foreach (var (field, text) in new[] { ("comment", input.Comment), ("reworkWhat", input.ReworkWhat) })
                if (text is { Length: > CollabModel.GoalLength }) errors[field] = [Messages.Format("text.tooLong", culture, CollabModel.GoalLength)];
            if (errors.Count > 0) return ProjectsApi.Invalid(errors, culture);

            (acceptance.Outcome, acceptance.Comment, acceptance.DecidedByEmail, acceptance.DecidedByName, acceptance.DecidedAt) =
                (outcome, input.Comment?.Trim(), caller.Email, caller.Name, now);
            if (outcome == AcceptanceOutcome.Rework) (acceptance.ReworkWhat, acceptance.ReworkDue) = (input.ReworkWhat!.Trim(), input.ReworkDue);
            // The task follows the decision, in its own history as coming from the acceptance.
            db.Origin = new ChangeOrigin(caller.Email, caller.Name, ChangeSource.Acceptance);
            if (outcome == AcceptanceOutcome.Pass) task.Status = ActionItemStatus.Done;
            else
            {
                task.Status = ActionItemStatus.InProgress;
                if (outcome == AcceptanceOutcome.Rework) (task.DueDate, task.ProgressNote) = (input.ReworkDue, Clip($"{Messages.Format("acceptance.reworkNote", culture)}: {acceptance.ReworkWhat}"));
                else task.ProgressNote = Clip($"{Messages.Format("acceptance.failedNote", culture)}: {acceptance.Comment}");
            }
            ProjectsApi.Log(db, project, caller, "acceptanceDecided", $"{task.Title} (round {acceptance.Round}): {input.Outcome}", now);
            var zh = RequestLanguage.IsChinese(project.Language);
            var verdict = Messages.Format($"acceptance.outcome.{input.Outcome}", CultureInfo.GetCultureInfo(zh ? "zh-CN" : "en-US"));
            ProjectMail.Plan(db, mail.Value, project, $"acceptance:{acceptance.Id}:decided",
                [task.OwnerEmail, acceptance.SubmittedByEmail, project.Departments.FirstOrDefault(d => d.DepartmentId == task.LeadDepartmentId)?.Department!.ContactEmail],
                ($"Acceptance of {task.Title}: {verdict}", $"{task.Title}的验收结果：{verdict}"),
                [new("Comment", "说明", acceptance.Comment), new("Rework", "整改内容", acceptance.ReworkWhat),
                 new("New due date", "新的截止日期", acceptance.ReworkDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))], now);
            return null;
        }, ct);

    private static string Clip(string text) => text.Length > CollabModel.TextLength ? text[..CollabModel.TextLength] : text;

    private static async Task<Results<Ok<AcceptanceResponse>, ProblemHttpResult>> ChangeAsync(Guid id, Guid acceptanceId, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, HttpResponse response, Func<Project, ProjectAccess, ProjectAcceptance, ActionItem, DateTime, CultureInfo, ProblemHttpResult?> apply, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (project, access, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        var acceptance = await db.ProjectAcceptances.SingleOrDefaultAsync(a => a.Id == acceptanceId && a.ProjectId == id, ct);
        if (acceptance is null) return Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("acceptance.notFound", culture));
        var task = await db.ActionItems.SingleAsync(i => i.Id == acceptance.TaskId, ct);
        if (ProjectsApi.Running(project!, culture) is { } no) return no;
        if (acceptance.Outcome != AcceptanceOutcome.Pending) return ProjectsApi.Conflict("acceptance.decided", culture);
        var now = clock.GetUtcNow().UtcDateTime;
        // The decision, the task's new state and its history are saved together.
        return await PartEdits.SaveAsync(db, acceptance, request, response, culture,
            () =>
            {
                var refused = apply(project!, access!, acceptance, task, now, culture);
                db.Origin ??= new ChangeOrigin(caller.Email, caller.Name, ChangeSource.Api);
                return Task.FromResult(refused);
            },
            () => Task.FromResult(View(acceptance, task.Title, project!, access!)),
            async () =>
            {
                var current = await db.ProjectAcceptances.AsNoTracking().SingleAsync(a => a.Id == acceptanceId, ct);
                return (View(current, task.Title, project!, access!), current.Version);
            }, ct);
    }

    /// <summary>Heads of the involved departments other than the initiating one (whose head decides).</summary>
    private static bool CanConcur(Project project, ProjectAccess access) =>
        project.Departments.Any(d => d.DepartmentId != project.InitiatingDepartmentId && access.HeadOf.Contains(d.DepartmentId));

    private static List<string> Joint(ProjectAcceptance a) => (a.JointlyWith ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();

    internal static AcceptanceResponse View(ProjectAcceptance a, string title, Project project, ProjectAccess access) => new(a.Id, a.TaskId, title, a.Round, a.Note,
        a.SelfChecks.OrderBy(c => c.Position).Select(c => new SelfCheckResponse(c.Standard, c.Met, c.Evidence)).ToList(),
        new PersonRef(a.SubmittedByEmail, a.SubmittedByName), a.SubmittedAt, a.Outcome, a.Comment, a.ReworkWhat, a.ReworkDue, Joint(a),
        a.DecidedByEmail is null ? null : new PersonRef(a.DecidedByEmail, a.DecidedByName ?? a.DecidedByEmail), a.DecidedAt,
        a.Outcome == AcceptanceOutcome.Pending && access.IsInitiatingHead, a.Outcome == AcceptanceOutcome.Pending && CanConcur(project, access), a.Version);
}
