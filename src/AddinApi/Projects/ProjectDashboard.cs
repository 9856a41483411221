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
/// The collaboration figures of a project: issues resolved at each escalation level and the average time to resolve,
/// the acceptance first-pass rate (deliverables passed in round 1 ÷ deliverables decided), rework and fail decisions,
/// and the satisfaction average (null below three answers).
/// </summary>
public sealed record CollaborationFigures(int IssuesRaised, int ResolvedAtContacts, int ResolvedAtHeads, int ResolvedAtExecutive, double? AverageHoursToResolve,
    int DeliverablesDecided, int PassedFirstTime, double? FirstPassRate, int Reworks, int Fails, int SatisfactionAnswers, double? SatisfactionAverage)
{
    /// <summary>The same figures per department: issues it was named in, and the deliverables of the tasks it leads.</summary>
    public IReadOnlyList<DepartmentCollaboration> ByDepartment { get; init; } = [];

    public static CollaborationFigures Of(IReadOnlyCollection<ProjectIssue> issues, IReadOnlyCollection<ProjectAcceptance> acceptances, SatisfactionResponse satisfaction)
    {
        var resolved = issues.Where(i => !i.IsOpen).ToList();
        var (decided, firstTime) = FirstPass(acceptances);
        return new(issues.Count, resolved.Count(i => i.Level == IssueLevel.Contacts), resolved.Count(i => i.Level == IssueLevel.Heads),
            resolved.Count(i => i.Level == IssueLevel.Executive),
            resolved.Count == 0 ? null : Math.Round(resolved.Average(i => (i.ResolvedAt!.Value - i.RaisedAt).TotalHours), 1),
            decided, firstTime, Rate(firstTime, decided),
            acceptances.Count(a => a.Outcome == AcceptanceOutcome.Rework), acceptances.Count(a => a.Outcome == AcceptanceOutcome.Fail),
            satisfaction.Answers, satisfaction.Average);
    }

    /// <summary>Per department; <paramref name="leads"/> maps each task to its lead department.</summary>
    public CollaborationFigures WithDepartments(IEnumerable<DepartmentRef> departments, IReadOnlyCollection<ProjectIssue> issues,
        IReadOnlyCollection<ProjectAcceptance> acceptances, IReadOnlyDictionary<Guid, Guid?> leads) => this with
        {
            ByDepartment = departments.Select(d =>
            {
                var named = issues.Where(i => i.Departments.Contains(d.Id)).ToList();
                var led = acceptances.Where(a => leads.GetValueOrDefault(a.TaskId) == d.Id).ToList();
                var (decided, firstTime) = FirstPass(led);
                return new DepartmentCollaboration(d, named.Count, named.Count(i => i.IsOpen), named.Count(i => !i.IsOpen && i.Level == IssueLevel.Executive),
                    decided, Rate(firstTime, decided), led.Count(a => a.Outcome is AcceptanceOutcome.Rework or AcceptanceOutcome.Fail));
            }).ToList(),
        };

    /// <summary>Deliverables decided at least once, and those whose first decision was a pass in round 1.</summary>
    private static (int Decided, int FirstTime) FirstPass(IEnumerable<ProjectAcceptance> acceptances)
    {
        var decided = acceptances.Where(a => a.Outcome != AcceptanceOutcome.Pending).GroupBy(a => a.TaskId).ToList();
        return (decided.Count, decided.Count(g => g.OrderBy(a => a.Round).First() is { Round: 1, Outcome: AcceptanceOutcome.Pass }));
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 3);
}

public sealed record DepartmentCollaboration(DepartmentRef Department, int IssuesNamedIn, int IssuesOpen, int ReachedExecutive, int DeliverablesDecided,
    double? FirstPassRate, int SentBack);

/// <summary>
/// The project dashboard: its tasks by lead department and by milestone, the reasons given for deviations, and the
/// guides' figures over the project's tasks and its meetings' items (the progress report's, scoped to the project).
/// </summary>
public sealed record ProjectDashboard(ProgressCounts Overall, IReadOnlyList<DepartmentProgress> ByDepartment, IReadOnlyList<MilestoneProgress> ByMilestone,
    IReadOnlyList<Deviation> Deviations, Figures Figures, CollaborationFigures Collaboration)
{
    public static ProjectDashboard Of(Project project, List<ActionItemResponse> tasks, List<MilestoneResponse> milestones, Figures figures, CollaborationFigures collaboration)
    {
        var departments = project.Departments.Select(d => d.Department!).Prepend(project.InitiatingDepartment!).DistinctBy(d => d.Id)
            .Select(d => new DepartmentRef(d.Id, d.Name)).ToList();
        return new(ProgressCounts.Of(tasks),
            departments.Select(d => new DepartmentProgress(d, ProgressCounts.Of(tasks.Where(t => t.LeadDepartment?.Id == d.Id).ToList()))).ToList(),
            milestones.Select(m => new MilestoneProgress(m.Id, m.Name, m.Date, m.Confirmed, m.AtRisk, ProgressCounts.Of(tasks.Where(t => t.MilestoneId == m.Id).ToList()))).ToList(),
            tasks.Where(t => t.DeviationReason is not null || t.NeedsHelpReason is not null && t.NeedsHelp)
                .Select(t => new Deviation(t.Id, t.Title, t.Owner, t.DueDate, t.DeviationReason ?? t.NeedsHelpReason!)).ToList(),
            figures, collaboration);
    }
}
