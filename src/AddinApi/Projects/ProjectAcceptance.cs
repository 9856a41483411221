namespace CollabAddin.Api.Projects;

/// <summary>pending until decided; then pass, fail, or rework (what, by when).</summary>
public enum AcceptanceOutcome
{
    Pending,
    Pass,
    Fail,
    Rework,
}

/// <summary>
/// One submission of a task's deliverable for acceptance (《成果验收确认表》), with the responsible department's
/// self-check against each acceptance standard, and the initiating department's decision. Failed or sent back for
/// rework, the task reopens (history source "acceptance") and a later submission is the next round.
/// </summary>
public sealed class ProjectAcceptance : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    public Guid ProjectId { get; set; }
    public Guid TaskId { get; set; }
    public int Round { get; set; }
    public string? Note { get; set; }
    public List<SelfCheck> SelfChecks { get; set; } = [];
    public required string SubmittedByEmail { get; set; }
    public required string SubmittedByName { get; set; }
    public DateTime SubmittedAt { get; set; }
    public AcceptanceOutcome Outcome { get; set; }
    public string? Comment { get; set; }
    /// <summary>For rework: what is to be done again, and the task's new due date.</summary>
    public string? ReworkWhat { get; set; }
    public DateOnly? ReworkDue { get; set; }
    /// <summary>The involved departments' heads who accepted jointly with the deciding head, ',' joined emails.</summary>
    public string? JointlyWith { get; set; }
    public string? DecidedByEmail { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>One line of the self-check list: an acceptance standard, met or not, and the evidence (a link).</summary>
public sealed class SelfCheck
{
    public int Position { get; set; }
    public required string Standard { get; set; }
    public bool Met { get; set; }
    public string? Evidence { get; set; }
}
