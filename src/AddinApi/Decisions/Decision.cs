namespace CollabAddin.Api.Decisions;

public enum DecisionStatus
{
    Taken,
    CarriedOut,
    Revoked,
}

/// <summary>A decision (决议) recorded in a meeting's minutes.</summary>
public sealed class Decision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public Guid? AgendaItemId { get; set; }
    public required string Text { get; set; }
    public string? OwnerEmail { get; set; }
    public string? OwnerName { get; set; }
    public DecisionStatus Status { get; set; } = DecisionStatus.Taken;
    public DateTime CreatedAt { get; set; }
}
