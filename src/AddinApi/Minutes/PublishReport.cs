namespace CollabAddin.Api.Minutes;

/// <param name="Row">Where the row is in the document, e.g. "Action items, row 3".</param>
public sealed record RowResult(string Row, Guid Id, string Title);
public sealed record UpdatedRow(string Row, Guid Id, string Title, IReadOnlyList<string> Fields);
public sealed record CancelledItem(Guid Id, string Title);
/// <param name="Resolution">What was done: "documentWins" (the minutes' value was applied) or "leftAlone" (the item was not touched).</param>
public sealed record MergeConflict(string? Row, Guid Id, string Title, string Field, string? Document, string? Current, string Resolution, string Message);
public sealed record SkippedRow(string Row, string Reason);
public sealed record PublishWarning(string Location, string Message);
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
