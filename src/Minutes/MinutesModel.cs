namespace CollabAddin.Minutes;

// What the writer needs to know about a meeting. Plain records: the API maps its entities to these.

/// <param name="Attendance">As recorded by published minutes: present, absent or delegate (null when not yet recorded).</param>
public sealed record MinutesPerson(string Email, string DisplayName, string? Department, bool Core, bool Host, bool NoteTaker, bool Timekeeper,
    string? Attendance = null, string? Delegate = null);

/// <param name="ActualMinutes">How long it really took, when the timekeeper's clock measured it.</param>
public sealed record MinutesAgendaItem(Guid Id, int Number, string Topic, string OwnerEmail, int PlannedMinutes, string ExpectedOutput, int? ActualMinutes = null);

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
    /// <summary>Where the published minutes stand (draft or approved); null before anything was published.</summary>
    public MinutesApproval? Approval { get; init; }
    /// <summary>In a series: items earlier meetings left open, written first with their ids so this meeting updates them in place.</summary>
    public IReadOnlyList<MinutesOpenItem> OpenItems { get; init; } = [];
}

/// <param name="From">The earlier meeting's local date it came from.</param>
public sealed record MinutesOpenItem(Guid Id, string Title, string OwnerName, DateOnly? Due, string Status, string? Progress, DateOnly From);

public sealed record MinutesActionItem(Guid Id, string Title, string OwnerName, DateOnly? Due, string? Lead, IReadOnlyList<string> Cooperating, int? AgendaNumber, string Status);

public sealed record MinutesDecision(Guid Id, string Text, string? OwnerName, int? AgendaNumber);

// What the reader finds in a document, each piece with where it is.

/// <summary>The parts of a minutes document a reader reports on. The API words them in the caller's language.</summary>
public enum MinutesPart
{
    ActionItems,
    Decisions,
    Attendance,
    /// <summary>The decisions block under agenda item <see cref="RowLocation.Number"/>.</summary>
    AgendaDecisions,
    /// <summary>The notes block under agenda item <see cref="RowLocation.Number"/>.</summary>
    AgendaNotes,
    NextMeeting,
    /// <summary>Decisions typed by hand under a "Decisions" heading, one per line or list item: the <see cref="RowLocation.Number"/>th such section, item <see cref="RowLocation.Row"/>.</summary>
    DecisionList,
}

/// <summary>
/// Where something is in the document: the part, which one of it (the second action table; the agenda item's number),
/// and the row (0 for a block without rows). <see cref="ToString"/> is the English a note-taker can find: "Action items, row 3".
/// </summary>
public sealed record RowLocation(MinutesPart Part, int Row, int Number = 1)
{
    public string Table => Part switch
    {
        MinutesPart.ActionItems => Number == 1 ? "Action items" : $"Action items (table {Number})",
        MinutesPart.Decisions => Number == 1 ? "Decisions" : $"Decisions (table {Number})",
        MinutesPart.Attendance => "Attendance",
        MinutesPart.AgendaDecisions => $"Decisions on agenda item {Number}",
        MinutesPart.AgendaNotes => $"Notes on agenda item {Number}",
        MinutesPart.DecisionList => Number == 1 ? "Decisions list" : $"Decisions list ({Number})",
        _ => "Next meeting",
    };

    public override string ToString() => Row == 0 ? Table : $"{Table}, {(Part == MinutesPart.DecisionList ? "item" : "row")} {Row}";
}

/// <summary>
/// Something the reader wants the note-taker to fix or know: where (<see cref="At"/>, and the column's key such as
/// "due" or "owner"), what (<see cref="Code"/>, with <see cref="Args"/> — the text as written), and the English wording.
/// The codes are the keys the API words in zh-CN and en-US.
/// </summary>
public sealed record MinutesWarning(RowLocation At, string? Column, string Code, IReadOnlyList<string> Args, string Message)
{
    /// <summary>English column names, as the warnings have always said them.</summary>
    public static string ColumnName(string key) => key switch { "due" => "due date", "agenda" => "agenda item", _ => key };

    public string Location => Column is null ? At.ToString() : $"{At}, {ColumnName(Column)}";
}

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

public sealed record DecisionRow(RowLocation Location, Guid? Id, string Text, ResolvedPerson? Owner, Guid? AgendaItemId)
{
    /// <summary>When the decision is to be carried out, where the minutes say (a due column of a decisions table).</summary>
    public DateOnly? Due { get; init; }
}

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

/// <summary>
/// The document cannot be read as minutes. <see cref="Kind"/> says how the API should answer; <see cref="Code"/> and
/// <see cref="Args"/> let it word the reason in the caller's language (the English message is for logs and library use).
/// </summary>
public sealed class MinutesRejectedException(MinutesRejection kind, string code, string message, params string[] args) : Exception(message)
{
    public MinutesRejection Kind { get; } = kind;
    public string Code { get; } = code;
    public IReadOnlyList<string> Args { get; } = args;
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
