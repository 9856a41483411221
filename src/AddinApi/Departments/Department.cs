namespace CollabAddin.Api.Departments;

/// <summary>A department that leads or cooperates on work; its contact hears about blocked and overdue items.</summary>
public sealed class Department
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    public required string Name { get; set; }
    public string? ContactEmail { get; set; }
}
