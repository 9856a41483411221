using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CollabAddin.Minutes;

/// <summary>A part of a form: label/value pairs, a table, or a paragraph of text.</summary>
public abstract record FormBlock;
public sealed record FormFields(IReadOnlyList<KeyValuePair<string, string>> Fields) : FormBlock;
/// <param name="Tag">The table's caption tag (<see cref="FormTags"/>), so a filled-in copy reads back; null for tables that do not.</param>
/// <param name="RowTags">One per row, or null: the row's id travels in its tag like the minutes' rows ("collab:task:{id}").</param>
public sealed record FormTable(string? Tag, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<int> Widths,
    IReadOnlyList<string?>? RowTags = null) : FormBlock;
public sealed record FormText(string Text, bool Note = false) : FormBlock;
public sealed record FormSection(string Heading, IReadOnlyList<FormBlock> Blocks);
/// <summary>One of the guides' forms (申请表, 职责分工表 …), or the archive (several forms, one section each), as plain text.</summary>
public sealed record FormDocument(string Title, string? Subtitle, IReadOnlyList<FormSection> Sections);

/// <summary>Caption tags of the project forms' tables that read back, stable across versions (as <see cref="MinutesTags"/>).</summary>
public static class FormTags
{
    public const string Responsibilities = "collab:responsibilities";
    public const string TaskRow = "collab:task"; // + ":{id}"
    public const string Acceptance = "collab:acceptance";
    /// <summary>A task's self-check list to fill in and send back for acceptance.</summary>
    public const string SelfCheck = "collab:selfcheck";
}

/// <summary>
/// Writes the project forms as Word documents with Word's own styles (the minutes' style set), A4 portrait: a title,
/// then each section as a heading with its fields (a two-column table), tables and text. Every value is stripped of
/// characters a document cannot hold, so stored text cannot break the package.
/// </summary>
public static class FormWriter
{
    public static byte[] Write(FormDocument form, bool chinese)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document, true))
        {
            var main = document.AddMainDocumentPart();
            MinutesStyles.AddTo(main, chinese);
            var body = new Body(Para(form.Title, MinutesStyles.Title));
            if (form.Subtitle is { Length: > 0 } subtitle) body.Append(Para(subtitle));
            foreach (var section in form.Sections)
            {
                body.Append(Para(section.Heading, MinutesStyles.Heading1));
                foreach (var block in section.Blocks)
                    switch (block)
                    {
                        case FormFields fields:
                            body.Append(Table(null, null, fields.Fields.Select(f => (IReadOnlyList<string>)[f.Key, f.Value]).ToList(), [2600, 6400], null, labelColumn: true));
                            break;
                        case FormTable table:
                            body.Append(Table(table.Tag, table.Headers, table.Rows, table.Widths, table.RowTags, labelColumn: false));
                            break;
                        case FormText text:
                            body.Append(Para(text.Text, text.Note ? null : MinutesStyles.ListBullet));
                            break;
                    }
                // Word needs a paragraph between two tables, or it joins them into one.
                body.Append(new Paragraph());
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Right = 1134, Bottom = 1134, Left = 1134, Header = 708, Footer = 708, Gutter = 0 }));
            main.Document = new Document(body);
            document.PackageProperties.Title = TypedText.Strip(form.Title);
            document.PackageProperties.Creator = "CollabAddin";
        }
        return stream.ToArray();
    }

    private static Table Table(string? tag, IReadOnlyList<string>? headers, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<int> widths,
        IReadOnlyList<string?>? rowTags, bool labelColumn)
    {
        var properties = new TableProperties(new TableStyle { Val = MinutesStyles.TableGrid }, new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct });
        if (tag is not null) properties.Append(new TableCaption { Val = tag });
        var table = new Table(properties, new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        if (headers is not null)
        {
            var head = new TableRow(new TableRowProperties(new TableHeader()));
            head.Append(headers.Select((h, i) => Cell(h, widths[Math.Min(i, widths.Count - 1)], shaded: true)));
            table.Append(head);
        }
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new TableRow(rows[r].Select((v, i) => Cell(v, widths[Math.Min(i, widths.Count - 1)], shaded: labelColumn && i == 0)));
            if (rowTags?[r] is { } rowTag)
            {
                // The row's id, as the minutes keep it: a content control around the row, tagged.
                var control = new SdtRow(new SdtProperties(new Tag { Val = rowTag }), new SdtContentRow(row));
                table.Append(control);
            }
            else table.Append(row);
        }
        return table;
    }

    private static TableCell Cell(string text, int width, bool shaded)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (shaded) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "DEEAF6" });
        if (!shaded && DateOnly.TryParseExact(text, "yyyy-MM-dd", out _)) properties.Append(new NoWrap());
        var cell = new TableCell(properties);
        // Line breaks in stored text become paragraphs of the cell; an empty cell still holds one paragraph.
        foreach (var line in (text.Length == 0 ? [""] : text.Split('\n')))
        {
            var run = new Run(new Text(TypedText.Strip(line.TrimEnd('\r'))) { Space = SpaceProcessingModeValues.Preserve });
            if (shaded) run.PrependChild(new RunProperties(new Bold()));
            cell.Append(new Paragraph(run));
        }
        return cell;
    }

    private static Paragraph Para(string text, string? style = null) => new(
        style is null ? new ParagraphProperties() : new ParagraphProperties(new ParagraphStyleId { Val = style }),
        new Run(new Text(TypedText.Strip(text)) { Space = SpaceProcessingModeValues.Preserve }));
}
