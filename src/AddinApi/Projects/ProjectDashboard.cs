using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Reports;

namespace CollabAddin.Api.Projects;

/// <summary>Tasks by where they stand: done, on track (live and not late), late, blocked, needs help (the last two overlap the first ones).</summary>
public sealed record ProgressCounts(int Total, int Done, int OnTrack, int Late, int Blocked, int NeedsHelp)
{
    public static ProgressCounts Of(IReadOnlyCollection<ActionItemResponse> tasks) => new(tasks.Count,
        tasks.Count(t => t.Status == ActionItemStatus.Done),
        tasks.Count(t => t.Status != ActionItemStatus.Done && !t.IsOverdue),
        tasks.Count(t => t.IsOverdue),
        tasks.Count(t => t.Status == ActionItemStatus.Blocked),
        tasks.Count(t => t.NeedsHelp));
}

public sealed record DepartmentProgress(DepartmentRef Department, ProgressCounts Counts);
public sealed record MilestoneProgress(Guid Id, string Name, DateOnly Date, bool Confirmed, bool AtRisk, ProgressCounts Counts);
public sealed record Deviation(Guid ItemId, string Title, PersonRef Owner, DateOnly? DueDate, string Reason);

/// <summary>
/// The project dashboard: its tasks by lead department and by milestone, the reasons given for deviations, and the
/// guides' figures over the project's tasks and its meetings' items (the progress report's, scoped to the project).
/// </summary>
public sealed record ProjectDashboard(ProgressCounts Overall, IReadOnlyList<DepartmentProgress> ByDepartment, IReadOnlyList<MilestoneProgress> ByMilestone,
    IReadOnlyList<Deviation> Deviations, Figures Figures)
{
    public static ProjectDashboard Of(Project project, List<ActionItemResponse> tasks, List<MilestoneResponse> milestones, Figures figures)
    {
        var departments = project.Departments.Select(d => d.Department!).Prepend(project.InitiatingDepartment!).DistinctBy(d => d.Id)
            .Select(d => new DepartmentRef(d.Id, d.Name)).ToList();
        return new(ProgressCounts.Of(tasks),
            departments.Select(d => new DepartmentProgress(d, ProgressCounts.Of(tasks.Where(t => t.LeadDepartment?.Id == d.Id).ToList()))).ToList(),
            milestones.Select(m => new MilestoneProgress(m.Id, m.Name, m.Date, m.Confirmed, m.AtRisk, ProgressCounts.Of(tasks.Where(t => t.MilestoneId == m.Id).ToList()))).ToList(),
            tasks.Where(t => t.DeviationReason is not null || t.NeedsHelpReason is not null && t.NeedsHelp)
                .Select(t => new Deviation(t.Id, t.Title, t.Owner, t.DueDate, t.DeviationReason ?? t.NeedsHelpReason!)).ToList(),
            figures);
    }
}
