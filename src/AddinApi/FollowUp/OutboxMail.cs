namespace CollabAddin.Api.FollowUp;

public enum OutboxState
{
    Pending,
    Sent,
    /// <summary>Graph refused it for good; the reason is in <see cref="OutboxMail.Error"/>.</summary>
    Failed,
}

/// <summary>
/// A mail the system owes someone (alert, digest, escalation, weekly report), written in the same transaction as the
/// reason for it. <see cref="Key"/> is unique: planning the same mail twice (two instances, a retried pass) stores it once.
/// </summary>
public sealed class OutboxMail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    /// <summary>e.g. "alert:{item}:{version}", "digest:{email}:{date}", "escalation:{item}:{level}", "weekly:{organizer}:{week}".</summary>
    public required string Key { get; set; }
    public required string Kind { get; set; }
    /// <summary>The mailbox it is sent from (Graph sendMail as that user, or as the app for system mail).</summary>
    public required string FromMailbox { get; set; }
    /// <summary>Recipients, joined by ';'.</summary>
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string HtmlBody { get; set; }
    public string? AttachmentName { get; set; }
    public byte[]? Attachment { get; set; }
    public DateTime CreatedAt { get; set; }
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    /// <summary>While in the future, one sender owns this mail.</summary>
    public DateTime? LeaseUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public string? Error { get; set; }
}
