namespace CollabAddin.Api.Projects;

public enum RiskRating
{
    Low,
    Medium,
    High,
}

/// <summary>The guide's risk cycle: warning (identified) → assessment → response → review, and closed once it is gone.</summary>
public enum RiskStatus
{
    Identified,
    Assessed,
    Responding,
    Closed,
}

/// <summary>
/// One entry of the project's risk register: what might happen, how likely, how bad, who watches it and what is done
/// about it. Reviewed at milestones: an open risk not reviewed since the last milestone passed is due for review.
/// </summary>
public sealed class ProjectRisk : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    public Guid ProjectId { get; set; }
    public required string Description { get; set; }
    public RiskRating Probability { get; set; }
    public RiskRating Impact { get; set; }
    public required string OwnerEmail { get; set; }
    public required string OwnerName { get; set; }
    public string? Response { get; set; }
    public RiskStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }
    public int Version { get; set; }
}
