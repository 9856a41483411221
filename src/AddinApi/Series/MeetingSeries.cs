using CollabAddin.Api.Meetings;

namespace CollabAddin.Api.Series;

/// <summary>
/// A recurring meeting: one recurring Outlook event (the series master in Graph), and one <see cref="Meeting"/> of ours
/// per occurrence, each with its own agenda, minutes and items (<see cref="Meeting.SeriesId"/>). What every occurrence
/// shares lives here: the pattern, the standing topics, and the master event's outbox state.
/// </summary>
public sealed class MeetingSeries
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    public required string OrganizerEmail { get; set; }
    public string? OrganizerObjectId { get; set; }
    public required string Subject { get; set; }
    /// <summary>The zone the pattern is read in: every occurrence starts at the same local time in it.</summary>
    public required string TimeZone { get; set; }
    /// <summary>The local start time and length every occurrence has unless it was changed on its own.</summary>
    public TimeOnly LocalStart { get; set; }
    public int LengthMinutes { get; set; }
    public DateOnly FirstDate { get; set; }
    public Recurrence Recurrence { get; set; } = new();
    /// <summary>Topics on every occurrence's agenda (the weekly progress round, risks): copied into each new occurrence.</summary>
    public List<StandingTopic> StandingTopics { get; set; } = [];
    /// <summary>The series master event's state in Outlook: created, updated and cancelled through its own outbox.</summary>
    public MeetingInvite Invite { get; set; } = new();
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>Graph's pattern types we offer: weekly (every N weeks), monthly on a date, monthly on a weekday ("third Tuesday").</summary>
public enum RecurrenceKind
{
    Weekly,
    AbsoluteMonthly,
    RelativeMonthly,
}

/// <summary>Graph's weekIndex.</summary>
public enum WeekIndex
{
    First,
    Second,
    Third,
    Fourth,
    Last,
}

/// <summary>Graph's patternedRecurrence, as far as we use it; owned by the series (same row).</summary>
public sealed class Recurrence
{
    public RecurrenceKind Kind { get; set; }
    public int Interval { get; set; } = 1;
    /// <summary>Weekly: the days, as Graph names them, joined by ','. Relative monthly: the one weekday.</summary>
    public string? DaysOfWeek { get; set; }
    public int? DayOfMonth { get; set; }
    public WeekIndex? Index { get; set; }
    /// <summary>One of the two ends: a last date (inclusive) or a number of occurrences.</summary>
    public DateOnly? EndDate { get; set; }
    public int? Count { get; set; }

    public IReadOnlyList<DayOfWeek> Days =>
        (DaysOfWeek ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => Enum.Parse<DayOfWeek>(d, ignoreCase: true)).ToList();
}

/// <summary>An agenda topic every occurrence starts with; the five elements as on any agenda item.</summary>
public sealed class StandingTopic
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int Position { get; set; }
    public required string Topic { get; set; }
    public required string Discussion { get; set; }
    public required string OwnerEmail { get; set; }
    public int PlannedMinutes { get; set; }
    public required string ExpectedOutput { get; set; }
}
