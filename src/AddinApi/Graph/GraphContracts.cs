namespace CollabAddin.Api.Graph;

// Our types at the Graph seam: nothing from the Graph SDK crosses it, so everything above it is plain code
// and tests can swap the whole gateway.

public sealed record EventDraft(
    string Organizer,
    Guid MeetingId,
    string Subject,
    string HtmlBody,
    DateTime StartUtc,
    DateTime EndUtc,
    string TimeZone,
    string? Location,
    bool IsOnlineMeeting,
    IReadOnlyList<EventAttendee> Attendees)
{
    /// <summary>Set for a series master: the event repeats so (Graph's patternedRecurrence).</summary>
    public EventRecurrence? Recurrence { get; init; }
}

/// <param name="Type">weekly, absoluteMonthly or relativeMonthly.</param>
/// <param name="DaysOfWeek">Graph's day names (monday…).</param>
/// <param name="Index">first…fourth, last (relative monthly).</param>
/// <param name="EndDate">Range type endDate when given, else numbered with <paramref name="Count"/>.</param>
public sealed record EventRecurrence(string Type, int Interval, IReadOnlyList<string> DaysOfWeek, int? DayOfMonth, string? Index, string FirstDayOfWeek,
    DateOnly StartDate, DateOnly? EndDate, int? Count, string TimeZone);

/// <summary>One occurrence of a recurring event (Graph's instances): its own id and iCalUId, and where the pattern put it.</summary>
public sealed record EventOccurrence(string Id, string? ICalUId, DateTime OriginalStartUtc, DateTime StartUtc, string? WebLink, string Type);

public sealed record EventAttendee(string Email, string DisplayName, bool Required);

/// <summary>The Outlook event as far as we keep it.</summary>
public sealed record CalendarEvent(string Id, string? ICalUId, string? WebLink, string? JoinUrl, bool IsCancelled);

/// <summary>One attendee's answer to the invite as the organizer's event records it (Graph's attendee status).</summary>
/// <param name="Response">none, notResponded, accepted, tentativelyAccepted, declined (organizer for the organizer).</param>
public sealed record InviteAnswer(string Email, string Response, DateTime? AnsweredAt, DateTime? ProposedStartUtc, DateTime? ProposedEndUtc);

public sealed record TimeSearch(string Organizer, IReadOnlyList<EventAttendee> Attendees, int DurationMinutes, DateTime FromUtc, DateTime ToUtc, int MaxSuggestions);

public sealed record PersonAvailability(string Email, string Availability);

public sealed record TimeSuggestion(DateTime StartUtc, DateTime EndUtc, double Confidence, IReadOnlyList<PersonAvailability> Attendees);

/// <summary>One person's free/busy string: a digit per interval (0 free, 1 tentative, 2 busy, 3 out of office, 4 elsewhere).</summary>
public sealed record FreeBusy(string Email, string AvailabilityView);

/// <summary>Graph could not be reached or asked us to back off, even after retrying: try again later.</summary>
public sealed class GraphUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Graph answered and said no (bad request, no permission, not found): retrying will not help.</summary>
public sealed class GraphRejectedException(int status, string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
}

/// <summary>The operation does not exist in this cloud (findMeetingTimes in the China cloud).</summary>
public sealed class GraphFeatureUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

public sealed record MailAttachment(string Name, string ContentType, byte[] Content);

public sealed record OutgoingMail(string From, IReadOnlyList<string> To, string Subject, string HtmlBody, IReadOnlyList<MailAttachment> Attachments);

/// <summary>What Graph answered for one mail of a batch.</summary>
public sealed record MailOutcome(int Status, string? Code, string? Message, TimeSpan? RetryAfter)
{
    public bool Sent => Status is >= 200 and < 300;
    /// <summary>Not sent because the mail before it in its chain was not (424): it was never tried, so no attempt is counted.</summary>
    public bool NotTried => Status == 424;
    /// <summary>Throttled, unavailable or not tried: worth sending again later. Anything else is a refusal.</summary>
    public bool Retry => NotTried || Status is 429 or >= 500;
}

public sealed record DirectoryPerson(string Email, string DisplayName, string? Department);

public interface IGraphGateway
{
    /// <summary>The iCalUId of an event in someone's own calendar (an attendee's copy has its own id), or null if there is no such event.</summary>
    Task<string?> GetICalUIdAsync(string mailbox, string eventId, CancellationToken ct);
    /// <summary>The person's manager (Graph users/{id}/manager), or null when the directory knows none.</summary>
    Task<DirectoryPerson?> GetManagerAsync(string person, CancellationToken ct);
    /// <summary>People in the directory whose name or email starts with the text.</summary>
    Task<IReadOnlyList<DirectoryPerson>> SearchPeopleAsync(string startsWith, int top, CancellationToken ct);
    /// <summary>Sends a mail from the given mailbox (kept in its Sent Items).</summary>
    Task SendMailAsync(OutgoingMail mail, CancellationToken ct);
    /// <summary>
    /// Sends up to <see cref="GraphGateway.MaxBatch"/> mails in one Graph <c>$batch</c> request and answers for each, in
    /// order. Throws as <see cref="SendMailAsync"/> does only when the batch as a whole fails.
    /// </summary>
    Task<IReadOnlyList<MailOutcome>> SendMailBatchAsync(IReadOnlyList<OutgoingMail> mails, CancellationToken ct);
    /// <summary>Creates the organizer's event. Idempotent per meeting: a retry returns the same event, never a second one.</summary>
    Task<CalendarEvent> CreateEventAsync(EventDraft draft, CancellationToken ct);
    /// <summary>The event created for this meeting, found by our extended property, or null.</summary>
    Task<CalendarEvent?> FindEventAsync(string organizer, Guid meetingId, CancellationToken ct);
    /// <summary>Patches the event; Outlook sends the update to attendees.</summary>
    Task<CalendarEvent> UpdateEventAsync(string eventId, EventDraft draft, CancellationToken ct);
    /// <summary>The attendees' answers to the organizer's event, or null when the event is gone.</summary>
    Task<IReadOnlyList<InviteAnswer>?> GetInviteAnswersAsync(string organizer, string eventId, CancellationToken ct);
    /// <summary>The occurrences of a series master starting between the two instants (cancelled ones are not among them).</summary>
    Task<IReadOnlyList<EventOccurrence>> GetOccurrencesAsync(string organizer, string seriesMasterId, DateTime fromUtc, DateTime toUtc, CancellationToken ct);
    /// <summary>Cancels the event with a message to attendees.</summary>
    Task CancelEventAsync(string organizer, string eventId, string? comment, CancellationToken ct);
    Task<IReadOnlyList<TimeSuggestion>> FindMeetingTimesAsync(TimeSearch search, CancellationToken ct);
    Task<IReadOnlyList<FreeBusy>> GetScheduleAsync(string organizer, IReadOnlyList<string> people, DateTime fromUtc, DateTime toUtc, int intervalMinutes, CancellationToken ct);
}
