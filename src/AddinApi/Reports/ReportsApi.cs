using System.Globalization;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;
using CollabAddin.Api.Projects;
using CollabAddin.Minutes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Reports;

/// <summary>The progress table and the collaboration figures, on demand. Each caller sees the rows their role allows.</summary>
public static class ReportsApi
{
    public static void MapReports(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/reports").RequireAuthorization(AuthSetup.ApiUserPolicy).WithTags("Reports");
        api.MapGet("/progress", Progress).WithSummary("The progress tracking table as json, docx or csv: organizers see their meetings, department contacts their departments, everyone their own items.")
            .Produces<ProgressReport>(StatusCodes.Status200OK, "application/json", Minutes.MinutesApi.DocxType, "text/csv");
        api.MapGet("/metrics", Metrics).WithSummary("On-time completion, time to first update, overdue and blocked by department, decisions carried out.");
    }

    private static async Task<Results<Ok<ProgressReport>, FileContentHttpResult, ProblemHttpResult>> Progress(Caller caller, ProgressReports reports, CollabDb db, HttpRequest request, CancellationToken ct,
        Guid? meetingId = null, string? department = null, DateOnly? from = null, DateOnly? to = null, string? format = null, Guid? projectId = null)
    {
        if (format is not (null or "json" or "docx" or "csv"))
            return Problems.Invalid(new Dictionary<string, string[]> { ["format"] = [Messages.Format("report.format", RequestLanguage.Of(request))] });
        if (PeriodProblem(from, to, RequestLanguage.Of(request)) is { } problem) return problem;
        var filter = new ProgressReports.Filter(meetingId, department, from, to);
        var (report, refusal) = await ForAsync(caller, reports, db, filter, projectId, RequestLanguage.Of(request), ct);
        if (refusal is not null) return refusal;
        var zh = Messages.IsChinese(RequestLanguage.Of(request));
        var period = $"{report!.Figures.From:yyyy-MM-dd}–{report.Figures.To:yyyy-MM-dd}";
        return format switch
        {
            // Each arm converts to the union on its own: a switch over two result types has no common type to infer.
            "docx" => TypedResults.File(ProgressReportWriter.Write(report.ToDocument(zh, period), zh), Minutes.MinutesApi.DocxType, $"progress {period}.docx"),
            "csv" => TypedResults.File(ProgressCsv.Write(report, zh), "text/csv; charset=utf-8", $"progress {period}.csv"),
            _ => TypedResults.Ok(report),
        };
    }

    /// <summary>Reports cover real periods: dates from 2000 to 2099 (and the 90-day default before 'to' stays in range).</summary>
    private static ProblemHttpResult? PeriodProblem(DateOnly? from, DateOnly? to, System.Globalization.CultureInfo culture)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, date) in new[] { ("from", from), ("to", to) })
            if (date is { } d && (d < Earliest || d > Latest))
                errors[name] = [Messages.Format("report.dateRange", culture, Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];
        if (errors.Count == 0 && from > to) errors["to"] = [Messages.Format("report.toBeforeFrom", culture)];
        return errors.Count == 0 ? null : Problems.Invalid(errors, title: Messages.Format("report.periodInvalid", culture));
    }

    private static readonly DateOnly Earliest = new(2000, 1, 1), Latest = new(2099, 12, 31);

    private static async Task<Results<Ok<Figures>, ProblemHttpResult>> Metrics(Caller caller, ProgressReports reports, CollabDb db, HttpRequest request, CancellationToken ct,
        DateOnly? from = null, DateOnly? to = null, string? department = null, Guid? projectId = null)
    {
        if (PeriodProblem(from, to, RequestLanguage.Of(request)) is { } problem) return problem;
        var (report, refusal) = await ForAsync(caller, reports, db, new ProgressReports.Filter(null, department, from, to), projectId, RequestLanguage.Of(request), ct);
        if (refusal is not null) return refusal;
        if (projectId is not { } id) return TypedResults.Ok(report!.Figures);
        var project = await db.Projects.AsNoTracking().WithPeople().SingleAsync(p => p.Id == id, ct);
        return TypedResults.Ok(report!.Figures with { Collaboration = await Projects.ProjectWorkApi.CollaborationOfAsync(db, project, ct) });
    }

    /// <summary>The caller's rows, or with <c>projectId</c> every row of a project the caller takes part in (Projects/ProjectAccess).</summary>
    private static async Task<(ProgressReport?, ProblemHttpResult?)> ForAsync(Caller caller, ProgressReports reports, CollabDb db, ProgressReports.Filter filter, Guid? projectId,
        CultureInfo culture, CancellationToken ct)
    {
        if (projectId is not { } id) return (await reports.ForCallerAsync(caller, filter, ct), null);
        var (_, _, refusal) = await Projects.ProjectLookup.SeenByAsync(db, id, caller, culture, ct);
        return refusal is not null ? (null, refusal) : (await reports.ForProjectAsync(id, filter, ct), null);
    }
}
