namespace CollabAddin.Api.Meetings;

/// <summary>
/// What the organizer's pane sends to validate, create or update a meeting. Everything is optional here so that
/// a half-typed plan can be checked as the organizer types; the policy says what is missing.
/// Start and end are local date-times in <see cref="TimeZone"/> ("2026-12-01T10:00"), or carry their own offset.
/// </summary>
public sealed record MeetingPlan
{
    public string? Subject { get; init; }
    public string? Goal { get; init; }
    public string? Start { get; init; }
    public string? End { get; init; }
    public string? TimeZone { get; init; }
    public string? Location { get; init; }
    public bool IsOnlineMeeting { get; init; }
    /// <summary>zh-CN or en-US: the invite is written in it. Defaults to the request's Accept-Language.</summary>
    public string? Language { get; init; }
    public List<PlannedAttendee>? Attendees { get; init; }
    public List<PlannedAgendaItem>? Agenda { get; init; }
    public List<PlannedPreRead>? PreReads { get; init; }
    /// <summary>Given on create: the plan is the first meeting of a series repeating this way (Series/RecurrenceRules).</summary>
    public Series.PlannedRecurrence? Recurrence { get; init; }
    /// <summary>Given on create: the collaboration project the meeting belongs to (a kickoff drafted from it, a regular meeting).</summary>
    public Guid? ProjectId { get; init; }
    /// <summary>On update: keep the change from attendees (no invite update) until the agenda is published.</summary>
    public bool? Draft { get; init; }
}

/// <param name="Kind">core or optional (listen-only).</param>
/// <param name="Roles">any of host, noteTaker, timekeeper, participant.</param>
public sealed record PlannedAttendee(string? Email, string? DisplayName, string? Department, string? Kind, List<string>? Roles, string? Preparation);

/// <param name="Id">Given when editing an existing item, so action items that point at it keep pointing at it.</param>
/// <param name="Owner">The owner's email; must be an attendee.</param>
public sealed record PlannedAgendaItem(Guid? Id, string? Topic, string? Discussion, string? Owner, int? PlannedMinutes, string? ExpectedOutput)
{
    /// <summary>In a series: whether the topic is on every meeting's agenda (the default) or on this one only.</summary>
    public bool? Standing { get; init; }
}

/// <param name="Readers">Who must read it (emails of attendees); empty means everyone.</param>
public sealed record PlannedPreRead(string? Title, string? Url, List<string>? Readers);

/// <summary>A rule the plan breaks: <see cref="Field"/> is the JSON path the pane highlights, e.g. "agenda[1].owner".</summary>
public sealed record PolicyFinding(string Code, string Field, string Message);

public sealed record PolicyVerdict(IReadOnlyList<PolicyFinding> Errors, IReadOnlyList<PolicyFinding> Warnings)
{
    /// <summary>Errors stop the invite; warnings are shown and the organizer may go on.</summary>
    public bool CanSend => Errors.Count == 0;
}

/// <summary>The limits the guides recommend, as configuration (section <c>Policy</c>).</summary>
public sealed class PolicyOptions
{
    public int MaxAgendaItems { get; set; } = 5;
    public int MinLeadDays { get; set; } = 3;
    public int MaxCoreAttendees { get; set; } = 8;
    /// <summary>A hard cap: an invite to more people than this is refused as a mistake.</summary>
    public int MaxAttendees { get; set; } = 200;
}
