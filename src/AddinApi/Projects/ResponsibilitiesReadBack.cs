using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;
using CollabAddin.Api.Minutes;
using CollabAddin.Minutes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.Projects;

public sealed record ReadBackRow(int Row, string Title, Guid? TaskId, string? Reason);
/// <summary>What a filled-in responsibilities table did, row by row: created, updated, unchanged, skipped (with why).</summary>
public sealed record ReadBackReport(IReadOnlyList<ReadBackRow> Created, IReadOnlyList<ReadBackRow> Updated, IReadOnlyList<ReadBackRow> Unchanged, IReadOnlyList<ReadBackRow> Skipped);

/// <summary>
/// A responsibilities table typed or filled in Word (the generated form, or one typed by hand with its headers in
/// either language) becomes the project's tasks: rows with a task's id update it, others create tasks. Departments are
/// matched by name, owners by email or by the name of someone in the project, deadlines as the minutes read them. Each
/// row is checked as if typed in the pane (the same rules, the same rights); a row that fails is skipped with the reason.
/// </summary>
public static class ResponsibilitiesReadBack
{
    public static void MapResponsibilitiesReadBack(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/projects/{id:guid}").RequireAuthorization(AuthSetup.ApiUserPolicy).WithTags("Projects")
            .MapPost("/documents/responsibilities", ReadAsync)
            .WithSummary("Read a responsibilities table (.docx) back into the project's tasks; returns what each row did.")
            .RequireRateLimiting(SecurityHeaders.WritesPolicy).Refuses(404, 409, 413, 415, 422, 429)
            .WithMetadata(new Uploads.Limit(routes.ServiceProvider.GetRequiredService<IOptions<MinutesOptions>>().Value.MaxUploadBytes));
    }

    private static async Task<Results<Ok<ReadBackReport>, ProblemHttpResult>> ReadAsync(Guid id, Caller caller, CollabDb db, IOptions<MinutesOptions> options, HttpRequest request,
        CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (project, access, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        if (ProjectsApi.Running(project!, culture) is { } notRunning) return notRunning;
        using var body = await Uploads.ReadAsync(request, options.Value.MaxUploadBytes, ct);
        if (body is null) return Uploads.TooLarge(options.Value.MaxUploadBytes, culture);
        IReadOnlyList<ResponsibilityRow> rows;
        try
        {
            rows = ResponsibilitiesReader.Read(body);
        }
        catch (MinutesRejectedException e)
        {
            return Problems.Problem(e.Kind switch
            {
                MinutesRejection.NotADocument => StatusCodes.Status415UnsupportedMediaType,
                MinutesRejection.TooLarge => StatusCodes.Status413PayloadTooLarge,
                _ => StatusCodes.Status422UnprocessableEntity,
            }, Messages.Format("project.readBackFailed", culture), Messages.Format($"minutes.rejected.{e.Code}", culture, [.. e.Args]));
        }
        if (rows.Count == 0) return Problems.Problem(StatusCodes.Status422UnprocessableEntity, Messages.Format("project.readBackFailed", culture), Messages.Format("project.noResponsibilities", culture));

        var departments = project!.Departments.Select(d => d.Department!).Prepend(project.InitiatingDepartment!).DistinctBy(d => d.Id).ToList();
        var tasks = await db.ActionItems.Include(i => i.CooperatingDepartments).Where(i => i.ProjectId == id).ToListAsync(ct);
        var milestones = (await db.ProjectMilestones.Where(m => m.ProjectId == id).Select(m => m.Id).ToListAsync(ct)).ToHashSet();
        // People of the project by name, for owners typed as names: task owners, heads, the initiator.
        var people = tasks.Select(t => (t.OwnerName, t.OwnerEmail)).Concat(departments.Where(d => d.HeadEmail is not null).Select(d => (d.HeadName ?? d.HeadEmail!, d.HeadEmail!)))
            .Append((project.InitiatorName, project.InitiatorEmail)).GroupBy(p => p.Item1, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.OrdinalIgnoreCase);
        Guid? Department(string? name) => name is null ? null
            : departments.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))?.Id
              ?? departments.FirstOrDefault(d => d.Name.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(d.Name, StringComparison.OrdinalIgnoreCase))?.Id;

        var created = new List<ReadBackRow>();
        var updated = new List<ReadBackRow>();
        var unchanged = new List<ReadBackRow>();
        var skipped = new List<ReadBackRow>();
        db.Origin = new ChangeOrigin(caller.Email, caller.Name, ChangeSource.Api);
        foreach (var row in rows)
        {
            var existing = row.TaskId is { } taskId ? tasks.FirstOrDefault(t => t.Id == taskId) : null;
            var lead = Department(row.Lead) ?? existing?.LeadDepartmentId;
            var owner = row.Owner is null ? existing?.OwnerEmail : Emails.IsValid(row.Owner) ? row.Owner : people.GetValueOrDefault(row.Owner);
            DateOnly? due = row.Deadline is { } text && DueDates.TryParse(text, project.StartDate, out var parsed) ? parsed : existing?.DueDate;
            string? reason = lead is null ? Messages.Format("project.readBackLead", culture, row.Lead ?? "—")
                : owner is null ? Messages.Format("project.readBackOwner", culture, row.Owner ?? "—")
                : due is null ? Messages.Format("project.readBackDeadline", culture, row.Deadline ?? "—")
                : !(access!.Runs || access.HeadOf.Contains(lead.Value) || access.ContactOf.Contains(lead.Value)) ? Messages.Format("project.onlyPlanners", culture)
                : null;
            var form = new ProjectTask(row.Title, row.Duty ?? existing?.Details, lead,
                row.Cooperating.Count > 0 ? row.Cooperating.Select(Department).OfType<Guid>().ToList() : existing?.CooperatingDepartments.Select(c => c.DepartmentId).ToList(),
                row.Deliverable ?? existing?.Deliverable, row.Standard ?? existing?.AcceptanceStandard, due, owner, existing?.OwnerName, existing?.MilestoneId);
            reason ??= form.Validate(project, milestones, culture).Values.SelectMany(v => v).FirstOrDefault();
            if (reason is not null)
            {
                skipped.Add(new(row.Row, row.Title, existing?.Id, reason));
                continue;
            }
            if (existing is null)
            {
                var item = new ActionItem { TenantId = caller.TenantId, ProjectId = id, Title = "", OwnerEmail = "", OwnerName = "", TimeZone = project.TimeZone };
                form.ApplyTo(item);
                db.ActionItems.Add(item);
                created.Add(new(row.Row, item.Title, item.Id, null));
            }
            else
            {
                form.ApplyTo(existing);
                db.ChangeTracker.DetectChanges();
                (db.Entry(existing).State == EntityState.Modified || db.ChangeTracker.Entries<CooperatingDepartment>().Any(e => e.Entity.ActionItemId == existing.Id && e.State != EntityState.Unchanged)
                    ? updated : unchanged).Add(new(row.Row, existing.Title, existing.Id, null));
            }
        }
        await db.SaveChangesAsync(ct); // every row that passed, together
        return TypedResults.Ok(new ReadBackReport(created, updated, unchanged, skipped));
    }
}
