namespace CollabAddin.Minutes;

// What the writer needs to know about a meeting. Plain records: the API maps its entities to these.

/// <param name="Attendance">As recorded by published minutes: present, absent or delegate (null when not yet recorded).</param>
public sealed record MinutesPerson(string Email, string DisplayName, string? Department, bool Core, bool Host, bool NoteTaker, bool Timekeeper,
    string? Attendance = null, string? Delegate = null);

public sealed record MinutesAgendaItem(Guid Id, int Number, string Topic, string OwnerEmail, int PlannedMinutes, string ExpectedOutput);

/// <param name="Start">Local start in the meeting's zone.</param>
public sealed record MinutesMeeting(
    Guid Id,
    string Subject,
    string? Goal,
    DateTime Start,
    DateTime End,
    string TimeZone,
    string? Location,
    string? JoinUrl,
    IReadOnlyList<MinutesPerson> People,
    IReadOnlyList<MinutesAgendaItem> Agenda)
{
    /// <summary>Items already published, written back with their ids so the next publish updates them.</summary>
    public IReadOnlyList<MinutesActionItem> ActionItems { get; init; } = [];
    public IReadOnlyList<MinutesDecision> Decisions { get; init; } = [];
}

public sealed record MinutesActionItem(Guid Id, string Title, string OwnerName, DateOnly? Due, string? Lead, IReadOnlyList<string> Cooperating, int? AgendaNumber, string Status);

public sealed record MinutesDecision(Guid Id, string Text, string? OwnerName, int? AgendaNumber);

// What the reader finds in a document, each piece with where it is.

/// <summary>Where something is in the document, in words a note-taker can find: "Action items, row 3".</summary>
public sealed record RowLocation(string Table, int Row)
{
    public override string ToString() => $"{Table}, row {Row}";
}

public sealed record MinutesWarning(string Location, string Message);

public sealed record ResolvedPerson(string Email, string DisplayName);

public sealed record ActionRow(
    RowLocation Location,
    Guid? Id,
    string Title,
    string OwnerText,
    ResolvedPerson? Owner,
    string DueText,
    DateOnly? Due,
    string? LeadDepartment,
    IReadOnlyList<string> CooperatingDepartments,
    string AgendaText,
    Guid? AgendaItemId,
    string? Status);

public sealed record DecisionRow(RowLocation Location, Guid? Id, string Text, ResolvedPerson? Owner, Guid? AgendaItemId);

/// <param name="Status">present, absent or delegate.</param>
public sealed record AttendanceRow(RowLocation Location, string? Email, string Name, string Status, string? Delegate);

public sealed record AgendaNotes(Guid? AgendaItemId, string Topic, string Notes);

public sealed record MinutesContent(
    IReadOnlyList<AttendanceRow> Attendance,
    IReadOnlyList<AgendaNotes> Notes,
    IReadOnlyList<DecisionRow> Decisions,
    IReadOnlyList<ActionRow> ActionItems,
    string? NextMeeting,
    IReadOnlyList<MinutesWarning> Warnings);

/// <summary>The document cannot be read as minutes. <see cref="Kind"/> says how the API should answer.</summary>
public sealed class MinutesRejectedException(MinutesRejection kind, string message) : Exception(message)
{
    public MinutesRejection Kind { get; } = kind;
}

public enum MinutesRejection
{
    /// <summary>Not a Word document at all (415).</summary>
    NotADocument,
    /// <summary>A Word document we will not open: macros, encryption, external links (422).</summary>
    Refused,
    /// <summary>Broken: truncated, invalid XML (400).</summary>
    Broken,
    /// <summary>Over a size limit: decompressed size, parts, rows, nesting (413).</summary>
    TooLarge,
}
