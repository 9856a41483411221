using CollabAddin.Api.Data;
using CollabAddin.Api.FollowUp;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Projects;

/// <summary>
/// The escalation chain of project issues: who handles each level, climbing a level, the mails each step sends, and the
/// follow-up worker's pass that climbs issues whose time limit ran out (and reminds the executive at the top).
/// </summary>
public static class IssueEscalation
{
    /// <summary>
    /// Contacts: each named department's contact (its head when it has none). Heads: their heads. Executive: the
    /// project's executive, or the initiating department's head when the request named none.
    /// </summary>
    public static IReadOnlyList<string> Handlers(Project project, ProjectIssue issue, IssueLevel level)
    {
        // In the order the issue names them (the raiser's side first, as typed).
        var known = project.Departments.Select(d => d.Department!).Append(project.InitiatingDepartment!).DistinctBy(d => d.Id).ToDictionary(d => d.Id);
        var departments = issue.Departments.Where(known.ContainsKey).Select(id => known[id]).ToList();
        IEnumerable<string?> people = level switch
        {
            IssueLevel.Contacts => departments.Select(d => d.ContactEmail ?? d.HeadEmail),
            IssueLevel.Heads => departments.Select(d => d.HeadEmail),
            _ => [project.ExecutiveEmail ?? project.InitiatingDepartment!.HeadEmail],
        };
        return people.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>One level up, with the step that says why, and the new level's time limit from now.</summary>
    public static void Climb(ProjectIssue issue, string action, string byEmail, string byName, string? outcome, DateTime now, ProjectOptions options)
    {
        issue.Level = issue.Level == IssueLevel.Contacts ? IssueLevel.Heads : IssueLevel.Executive;
        issue.DueAt = now.AddHours(options.IssueLevelHours[(int)issue.Level - 1]);
        issue.Steps.Add(new IssueStep { Number = issue.Steps.Count + 1, At = now, Level = issue.Level, Action = action, ByEmail = byEmail, ByName = byName, Outcome = outcome });
    }

    /// <summary>Raised or escalated: the level's handlers are asked to act. Resolved: the raiser and everyone who handled it hear.</summary>
    public static void Notify(CollabDb db, FollowUpOptions options, Project project, ProjectIssue issue, string what, DateTime now)
    {
        var handlers = Handlers(project, issue, issue.Level);
        var (to, lead) = what switch
        {
            "resolved" => (Enum.GetValues<IssueLevel>().Where(l => l <= issue.Level).SelectMany(l => Handlers(project, issue, l)).Append(issue.RaisedByEmail),
                ($"Issue resolved: {issue.Title}", $"问题已解决：{issue.Title}")),
            "reminder" => (handlers.Append(project.InitiatorEmail), ($"Issue still open at the executive level: {issue.Title}", $"问题在分管领导层级仍未解决：{issue.Title}")),
            _ => (handlers.Append(issue.RaisedByEmail),
                issue.Level switch
                {
                    IssueLevel.Contacts => ($"An issue for the departments' contacts to settle: {issue.Title}", $"请部门接口人协商解决问题：{issue.Title}"),
                    IssueLevel.Heads => ($"Escalated to the department heads: {issue.Title}", $"问题已升级至部门负责人：{issue.Title}"),
                    _ => ($"Escalated to the executive: {issue.Title}", $"问题已升级至分管领导：{issue.Title}"),
                }),
        };
        var last = issue.Steps.OrderBy(s => s.Number).Last();
        ProjectMail.Plan(db, options, project, $"issue:{issue.Id}:{issue.Steps.Count}:{what}", to, lead,
        [
            new("Raised by", "提出人", $"{issue.RaisedByName} <{issue.RaisedByEmail}>"),
            new("Description", "问题描述", issue.Description),
            new("Level", "当前层级", LevelName(issue.Level)),
            new("Time limit", "处理时限", issue.IsOpen ? issue.DueAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : null),
            new("Latest step", "最新进展", $"{last.ByName}: {last.Outcome ?? last.Action}"),
            new("Resolution", "解决结果", issue.Resolution),
        ], now);
    }

    private static string LevelName(IssueLevel level) => level switch
    {
        IssueLevel.Contacts => "1 · contacts / 接口人",
        IssueLevel.Heads => "2 · heads / 部门负责人",
        _ => "3 · executive / 分管领导",
    };

    /// <summary>
    /// The worker's pass over every tenant: open issues past their time limit climb one level ("timedOut", by the
    /// system); at the top the executive is reminded and the clock restarts. Each issue saves on its own with its
    /// version checked, so an instance that lost the race (or a person who acted first) simply wins.
    /// </summary>
    public static async Task<int> PlanAsync(CollabDb db, CurrentTenant tenant, FollowUpOptions mail, ProjectOptions options, DateTime now, CancellationToken ct)
    {
        var due = await db.ProjectIssues.IgnoreQueryFilters().Where(i => i.ResolvedAt == null && i.DueAt <= now).Select(i => new { i.Id, i.TenantId }).Take(500).ToListAsync(ct);
        var planned = 0;
        foreach (var one in due)
        {
            tenant.Id = one.TenantId;
            db.ChangeTracker.Clear();
            var issue = await db.ProjectIssues.SingleAsync(i => i.Id == one.Id, ct);
            var project = await db.Projects.AsNoTracking().WithPeople().SingleAsync(p => p.Id == issue.ProjectId, ct);
            if (project.State != ProjectState.Active) continue;
            if (issue.Level == IssueLevel.Executive)
            {
                issue.DueAt = now.AddHours(options.IssueLevelHours[2]);
                Notify(db, mail, project, issue, "reminder", now);
            }
            else
            {
                Climb(issue, "timedOut", Data.ChangeOrigin.System.Email, Data.ChangeOrigin.System.Name, null, now, options);
                db.ProjectEvents.Add(new ProjectEvent
                {
                    TenantId = project.TenantId, ProjectId = project.Id, At = now, ByEmail = Data.ChangeOrigin.System.Email, ByName = Data.ChangeOrigin.System.Name,
                    Kind = "issueEscalated", Detail = $"{issue.Title} → {issue.Level} (time limit)",
                });
                Notify(db, mail, project, issue, "escalated", now);
            }
            issue.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
                planned++;
            }
            catch (DbUpdateException)
            {
                // Another instance climbed it, or someone escalated or resolved it meanwhile: theirs stands.
            }
        }
        db.ChangeTracker.Clear();
        return planned;
    }
}
