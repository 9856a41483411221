using System.IO.Compression;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;
using CollabAddin.Api.Reports;
using CollabAddin.Minutes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Projects;

/// <summary>
/// The guides' forms filled from the project, as Word documents through the minutes library's writer, in the caller's
/// language: the request, responsibilities, communication mechanism, milestones, tracking table, issue log, risk
/// register, acceptance records and retrospective — and the archive (《协作资料归档清单》) holding them all, or the whole
/// set as a zip of separate documents.
/// </summary>
public static class ProjectDocuments
{
    public static readonly string[] Forms = ["request", "responsibilities", "communication", "milestones", "tracking", "issues", "risks", "acceptance", "retrospective"];

    public static void MapProjectDocuments(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/projects/{id:guid}").RequireAuthorization(AuthSetup.ApiUserPolicy).WithTags("Projects");
        api.MapGet("/documents/{form}", Document)
            .WithSummary("One form as .docx (request, responsibilities, communication, milestones, tracking, issues, risks, acceptance, retrospective), the archive (all in one), or 'set': a zip of every form.")
            .Produces<Stream>(StatusCodes.Status200OK, Minutes.MinutesApi.DocxType).Refuses(404);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Document(Guid id, string form, Caller caller, CollabDb db, ProgressReports reports, TimeProvider clock,
        HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (project, access, refusal) = await ProjectLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        if (form != "archive" && form != "set" && !Forms.Contains(form)) return Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("project.formUnknown", culture));
        var zh = Messages.IsChinese(culture);
        var data = await ProjectRecord.LoadAsync(db, reports, project!, access!, caller, clock.GetUtcNow().UtcDateTime, ct);
        var builder = new ProjectForms(data, zh);
        if (form == "set")
        {
            using var zip = new MemoryStream();
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
                foreach (var name in Forms.Append("archive"))
                {
                    var document = builder.Build(name);
                    var entry = archive.CreateEntry($"{FileName(project!, document.Title)}.docx", CompressionLevel.Optimal);
                    await using var stream = entry.Open();
                    await stream.WriteAsync(FormWriter.Write(document, zh), ct);
                }
            return TypedResults.File(zip.ToArray(), "application/zip", $"{project!.Number}.zip");
        }
        var built = builder.Build(form);
        return TypedResults.File(FormWriter.Write(built, zh), Minutes.MinutesApi.DocxType, $"{FileName(project!, built.Title)}.docx");
    }

    private static string FileName(Project project, string title) =>
        string.Concat($"{project.Number} {title}".Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '《' or '》' ? ' ' : c)).Trim();
}

/// <summary>Everything the forms show, read once.</summary>
internal sealed record ProjectRecord(Project Project, List<ActionItemResponse> Tasks, List<MilestoneResponse> Milestones, List<IssueResponse> Issues,
    List<ProjectRisk> Risks, List<AcceptanceResponse> Acceptances, List<(string Subject, DateTime Start, List<string> Decisions)> Meetings, ProgressReport Report,
    SatisfactionResponse Satisfaction)
{
    /// <summary>Read as the caller sees the project: their access decides nothing the forms print, but the views are theirs.</summary>
    public static async Task<ProjectRecord> LoadAsync(CollabDb db, ProgressReports reports, Project project, ProjectAccess access, Caller caller, DateTime now,
        CancellationToken ct)
    {
        var tasks = await ProjectWorkApi.TasksOfAsync(db, project.Id, now, ct);
        var milestones = await ProjectWorkApi.MilestonesOfAsync(db, project, now, ct);
        var issues = (await db.ProjectIssues.AsNoTracking().Where(i => i.ProjectId == project.Id).OrderBy(i => i.RaisedAt).ToListAsync(ct))
            .Select(i => ProjectIssuesApi.View(project, access, i, caller, now)).ToList();
        var risks = await db.ProjectRisks.AsNoTracking().Where(r => r.ProjectId == project.Id).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var titles = tasks.ToDictionary(t => t.Id, t => t.Title);
        var acceptances = (await db.ProjectAcceptances.AsNoTracking().Where(a => a.ProjectId == project.Id).OrderBy(a => a.SubmittedAt).ToListAsync(ct))
            .Select(a => ProjectAcceptanceApi.View(a, titles.GetValueOrDefault(a.TaskId, "?"), project, access)).ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.ProjectId == project.Id).OrderBy(m => m.StartUtc).Select(m => new { m.Id, m.Subject, m.StartUtc }).ToListAsync(ct);
        var ids = meetings.Select(m => m.Id).ToList();
        var decisions = (await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.MeetingId)).OrderBy(d => d.CreatedAt).Select(d => new { d.MeetingId, d.Text }).ToListAsync(ct))
            .ToLookup(d => d.MeetingId, d => d.Text);
        // The tracking table over the whole project: from its start (or today) to its end (or today, when later).
        var today = TimeZones.TodayIn(project.TimeZone, now);
        var report = await reports.ForProjectAsync(project.Id, new ProgressReports.Filter(null, null, project.StartDate < today ? project.StartDate : today,
            project.EndDate > today ? project.EndDate : today), ct);
        return new(project, tasks, milestones, issues, risks, acceptances, meetings.Select(m => (m.Subject, m.StartUtc, decisions[m.Id].ToList())).ToList(), report,
            await ProjectCloseApi.SatisfactionOfAsync(db, project, null, ct));
    }
}
