namespace CollabAddin.Api.Meetings;

/// <summary>
/// Where the Outlook invite stands. Pending states are the outbox: the meeting is saved first, and the
/// invite worker keeps trying until Graph has it, so a Graph outage never loses a meeting.
/// </summary>
public enum InviteState
{
    /// <summary>Not sent through CollabAddin (a meeting from before invites, or imported).</summary>
    None,
    CreatePending,
    Sent,
    UpdatePending,
    CancelPending,
    Cancelled,
    /// <summary>Graph refused for good (e.g. no permission); the reason is in <see cref="MeetingInvite.Error"/>.</summary>
    Failed,
    /// <summary>An occurrence of a series whose recurring event is not in Outlook yet: it is linked to its occurrence then.</summary>
    AwaitingSeries,
}

/// <summary>Owned by the meeting (same row): the invite's Graph identity and the outbox bookkeeping.</summary>
public sealed class MeetingInvite
{
    public InviteState State { get; set; }
    public string? GraphEventId { get; set; }
    public string? ICalUId { get; set; }
    public string? WebLink { get; set; }
    public string? JoinUrl { get; set; }
    public string? CancelMessage { get; set; }
    public string? Error { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    /// <summary>While in the future, one sender (a request or a worker instance) owns this invite's next Graph call.</summary>
    public DateTime? LeaseUntil { get; set; }

    public bool IsPending => State is InviteState.CreatePending or InviteState.UpdatePending or InviteState.CancelPending;
}
