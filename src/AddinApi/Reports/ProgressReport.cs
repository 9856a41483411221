using System.Globalization;
using CollabAddin.Minutes;

namespace CollabAddin.Api.Reports;

/// <summary>One row of the progress tracking table (任务进度跟踪表).</summary>
public sealed record ProgressRow(Guid Id, Guid? MeetingId, string Meeting, string Item, string OwnerName, string OwnerEmail,
    string? LeadDepartment, IReadOnlyList<string> CooperatingDepartments, DateOnly? Due, string Status, string? ProgressNote, int DaysLate, string? DeviationReason);

public sealed record DepartmentFigures(string Department, int Overdue, int Blocked);

/// <summary>The figures the collaboration guides judge by, over the period.</summary>
/// <param name="OnTimeCompletionRate">Done by their due date ÷ due in the period (target ≥ 0.85); null when nothing was due.</param>
/// <param name="AverageHoursToFirstUpdate">From assignment to the assignee's first update (target ≤ 24 h); null when nobody updated.</param>
/// <param name="DecisionsCarriedOutRate">Decisions carried out ÷ decisions taken; null when none were taken.</param>
public sealed record Figures(DateOnly From, DateOnly To, int DueInPeriod, int DoneByDue, double? OnTimeCompletionRate,
    int FirstUpdates, double? AverageHoursToFirstUpdate, IReadOnlyList<DepartmentFigures> ByDepartment,
    int DecisionsTaken, int DecisionsCarriedOut, double? DecisionsCarriedOutRate)
{
    /// <summary>With a project: its issues by escalation level, acceptance first-pass rate, rework, satisfaction.</summary>
    public Projects.CollaborationFigures? Collaboration { get; init; }
}

public sealed record ProgressReport(IReadOnlyList<ProgressRow> Rows, Figures Figures)
{
    /// <summary>The table grouped as people read it: by meeting, then by lead department.</summary>
    public IEnumerable<(string Meeting, string Department, List<ProgressRow> Rows)> Groups(bool zh) =>
        Rows.GroupBy(r => (r.Meeting, Department: r.LeadDepartment ?? (zh ? "（未指定部门）" : "(no department)")))
            .OrderBy(g => g.Key.Meeting, StringComparer.Ordinal).ThenBy(g => g.Key.Department, StringComparer.Ordinal)
            .Select(g => (g.Key.Meeting, g.Key.Department, g.OrderBy(r => r.Due ?? DateOnly.MaxValue).ToList()));

    public IReadOnlyList<string> FigureLines(bool zh)
    {
        static string Pct(double? v) => v is null ? "—" : $"{v.Value:P0}";
        var f = Figures;
        var lines = new List<string>
        {
            zh ? $"按期完成率：{Pct(f.OnTimeCompletionRate)}（{f.DoneByDue}/{f.DueInPeriod}，目标 ≥ 85%）" : $"On-time completion: {Pct(f.OnTimeCompletionRate)} ({f.DoneByDue} of {f.DueInPeriod} due; target ≥ 85%)",
            zh ? $"平均首次响应时间：{(f.AverageHoursToFirstUpdate is { } h ? $"{h:0.#} 小时" : "—")}（目标 ≤ 24 小时）" : $"Average time to first update: {(f.AverageHoursToFirstUpdate is { } h2 ? $"{h2:0.#} h" : "—")} (target ≤ 24 h)",
            zh ? $"决议落实率：{Pct(f.DecisionsCarriedOutRate)}（{f.DecisionsCarriedOut}/{f.DecisionsTaken}）" : $"Decisions carried out: {Pct(f.DecisionsCarriedOutRate)} ({f.DecisionsCarriedOut} of {f.DecisionsTaken})",
        };
        lines.AddRange(f.ByDepartment.Select(d => zh ? $"{d.Department}：逾期 {d.Overdue}，阻塞 {d.Blocked}" : $"{d.Department}: {d.Overdue} overdue, {d.Blocked} blocked"));
        return lines;
    }

    public ProgressDocument ToDocument(bool zh, string period) => new(
        zh ? $"任务进度跟踪表 {period}" : $"Progress report {period}",
        FigureLines(zh),
        Groups(zh).Select(g => new ProgressGroup($"{g.Meeting} · {g.Department}", g.Rows.Select(r => new ProgressLine(
            r.Item, r.OwnerName, string.Join(zh ? "、" : ", ", r.CooperatingDepartments), r.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—",
            MinutesLabels.Status(r.Status, zh), r.ProgressNote ?? "", r.DaysLate > 0 ? r.DaysLate.ToString(CultureInfo.InvariantCulture) : "", r.DeviationReason ?? "")).ToList())).ToList());
}
