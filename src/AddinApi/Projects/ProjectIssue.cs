namespace CollabAddin.Api.Projects;

/// <summary>What kind of trouble an issue is (《问题处理记录表》): a dispute, a resource conflict, a blocked dependency, other.</summary>
public enum IssueKind
{
    Dispute,
    ResourceConflict,
    BlockedDependency,
    Other,
}

/// <summary>
/// The guides' escalation chain: the departments' contacts negotiate first, then their heads, then the responsible
/// executive (分管副总). Each level has a time limit (<see cref="ProjectOptions.IssueLevelHours"/>).
/// </summary>
public enum IssueLevel
{
    Contacts = 1,
    Heads = 2,
    Executive = 3,
}

/// <summary>
/// An issue raised in a project, on the project or one of its tasks, between the departments it names. It climbs the
/// chain when the people at its level escalate it or their time runs out, and closes when someone at its level or
/// above, or the project's initiator or initiating head, records the resolution. Every step is kept.
/// </summary>
public sealed class ProjectIssue : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    public Guid ProjectId { get; set; }
    /// <summary>The task it holds up, when it is about one.</summary>
    public Guid? TaskId { get; set; }
    public IssueKind Kind { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// <summary>The departments between which it is to be settled (one or two), as ids joined by ','.</summary>
    public required string DepartmentIds { get; set; }
    public required string RaisedByEmail { get; set; }
    public required string RaisedByName { get; set; }
    public DateTime RaisedAt { get; set; }
    public IssueLevel Level { get; set; } = IssueLevel.Contacts;
    /// <summary>When the present level's time runs out; the follow-up worker escalates it then.</summary>
    public DateTime DueAt { get; set; }
    public string? Resolution { get; set; }
    public string? ResolvedByEmail { get; set; }
    public string? ResolvedByName { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public List<IssueStep> Steps { get; set; } = [];
    public int Version { get; set; }

    public IReadOnlyList<Guid> Departments => DepartmentIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
    public bool IsOpen => ResolvedAt is null;
}

/// <summary>One step of an issue's handling: raised, escalated (by someone, or because time ran out), resolved.</summary>
public sealed class IssueStep
{
    public int Number { get; set; }
    public DateTime At { get; set; }
    public IssueLevel Level { get; set; }
    /// <summary>raised, escalated, timedOut, resolved.</summary>
    public required string Action { get; set; }
    public required string ByEmail { get; set; }
    public required string ByName { get; set; }
    /// <summary>What came of it, in the words of whoever took the step.</summary>
    public string? Outcome { get; set; }
}

/// <summary>Configuration of projects (section <c>Projects</c>).</summary>
public sealed class ProjectOptions
{
    /// <summary>Hours each escalation level has before the issue climbs: contacts, heads, executive (a reminder then).</summary>
    public int[] IssueLevelHours { get; set; } = [24, 48, 72];
}
