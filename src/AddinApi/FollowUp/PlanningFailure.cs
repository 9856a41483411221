namespace CollabAddin.Api.FollowUp;

/// <summary>
/// A mail the planner could not write (its report threw, its directory lookup failed …), recorded against that one
/// mail's <see cref="Key"/> so the pass goes on for everyone else. The unit is tried again after a back-off; after
/// <see cref="FollowUpOptions.MaxAttempts"/> it is <see cref="Failed"/> and left for a person to look at. A later
/// success removes the record.
/// </summary>
public sealed class PlanningFailure
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    /// <summary>The key the mail would have had in the outbox, e.g. "weekly:{organizer}:{week}".</summary>
    public required string Key { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public bool Failed { get; set; }
    public required string Error { get; set; }
    public DateTime UpdatedAt { get; set; }
}
