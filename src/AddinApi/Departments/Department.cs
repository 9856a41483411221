namespace CollabAddin.Api.Departments;

/// <summary>A department that leads or cooperates on work; its contact hears about blocked and overdue items, its head decides.</summary>
public sealed class Department
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    public required string Name { get; set; }
    public string? ContactEmail { get; set; }
    /// <summary>The department head (部门负责人): approves its requests, confirms milestones, takes escalations at level 2.</summary>
    public string? HeadEmail { get; set; }
    public string? HeadName { get; set; }
}
