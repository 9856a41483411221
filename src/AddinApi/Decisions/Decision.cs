namespace CollabAddin.Api.Decisions;

/// <summary>Where a decision stands in the register (决议台账).</summary>
public enum DecisionStatus
{
    /// <summary>Taken in the meeting; nothing done about it yet.</summary>
    Agreed,
    InProgress,
    /// <summary>Carried out: what the metrics count as "decisions carried out".</summary>
    Implemented,
    /// <summary>No longer stands: taken back in a later meeting, or removed from the minutes.</summary>
    Revoked,
    /// <summary>Replaced by another decision (<see cref="Decision.SupersededById"/>).</summary>
    Superseded,
}

/// <summary>A decision (决议) recorded in a meeting's minutes, and tracked until it is carried out.</summary>
public sealed class Decision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public Guid? AgendaItemId { get; set; }
    public required string Text { get; set; }
    public string? OwnerEmail { get; set; }
    public string? OwnerName { get; set; }
    /// <summary>The owner's account once known (Auth/PersonMatch): the owner may update the decision's status.</summary>
    public string? OwnerObjectId { get; set; }
    /// <summary>When it is to be carried out, where the minutes or the register say.</summary>
    public DateOnly? DueDate { get; set; }
    public DecisionStatus Status { get; set; } = DecisionStatus.Agreed;
    /// <summary>The decision that replaced this one, when <see cref="Status"/> is <see cref="DecisionStatus.Superseded"/>.</summary>
    public Guid? SupersededById { get; set; }
    /// <summary>Revoked because it left the minutes: it stands again if a later publish has it back (a revocation in the register stays).</summary>
    public bool RevokedByMinutes { get; set; }
    /// <summary>Captured live during the meeting and not yet in published minutes: a publish without it does not revoke it.</summary>
    public DateTime? CapturedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Bumped on every change; the ETag for PATCH.</summary>
    public int Version { get; set; }
}
