namespace CollabAddin.Minutes;

/// <summary>
/// What the minutes reader needs of a document, in document order: the body's top-level paragraphs and tables (looking
/// through content controls and custom XML we do not own) and our tagged blocks (notes, an agenda item's decisions, the
/// next meeting) as their text. Both ways of reading a package produce this, so the rules that interpret it have one home.
/// </summary>
internal sealed record MinutesBody(IReadOnlyList<MinutesBlock> Blocks, IReadOnlySet<string> HeadingStyles, int TableDepth);

internal abstract record MinutesBlock;

/// <param name="Line">The paragraph's text (<see cref="CellText.Line"/>), trimmed.</param>
/// <param name="StyleId">Its paragraph style, if any.</param>
/// <param name="OutlineLevel">Whether it sets an outline level itself (a heading without a heading style).</param>
/// <param name="ListLevel">Its list level (0 = the top, or not in a list).</param>
internal sealed record ParagraphBlock(string Line, string? StyleId, bool OutlineLevel, int ListLevel) : MinutesBlock;

/// <param name="TooManyRows">More than <see cref="MinutesLimits.MaxTableRows"/> rows: the rows past the limit were not kept.</param>
internal sealed record TableBlock(string? Caption, IReadOnlyList<GridRow> Rows, bool TooManyRows) : MinutesBlock;

/// <summary>A content control tagged as notes, an agenda item's decisions or the next meeting, with its text (<see cref="CellText.Of"/>).</summary>
internal sealed record TaggedBlock(string? Tag, string Text) : MinutesBlock;
