namespace CollabAddin.Api.ActionItems;

/// <summary>Where a change came from, so history can say "from the minutes" or "from the task pane".</summary>
public enum ChangeSource
{
    Minutes,
    TaskPane,
    Api,
    System,
    /// <summary>A project's acceptance: a deliverable passed (done) or failed / sent back for rework (reopened).</summary>
    Acceptance,
}

/// <summary>One changed field of one action item, written in the same transaction as the change itself.</summary>
public sealed class ActionItemChange
{
    /// <summary>Database-assigned and increasing: orders history even when two changes share a timestamp.</summary>
    public long Id { get; set; }
    public required string TenantId { get; set; }
    public Guid ActionItemId { get; set; }
    public DateTime At { get; set; }
    public required string ByEmail { get; set; }
    public required string ByName { get; set; }
    public ChangeSource Source { get; set; }
    /// <summary>camelCase field name as the API shows it, or "created".</summary>
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
