using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CollabAddin.Minutes;

/// <summary>
/// A Word table as rows of cell texts, by grid column: rows wrapped in content controls (with their tags), cells
/// spanning columns (gridSpan), and vertically merged cells (their text is the merge's first cell).
/// </summary>
internal sealed record GridRow(int Number, string? Tag, string[] Cells, bool IsHeader);

internal static class WordTable
{
    public static List<GridRow> Read(Table table, MinutesLimits limits)
    {
        var rows = Read(table, limits.MaxTableRows, out var tooMany);
        return tooMany ? throw TooManyRows(limits) : rows;
    }

    public static MinutesRejectedException TooManyRows(MinutesLimits limits) =>
        new(MinutesRejection.TooLarge, "tableRows", $"A table has more than {limits.MaxTableRows:N0} rows; minutes this long cannot be published.", limits.MaxTableRows.ToString(CultureInfo.InvariantCulture));

    /// <summary>Word never writes a cell wider than 63 columns; a forged span must not make millions of empty cells.</summary>
    public const int MaxSpan = 64;

    /// <summary>The rows up to <paramref name="maxRows"/>; <paramref name="tooMany"/> says whether there were more.</summary>
    public static List<GridRow> Read(Table table, int maxRows, out bool tooMany)
    {
        var rows = new List<GridRow>();
        var above = new Dictionary<int, string>();
        var number = 0;
        tooMany = false;
        foreach (var (row, tag) in Rows(table))
        {
            if (++number > maxRows)
            {
                tooMany = true;
                break;
            }
            var cells = new List<string>();
            foreach (var cell in Cells(row))
            {
                var properties = cell.TableCellProperties;
                var span = Math.Min(properties?.GridSpan?.Val?.Value ?? 1, MaxSpan);
                var merge = properties?.VerticalMerge;
                var column = cells.Count;
                var text = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue)
                    ? above.GetValueOrDefault(column, "")
                    : CellText.Of(cell);
                above[column] = text;
                cells.Add(text);
                for (var i = 1; i < span; i++) cells.Add(""); // the spanned columns hold nothing of their own
            }
            var header = row.TableRowProperties?.GetFirstChild<TableHeader>() is not null;
            rows.Add(new GridRow(number, tag, cells.ToArray(), header));
        }
        return rows;
    }

    /// <summary>Rows in order, with the tag of the content control around each (if any).</summary>
    private static IEnumerable<(TableRow Row, string? Tag)> Rows(OpenXmlElement container, string? tag = null)
    {
        foreach (var child in container.ChildElements)
            switch (child)
            {
                case TableRow row: yield return (row, tag); break;
                case SdtRow sdt:
                    var rowTag = sdt.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value ?? tag;
                    if (sdt.SdtContentRow is { } content)
                        foreach (var inner in Rows(content, rowTag)) yield return inner;
                    break;
                case CustomXmlRow custom:
                    foreach (var inner in Rows(custom, tag)) yield return inner;
                    break;
            }
    }

    private static IEnumerable<TableCell> Cells(OpenXmlElement row)
    {
        foreach (var child in row.ChildElements)
            switch (child)
            {
                case TableCell cell: yield return cell; break;
                case SdtCell sdt when sdt.SdtContentCell is { } content:
                    foreach (var inner in Cells(content)) yield return inner;
                    break;
                case CustomXmlCell custom:
                    foreach (var inner in Cells(custom)) yield return inner;
                    break;
            }
    }

    /// <summary>Depth of the deepest table inside this one (1 = no nested tables).</summary>
    public static int Depth(Table table)
    {
        var own = table.Ancestors<Table>().Count();
        return table.Descendants<Table>().Select(t => t.Ancestors<Table>().Count()).DefaultIfEmpty(own).Max() - own + 1;
    }
}
