using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.FollowUp;
using CollabAddin.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.Projects;

public sealed record ImprovementInput(string? Text, string? OwnerEmail, string? OwnerName, DateOnly? DueDate);
public sealed record CloseInput(string? WentWell, string? Problems, List<ImprovementInput>? Improvements);
public sealed record RatingInput(int? Score);
/// <summary>The satisfaction survey's result: the average is null below <see cref="ProjectRatings.MinimumAnswers"/> answers.</summary>
public sealed record SatisfactionResponse(int Answers, double? Average, int? Mine, bool CanRate);

/// <summary>
/// Closing a project: the retrospective (《协作复盘表》) — what went well, the problems, improvements that become action
/// items with owners — then read-only; the participants rate the collaboration (1–5), shown as an average from three answers.
/// </summary>
public static class ProjectCloseApi
{
    public const int MaxImprovements = 20;

    public static void MapProjectClose(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/projects/{id:guid}").RequireAuthorization(AuthSetup.ApiUserPolicy).WithTags("Projects");
        api.MapPost("/close", Close).WithSummary("Close the project with its retrospective; improvements become action items. Requires If-Match; the initiator or initiating head.")
            .Refuses(404, 409, 412, 422, 428);
        api.MapGet("/satisfaction", Satisfaction).WithSummary("How many rated the collaboration, the average (from three answers), and the caller's own answer.").Refuses(404);
        api.MapPut("/satisfaction/mine", Rate).WithSummary("Rate the collaboration 1–5 once the project is closed; again to change it.").Refuses(404, 409, 422);
    }

