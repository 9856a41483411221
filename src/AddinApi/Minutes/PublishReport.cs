namespace CollabAddin.Api.Minutes;

/// <param name="Row">Where the row is in the document, in the caller's language: "Action items, row 3", "行动项表第 3 行".</param>
/// <param name="Table">Which action table (1 for the first), and <paramref name="RowNumber"/> the row in it (1 is the
/// header): the pane finds the row by these numbers, never by reading <paramref name="Row"/>.</param>
public sealed record RowResult(string Row, Guid Id, string Title, int Table, int RowNumber);
public sealed record UpdatedRow(string Row, Guid Id, string Title, IReadOnlyList<string> Fields, int Table, int RowNumber);
public sealed record CancelledItem(Guid Id, string Title);
/// <param name="Resolution">What was done: "documentWins" (the minutes' value was applied) or "leftAlone" (the item was not touched).</param>
public sealed record MergeConflict(string? Row, Guid Id, string Title, string Field, string? Document, string? Current, string Resolution, string Message);
public sealed record SkippedRow(string Row, string Reason, int Table, int RowNumber);
/// <param name="Code">What kind of warning, for software (e.g. "badDueDate"); <paramref name="Message"/> is for people.</param>
public sealed record PublishWarning(string Location, string Message, string? Code = null);
public sealed record DecisionCounts(int Created, int Updated, int Revoked);

/// <summary>
/// What a publish did, row by row. <see cref="Rows"/> gives the stable id of every action row, so the Word pane can
/// stamp ids into rows that had none (their content control's tag becomes "collab:action:{id}").
/// </summary>
public sealed record PublishReport(
    Guid? PublicationId,
    IReadOnlyList<RowResult> Created,
    IReadOnlyList<UpdatedRow> Updated,
    IReadOnlyList<RowResult> Unchanged,
    IReadOnlyList<CancelledItem> Cancelled,
    IReadOnlyList<MergeConflict> Conflicts,
    IReadOnlyList<SkippedRow> Skipped,
    IReadOnlyList<PublishWarning> Warnings,
    IReadOnlyList<RowResult> Rows,
    DecisionCounts Decisions,
    int Attendance);
