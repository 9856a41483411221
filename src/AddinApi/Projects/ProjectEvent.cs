namespace CollabAddin.Api.Projects;

/// <summary>
/// One state change of a project or its parts (submitted, returned, approved, a department's response, a milestone
/// confirmed …), written in the same transaction as the change. Task changes stay in the items' own history.
/// </summary>
public sealed class ProjectEvent
{
    /// <summary>Database-assigned and increasing: orders the log even when two events share a timestamp.</summary>
    public long Id { get; set; }
    public required string TenantId { get; set; }
    public Guid ProjectId { get; set; }
    public DateTime At { get; set; }
    public required string ByEmail { get; set; }
    public required string ByName { get; set; }
    /// <summary>camelCase, as the API shows it: created, edited, submitted, returned, approved, responded, milestoneAdded …</summary>
    public required string Kind { get; set; }
    /// <summary>What it was about, in a few words (the reason, the department, the milestone), never translated.</summary>
    public string? Detail { get; set; }
}