    private static Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> Close(Guid id, CloseInput input, Caller caller, CollabDb db, TimeProvider clock,
        IOptions<FollowUpOptions> mail, HttpRequest request, HttpResponse response, CancellationToken ct) =>
        ProjectsApi.ChangeAsync(id, caller, db, clock, request, response,
            (project, access, culture) => !access.Runs ? ProjectsApi.Forbidden("project.onlyRuns", culture) : ProjectsApi.Running(project, culture),
            async (project, now, culture) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (string.IsNullOrWhiteSpace(input.WentWell)) errors["wentWell"] = [Messages.Format("close.wentWellMissing", culture)];
                if (string.IsNullOrWhiteSpace(input.Problems)) errors["problems"] = [Messages.Format("close.problemsMissing", culture)];
                foreach (var (field, text) in new[] { ("wentWell", input.WentWell), ("problems", input.Problems) })
                    if (text is { Length: > CollabModel.TextLength }) errors[field] = [Messages.Format("text.tooLong", culture, CollabModel.TextLength)];
                var improvements = input.Improvements ?? [];
                if (improvements.Count > MaxImprovements) errors["improvements"] = [Messages.Format("list.tooLong", culture, MaxImprovements)];
                for (var i = 0; i < Math.Min(improvements.Count, MaxImprovements); i++)
                {
                    if (string.IsNullOrWhiteSpace(improvements[i].Text) || improvements[i].Text!.Trim().Length > CollabModel.TitleLength)
                        errors[$"improvements[{i}].text"] = [Messages.Format("close.improvementMissing", culture, CollabModel.TitleLength)];
                    if (!Emails.IsValid(improvements[i].OwnerEmail)) errors[$"improvements[{i}].ownerEmail"] = [Messages.Format("project.ownerMissing", culture)];
                }
                if (errors.Count > 0) return ProjectsApi.Invalid(errors, culture);
                // Nothing left hanging: open issues and deliverables waiting for a decision are settled first.
                if (await db.ProjectIssues.AnyAsync(i => i.ProjectId == id && i.ResolvedAt == null, ct)) return ProjectsApi.Conflict("close.openIssues", culture);
                if (await db.ProjectAcceptances.AnyAsync(a => a.ProjectId == id && a.Outcome == AcceptanceOutcome.Pending, ct)) return ProjectsApi.Conflict("close.pendingAcceptance", culture);

                (project.State, project.ClosedAt) = (ProjectState.Closed, now);
                (project.Retrospective.WentWell, project.Retrospective.Problems) = (input.WentWell!.Trim(), input.Problems!.Trim());
                foreach (var improvement in improvements)
                {
                    var owner = Emails.Normalize(improvement.OwnerEmail!);
                    db.ActionItems.Add(new ActionItem
                    {
                        TenantId = project.TenantId, ProjectId = id, Title = improvement.Text!.Trim(), Details = Messages.Format("close.improvementDetail", culture, project.Number),
                        OwnerEmail = owner, OwnerName = string.IsNullOrWhiteSpace(improvement.OwnerName) ? owner : improvement.OwnerName.Trim(),
                        DueDate = improvement.DueDate, TimeZone = project.TimeZone, Improvement = true,
                    });
                }
                ProjectsApi.Log(db, project, caller, "closed", $"{improvements.Count} improvements", now);
                var everyone = await ParticipantsAsync(db, project, ct);
                ProjectMail.Plan(db, mail.Value, project, $"closed:{project.Version}", everyone,
                    ("The project is closed: please rate the collaboration (1–5) in CollabAddin", "项目已结项：请在 CollabAddin 中为本次协作打分（1–5 分）"),
                    [new("What went well", "做得好的", project.Retrospective.WentWell), new("Problems", "存在的问题", project.Retrospective.Problems),
                     new("Improvements", "改进措施", string.Join("; ", improvements.Select(i => $"{i.Text} ({i.OwnerEmail})")))], now);
                return null;
            }, ct);

    private static async Task<Results<Ok<SatisfactionResponse>, ProblemHttpResult>> Satisfaction(Guid id, Caller caller, CollabDb db, HttpRequest request, CancellationToken ct)
    {
        var (project, _, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, RequestLanguage.Of(request), ct);
        if (refusal is not null) return refusal;
        return TypedResults.Ok(await SatisfactionOfAsync(db, project!, caller, ct));
    }

    internal static async Task<SatisfactionResponse> SatisfactionOfAsync(CollabDb db, Project project, Caller? caller, CancellationToken ct)
    {
        var scores = await db.ProjectRatings.AsNoTracking().Where(r => r.ProjectId == project.Id).Select(r => new { r.RaterObjectId, r.Score }).ToListAsync(ct);
        return new(scores.Count, scores.Count >= ProjectRatings.MinimumAnswers ? Math.Round(scores.Average(s => s.Score), 2) : null,
            caller is null ? null : scores.FirstOrDefault(s => s.RaterObjectId == caller.ObjectId)?.Score, project.State == ProjectState.Closed);
    }

    private static async Task<Results<Ok<SatisfactionResponse>, ProblemHttpResult>> Rate(Guid id, RatingInput input, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (project, _, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        if (project!.State != ProjectState.Closed) return ProjectsApi.Conflict("close.notClosed", culture);
        if (input.Score is not (>= 1 and <= 5)) return ProjectsApi.Invalid(new() { ["score"] = [Messages.Format("close.scoreRange", culture)] }, culture);
        var mine = await db.ProjectRatings.SingleOrDefaultAsync(r => r.ProjectId == id && r.RaterObjectId == caller.ObjectId, ct);
        if (mine is null) db.ProjectRatings.Add(new ProjectRating { TenantId = caller.TenantId, ProjectId = id, RaterObjectId = caller.ObjectId, Score = input.Score.Value, At = clock.GetUtcNow().UtcDateTime });
        else (mine.Score, mine.At) = (input.Score.Value, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person rated twice at once: the other request stored it; this one's score is applied over it.
            db.ChangeTracker.Clear();
            await db.ProjectRatings.Where(r => r.ProjectId == id && r.RaterObjectId == caller.ObjectId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Score, input.Score.Value), ct);
        }
        return TypedResults.Ok(await SatisfactionOfAsync(db, project, caller, ct));
    }

    /// <summary>Everyone who took part: initiator, heads, contacts, the executive, task owners.</summary>
    private static async Task<List<string>> ParticipantsAsync(CollabDb db, Project project, CancellationToken ct)
    {
        var owners = await db.ActionItems.Where(i => i.ProjectId == project.Id).Select(i => i.OwnerEmail).Distinct().ToListAsync(ct);
        return project.Departments.Select(d => d.Department!).Append(project.InitiatingDepartment!)
            .SelectMany(d => new[] { d.HeadEmail, d.ContactEmail }).Append(project.InitiatorEmail).Append(project.ExecutiveEmail)
            .Concat(owners).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
