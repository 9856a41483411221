namespace CollabAddin.Api.Projects;

/// <summary>
/// A key date of a project (关键节点: requirements confirmed, plan submitted, execution start, acceptance). It stands
/// once the head of every involved department has confirmed it; a change of name or date asks for confirmation again.
/// </summary>
public sealed class ProjectMilestone : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    public Guid ProjectId { get; set; }
    public required string Name { get; set; }
    public DateOnly Date { get; set; }
    public List<MilestoneConfirmation> Confirmations { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>One department head's confirmation of a milestone: who, when, for which department.</summary>
public sealed class MilestoneConfirmation
{
    public Guid DepartmentId { get; set; }
    public required string ByEmail { get; set; }
    public required string ByName { get; set; }
    public DateTime At { get; set; }
}
