using System.Globalization;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;
using CollabAddin.Api.Meetings;

namespace CollabAddin.Api.Projects;

public sealed record KpiInput(string? Name, string? Target, string? Unit);

/// <summary>
/// The request form (《部门协作需求申请表》) as typed. A draft may be incomplete; <see cref="ForSubmission"/> says what a
/// request must have before the initiating department's head is asked to review it.
/// </summary>
public sealed record ProjectForm(
    string? Title,
    Guid? InitiatingDepartmentId,
    string? Background,
    string? Goal,
    string? Scope,
    string? Exclusions,
    string? ExpectedResults,
    List<KpiInput>? Kpis,
    DateOnly? StartDate,
    DateOnly? EndDate,
    List<Guid>? Departments,
    string? ExecutiveEmail,
    string? ExecutiveName,
    string? TimeZone)
{
    public const int MaxKpis = 10;
    public const int MaxDepartments = 20;

    /// <summary>What any save refuses: lengths, unknown departments, a window that ends before it starts.</summary>
    public Dictionary<string, string[]> Validate(ISet<Guid> knownDepartments, CultureInfo culture)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string code, params object[] args) => errors[field] = [Messages.Format(code, culture, args)];
        if (string.IsNullOrWhiteSpace(Title)) Error("title", "project.titleMissing");
        else if (Title.Trim().Length > CollabModel.TitleLength) Error("title", "text.tooLong", CollabModel.TitleLength);
        if (InitiatingDepartmentId is not { } initiating || !knownDepartments.Contains(initiating)) Error("initiatingDepartmentId", "project.departmentUnknown");
        foreach (var (field, text, max) in new[] { ("background", Background, CollabModel.TextLength), ("goal", Goal, CollabModel.GoalLength),
                     ("scope", Scope, CollabModel.TextLength), ("exclusions", Exclusions, CollabModel.TextLength), ("expectedResults", ExpectedResults, CollabModel.TextLength) })
            if (text is { } t && t.Trim().Length > max) Error(field, "text.tooLong", max);
        if (Kpis is { Count: > MaxKpis }) Error("kpis", "list.tooLong", MaxKpis);
        for (var i = 0; i < Math.Min(Kpis?.Count ?? 0, MaxKpis); i++)
        {
            var kpi = Kpis![i];
            if (string.IsNullOrWhiteSpace(kpi.Name) || kpi.Name.Trim().Length > CollabModel.NameLength) Error($"kpis[{i}].name", "project.kpiName", CollabModel.NameLength);
            if (string.IsNullOrWhiteSpace(kpi.Target) || kpi.Target.Trim().Length > CollabModel.NameLength) Error($"kpis[{i}].target", "project.kpiTarget", CollabModel.NameLength);
            if (kpi.Unit is { Length: > CollabModel.EnumLength * 2 }) Error($"kpis[{i}].unit", "text.tooLong", CollabModel.EnumLength * 2);
        }
        if (StartDate is { } start && EndDate is { } end && end < start) Error("endDate", "project.windowBackwards");
        if (Departments is { Count: > MaxDepartments }) Error("departments", "list.tooLong", MaxDepartments);
        else if (Departments?.FirstOrDefault(d => !knownDepartments.Contains(d)) is { } unknown && unknown != Guid.Empty) Error("departments", "project.departmentUnknown");
        if (ExecutiveEmail is { Length: > 0 } executive && !Emails.IsValid(executive)) Error("executiveEmail", "attendee.emailInvalid", executive);
        if (ExecutiveName is { Length: > CollabModel.NameLength }) Error("executiveName", "text.tooLong", CollabModel.NameLength);
        if (TimeZone is { Length: > 0 } zone && !TimeZones.IsKnown(zone)) Error("timeZone", "timeZone.unknown", zone);
        return errors;
    }

    /// <summary>
    /// What a submitted request must also have: a background, a measurable goal (the meeting policy's check), a scope,
    /// a time window that has not ended, and at least one other department. The check runs on the stored request.
    /// </summary>
    public static Dictionary<string, string[]> ForSubmission(Project project, DateOnly today, CultureInfo culture)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string code) => errors[field] = [Messages.Format(code, culture)];
        if (string.IsNullOrWhiteSpace(project.Background)) Error("background", "project.backgroundMissing");
        if (string.IsNullOrWhiteSpace(project.Goal)) Error("goal", "project.goalMissing");
        else if (!MeetingPolicy.IsMeasurable(project.Goal)) Error("goal", "project.goalNotMeasurable");
        if (string.IsNullOrWhiteSpace(project.Scope)) Error("scope", "project.scopeMissing");
        if (project.EndDate < today) Error("endDate", "project.windowOver");
        if (!project.Departments.Any(d => d.DepartmentId != project.InitiatingDepartmentId)) Error("departments", "project.departmentsMissing");
        return errors;
    }

    /// <summary>Copies the form onto the project (the departments' responses of those staying are kept).</summary>
    public void ApplyTo(Project project, DateOnly today)
    {
        static string Text(string? s) => s?.Trim() ?? "";
        project.Title = Title!.Trim();
        project.InitiatingDepartmentId = InitiatingDepartmentId!.Value;
        (project.Background, project.Goal, project.Scope, project.Exclusions, project.ExpectedResults) =
            (Text(Background), Text(Goal), Text(Scope), Text(Exclusions), Text(ExpectedResults));
        // In place, by position (the key): replacing the rows would delete and insert the same keys in one save.
        var kpis = (Kpis ?? []).Select((k, i) => new ProjectKpi { Position = i, Name = k.Name!.Trim(), Target = k.Target!.Trim(), Unit = string.IsNullOrWhiteSpace(k.Unit) ? null : k.Unit.Trim() }).ToList();
        project.Kpis.RemoveAll(k => k.Position >= kpis.Count);
        foreach (var kpi in kpis)
        {
            if (project.Kpis.FirstOrDefault(k => k.Position == kpi.Position) is { } existing) (existing.Name, existing.Target, existing.Unit) = (kpi.Name, kpi.Target, kpi.Unit);
            else project.Kpis.Add(kpi);
        }
        project.StartDate = StartDate ?? today;
        project.EndDate = EndDate ?? project.StartDate.AddMonths(3);
        var wanted = (Departments ?? []).Where(d => d != project.InitiatingDepartmentId).Distinct().ToList();
        project.Departments.RemoveAll(d => !wanted.Contains(d.DepartmentId));
        project.Departments.AddRange(wanted.Where(d => project.Departments.All(x => x.DepartmentId != d)).Select(d => new InvolvedDepartment { DepartmentId = d }));
        (project.ExecutiveEmail, project.ExecutiveName) = string.IsNullOrWhiteSpace(ExecutiveEmail) ? (null, null)
            : (Emails.Normalize(ExecutiveEmail), string.IsNullOrWhiteSpace(ExecutiveName) ? Emails.Normalize(ExecutiveEmail) : ExecutiveName.Trim());
        if (!string.IsNullOrWhiteSpace(TimeZone)) project.TimeZone = TimeZone;
    }
}
