using System.Globalization;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Projects;

public sealed record RiskInput(string? Description, string? Probability, string? Impact, string? OwnerEmail, string? OwnerName, string? Response, string? Status);
public sealed record RiskReview(string? Note, string? Status);
public sealed record RiskResponse(Guid Id, string Description, RiskRating Probability, RiskRating Impact, PersonRef Owner, string? Response, RiskStatus Status,
    DateTime? ReviewedAt, string? ReviewNote, bool NeedsReview, bool CanChange, int Version);

/// <summary>
/// The risk register: warning (anyone in the project registers a risk) → assessment (probability, impact) → response
/// (what is done, by its owner) → review, at milestones: an open risk not reviewed since the latest milestone passed
/// is flagged until its owner or the project's runners review it.
/// </summary>
public static class ProjectRisksApi
{
    public static void MapProjectRisks(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/projects/{id:guid}/risks").RequireAuthorization(AuthSetup.ApiUserPolicy).WithTags("Projects");
        api.MapGet("", List).WithSummary("The risk register, highest exposure first, with the risks due for review at the latest milestone.").Refuses(404);
        api.MapPost("", Add).WithSummary("Register a risk: description, probability and impact (low, medium, high), owner, response.").Refuses(404, 409, 422);
        api.MapPut("/{riskId:guid}", Edit).WithSummary("Change a risk (its owner, or the project's runners). Requires If-Match.").Refuses(404, 409, 412, 422, 428);
        api.MapPost("/{riskId:guid}/review", Review).WithSummary("Review a risk: a note and its status now. Requires If-Match.").Refuses(404, 409, 412, 422, 428);
    }

    private static async Task<Results<Ok<List<RiskResponse>>, ProblemHttpResult>> List(Guid id, Caller caller, CollabDb db, TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        var (project, access, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, RequestLanguage.Of(request), ct);
        if (refusal is not null) return refusal;
        var lastMilestone = await LastMilestoneAsync(db, project!, clock, ct);
        var risks = await db.ProjectRisks.AsNoTracking().Where(r => r.ProjectId == id).ToListAsync(ct);
        return TypedResults.Ok(risks.OrderBy(r => r.Status == RiskStatus.Closed).ThenByDescending(r => (int)r.Probability * (int)r.Impact + (int)r.Probability + (int)r.Impact)
            .Select(r => View(r, access!, caller, lastMilestone)).ToList());
    }

