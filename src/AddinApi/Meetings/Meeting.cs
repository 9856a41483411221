namespace CollabAddin.Api.Meetings;

/// <summary>A planned meeting: why (goal), who (attendees and roles), what (agenda), and its invite's state in Outlook.</summary>
public sealed class Meeting
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    public required string Subject { get; set; }
    /// <summary>One sentence, meant to be SMART ("agree the Q3 launch plan and owners before 30 Sept").</summary>
    public string? Goal { get; set; }

    /// <summary>Stored lower-case, like every email we match on.</summary>
    public required string OrganizerEmail { get; set; }
    public required string OrganizerName { get; set; }
    public string? OrganizerObjectId { get; set; }
    /// <summary>
    /// The <c>Idempotency-Key</c> of the request that created it: the same organizer sending the same key again gets
    /// this meeting back, and no second invite goes out (a double click, a retried request after a lost answer).
    /// </summary>
    public string? CreateKey { get; set; }

    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    /// <summary>IANA or Windows id; the zone the organizer planned in and due dates are read in.</summary>
    public required string TimeZone { get; set; }
    public string? Location { get; set; }
    public bool IsOnlineMeeting { get; set; }
    /// <summary>The organizer's language (zh-CN or en-US): the invite and the minutes are written in it.</summary>
    public string? Language { get; set; }

    public List<MeetingAttendee> Attendees { get; set; } = [];
    public List<AgendaItem> Agenda { get; set; } = [];
    public List<PreRead> PreReads { get; set; } = [];

    public MeetingInvite Invite { get; set; } = new();
    /// <summary>The series this meeting is an occurrence of (Series/MeetingSeries), or null for a single meeting.</summary>
    public Guid? SeriesId { get; set; }
    /// <summary>The collaboration project this meeting belongs to (its kickoff, its regular meetings), or null.</summary>
    public Guid? ProjectId { get; set; }
    /// <summary>An occurrence's start as the pattern gives it (Graph's originalStart): it keeps its place in the series when moved.</summary>
    public DateTime? OccurrenceStartUtc { get; set; }
    /// <summary>As recorded by the latest published minutes.</summary>
    public List<Minutes.AttendanceRecord> Attendance { get; set; } = [];

    // The timekeeper's clock (Meetings/TimekeeperClock): when it started, the agenda item on the clock (its position)
    // and since when. Null position: not running (not started, or stopped).
    public DateTime? ClockStartedAt { get; set; }
    public int? ClockPosition { get; set; }
    public DateTime? ClockItemStartedAt { get; set; }

    /// <summary>
    /// The organizer saved agenda changes as a draft: attendees' invite keeps the published agenda until the organizer
    /// publishes (POST …/agenda/publish), which updates the invite once.
    /// </summary>
    public bool AgendaDraft { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Bumped on every change; the ETag for PUT.</summary>
    public int Version { get; set; }

    public int LengthMinutes => (int)Math.Round((EndUtc - StartUtc).TotalMinutes);

    /// <summary>
    /// The plan changed: the invite follows, once, through the outbox — an event patched, one never created still
    /// created, a series occurrence not linked yet updated once it is — unless the agenda is an unpublished draft.
    /// The one home of "which invite state a change leads to".
    /// </summary>
    public void InviteFollows(DateTime now)
    {
        if (AgendaDraft || Invite.State is InviteState.Cancelled or InviteState.CancelPending) return;
        Invite.State = Invite.GraphEventId is not null ? InviteState.UpdatePending
            : SeriesId is not null ? InviteState.AwaitingSeries
            : InviteState.CreatePending;
        Invite.NextAttemptAt = now;
    }
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
    /// <summary>The attendee's account, once known (see Auth/PersonMatch): access follows it, not the email.</summary>
    public string? ObjectId { get; set; }
    public required string DisplayName { get; set; }
    public string? Department { get; set; }
    public AttendanceKind Kind { get; set; } = AttendanceKind.Core;
    public MeetingRoles Roles { get; set; } = MeetingRoles.Participant;
    /// <summary>What this person must bring or read ("bring the Q3 budget draft").</summary>
    public string? Preparation { get; set; }

    // Their answer to the invite, as Graph last told us (see Meetings/InviteAnswers): accepted, tentative, declined or null.
    public string? Response { get; set; }
    public DateTime? RespondedAt { get; set; }
    /// <summary>The new time they proposed with a tentative or declined answer.</summary>
    public DateTime? ProposedStartUtc { get; set; }
    public DateTime? ProposedEndUtc { get; set; }
}

/// <summary>One agenda item with the five elements the guides require.</summary>
public sealed class AgendaItem
{
    /// <summary>Stable across edits, so action items and decisions can point at it.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int Position { get; set; }
    public required string Topic { get; set; }
    public required string Discussion { get; set; }
    public required string OwnerEmail { get; set; }
    public int PlannedMinutes { get; set; }
    public required string ExpectedOutput { get; set; }
    /// <summary>How long it really took, as the timekeeper's clock measured it (seconds), once it was on the clock.</summary>
    public int? ActualSeconds { get; set; }
}

/// <summary>Material to read before the meeting, and who must read it (everyone when nobody is named).</summary>
public sealed class PreRead
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int Position { get; set; }
    public required string Title { get; set; }
    public required string Url { get; set; }
    /// <summary>Emails joined by ';' (no valid address contains one); empty means every attendee.</summary>
    public string? Readers { get; set; }

    public IReadOnlyList<string> ReaderList =>
        string.IsNullOrEmpty(Readers) ? [] : Readers.Split(';', StringSplitOptions.RemoveEmptyEntries);
}
