namespace CollabAddin.Api.Meetings;

/// <summary>A planned meeting. Minimal for now: who organizes it, when, and who attends in which role.</summary>
public sealed class Meeting
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    public required string Subject { get; set; }

    /// <summary>Stored lower-case, like every email we match on.</summary>
    public required string OrganizerEmail { get; set; }
    public required string OrganizerName { get; set; }
    public string? OrganizerObjectId { get; set; }

    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    /// <summary>IANA or Windows id; the zone the organizer planned in and due dates are read in.</summary>
    public required string TimeZone { get; set; }

    public List<MeetingAttendee> Attendees { get; set; } = [];
    public DateTime CreatedAt { get; set; }
}

[Flags]
public enum MeetingRoles
{
    None = 0,
    Participant = 1,
    Host = 2,          // 主持人
    NoteTaker = 4,     // 记录人
    Timekeeper = 8,    // 计时员
}

/// <summary>Core attendees decide, execute or inform; optional ones listen.</summary>
public enum AttendanceKind
{
    Core,
    Optional,
}

/// <summary>Owned by its meeting: it has no tenant of its own and is only reachable through the meeting.</summary>
public sealed class MeetingAttendee
{
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    public string? Department { get; set; }
    public AttendanceKind Kind { get; set; } = AttendanceKind.Core;
    public MeetingRoles Roles { get; set; } = MeetingRoles.Participant;
}