    private static async Task<Results<Created<RiskResponse>, ProblemHttpResult>> Add(Guid id, RiskInput input, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (project, access, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        if (ProjectsApi.Running(project!, culture) is { } no) return no;
        var errors = Validate(input, culture);
        if (errors.Count > 0) return ProjectsApi.Invalid(errors, culture);
        var now = clock.GetUtcNow().UtcDateTime;
        var risk = new ProjectRisk { TenantId = caller.TenantId, ProjectId = id, Description = "", OwnerEmail = "", OwnerName = "", CreatedAt = now, UpdatedAt = now, Version = 1 };
        Apply(input, risk);
        db.ProjectRisks.Add(risk);
        ProjectsApi.Log(db, project!, caller, "riskAdded", risk.Description, now);
        await db.SaveChangesAsync(ct);
        response.Headers.ETag = ETags.For(risk.Version);
        return TypedResults.Created($"/api/projects/{id}/risks/{risk.Id}", View(risk, access!, caller, await LastMilestoneAsync(db, project!, clock, ct)));
    }

    private static Task<Results<Ok<RiskResponse>, ProblemHttpResult>> Edit(Guid id, Guid riskId, RiskInput input, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, HttpResponse response, CancellationToken ct) =>
        ChangeAsync(id, riskId, caller, db, clock, request, response, (project, risk, now, culture) =>
        {
            var errors = Validate(input, culture);
            if (errors.Count > 0) return ProjectsApi.Invalid(errors, culture);
            Apply(input, risk);
            ProjectsApi.Log(db, project, caller, "riskChanged", risk.Description, now);
            return null;
        }, ct);

    private static Task<Results<Ok<RiskResponse>, ProblemHttpResult>> Review(Guid id, Guid riskId, RiskReview input, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, HttpResponse response, CancellationToken ct) =>
        ChangeAsync(id, riskId, caller, db, clock, request, response, (project, risk, now, culture) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(input.Note)) errors["note"] = [Messages.Format("risk.noteMissing", culture)];
            else if (input.Note.Length > CollabModel.GoalLength) errors["note"] = [Messages.Format("text.tooLong", culture, CollabModel.GoalLength)];
            if (input.Status is not null && !TryStatus(input.Status, out _)) errors["status"] = [Messages.Format("risk.statusUnknown", culture)];
            if (errors.Count > 0) return ProjectsApi.Invalid(errors, culture);
            if (input.Status is not null && TryStatus(input.Status, out var status)) risk.Status = status;
            (risk.ReviewedAt, risk.ReviewNote) = (now, input.Note!.Trim());
            ProjectsApi.Log(db, project, caller, "riskReviewed", $"{risk.Description}: {risk.Status}", now);
            return null;
        }, ct);

    private static async Task<Results<Ok<RiskResponse>, ProblemHttpResult>> ChangeAsync(Guid id, Guid riskId, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, HttpResponse response, Func<Project, ProjectRisk, DateTime, CultureInfo, ProblemHttpResult?> apply, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (project, access, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        var risk = await db.ProjectRisks.SingleOrDefaultAsync(r => r.Id == riskId && r.ProjectId == id, ct);
        if (risk is null) return Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("risk.notFound", culture));
        if (!CanChange(risk, access!, caller)) return ProjectsApi.Forbidden("risk.cannotChange", culture);
        if (ProjectsApi.Running(project!, culture) is { } no) return no;
        var now = clock.GetUtcNow().UtcDateTime;
        var lastMilestone = await LastMilestoneAsync(db, project!, clock, ct);
        return await PartEdits.SaveAsync(db, risk, request, response, culture,
            () =>
            {
                var refused = apply(project!, risk, now, culture);
                if (refused is null) risk.UpdatedAt = now;
                return Task.FromResult(refused);
            },
            () => Task.FromResult(View(risk, access!, caller, lastMilestone)),
            async () =>
            {
                var current = await db.ProjectRisks.AsNoTracking().SingleAsync(r => r.Id == riskId, ct);
                return (View(current, access!, caller, lastMilestone), current.Version);
            }, ct);
    }

    /// <summary>The latest milestone date that has passed in the project's zone: open risks are reviewed after it.</summary>
    private static async Task<DateOnly?> LastMilestoneAsync(CollabDb db, Project project, TimeProvider clock, CancellationToken ct)
    {
        var today = TimeZones.TodayIn(project.TimeZone, clock.GetUtcNow().UtcDateTime);
        return await db.ProjectMilestones.Where(m => m.ProjectId == project.Id && m.Date <= today).OrderByDescending(m => m.Date).Select(m => (DateOnly?)m.Date).FirstOrDefaultAsync(ct);
    }

    private static RiskResponse View(ProjectRisk r, ProjectAccess access, Caller caller, DateOnly? lastMilestone) => new(r.Id, r.Description, r.Probability, r.Impact,
        new PersonRef(r.OwnerEmail, r.OwnerName), r.Response, r.Status, r.ReviewedAt, r.ReviewNote,
        NeedsReview: r.Status != RiskStatus.Closed && lastMilestone is { } m && DateOnly.FromDateTime(r.ReviewedAt ?? r.CreatedAt) < m,
        CanChange(r, access, caller), r.Version);

    private static bool CanChange(ProjectRisk risk, ProjectAccess access, Caller caller) =>
        access.Runs || string.Equals(risk.OwnerEmail, caller.Email, StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, string[]> Validate(RiskInput input, CultureInfo culture)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Description)) errors["description"] = [Messages.Format("risk.descriptionMissing", culture)];
        else if (input.Description.Trim().Length > CollabModel.GoalLength) errors["description"] = [Messages.Format("text.tooLong", culture, CollabModel.GoalLength)];
        if (!TryRating(input.Probability, out _)) errors["probability"] = [Messages.Format("risk.ratingUnknown", culture)];
        if (!TryRating(input.Impact, out _)) errors["impact"] = [Messages.Format("risk.ratingUnknown", culture)];
        if (!Emails.IsValid(input.OwnerEmail)) errors["ownerEmail"] = [Messages.Format("project.ownerMissing", culture)];
        if (input.OwnerName is { Length: > CollabModel.NameLength }) errors["ownerName"] = [Messages.Format("text.tooLong", culture, CollabModel.NameLength)];
        if (input.Response is { Length: > CollabModel.GoalLength }) errors["response"] = [Messages.Format("text.tooLong", culture, CollabModel.GoalLength)];
        if (input.Status is not null && !TryStatus(input.Status, out _)) errors["status"] = [Messages.Format("risk.statusUnknown", culture)];
        return errors;
    }

    private static void Apply(RiskInput input, ProjectRisk risk)
    {
        TryRating(input.Probability, out var probability);
        TryRating(input.Impact, out var impact);
        var owner = Emails.Normalize(input.OwnerEmail!);
        (risk.Description, risk.Probability, risk.Impact, risk.OwnerEmail, risk.OwnerName, risk.Response) =
            (input.Description!.Trim(), probability, impact, owner, string.IsNullOrWhiteSpace(input.OwnerName) ? owner : input.OwnerName.Trim(),
             string.IsNullOrWhiteSpace(input.Response) ? null : input.Response.Trim());
        risk.Status = TryStatus(input.Status, out var status) ? status : risk.Response is null ? RiskStatus.Assessed : RiskStatus.Responding;
    }

    private static bool TryRating(string? text, out RiskRating rating) => Enum.TryParse(text, ignoreCase: true, out rating) && !int.TryParse(text, out _);
    private static bool TryStatus(string? text, out RiskStatus status) => Enum.TryParse(text, ignoreCase: true, out status) && !int.TryParse(text, out _);
}
