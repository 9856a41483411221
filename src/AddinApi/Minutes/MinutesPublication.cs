namespace CollabAddin.Api.Minutes;

/// <summary>One publish of a meeting's minutes that changed something: who, when, what it did, and the document itself.</summary>
public sealed class MinutesPublication
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public DateTime PublishedAt { get; set; }
    public required string ByEmail { get; set; }
    public required string Sha256 { get; set; }
    /// <summary>A hash of the notes and the next-meeting text as read: a publish that changes only those is still kept (and mailable).</summary>
    public string? NotesDigest { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Cancelled { get; set; }
    public int Conflicts { get; set; }
    public int Warnings { get; set; }
    /// <summary>Kept so the minutes can be mailed to attendees as published.</summary>
    public required byte[] Document { get; set; }
    /// <summary>When the host approved this publication (null: a draft), and who.</summary>
    public DateTime? ApprovedAt { get; set; }
    public string? ApprovedByEmail { get; set; }
    public string? ApprovedByName { get; set; }
    /// <summary>When these minutes were last mailed to the attendees; sending them again needs a confirmed resend.</summary>
    public DateTime? MailedAt { get; set; }
}

/// <summary>Who was at the meeting, as the minutes recorded it (出席 / 缺席 / 代理).</summary>
public sealed class AttendanceRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string? Email { get; set; }
    public required string Name { get; set; }
    /// <summary>present, absent, delegate or unknown.</summary>
    public required string Status { get; set; }
    public string? Delegate { get; set; }
}
