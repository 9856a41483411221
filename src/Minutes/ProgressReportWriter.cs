using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CollabAddin.Minutes;

public sealed record ProgressLine(string Item, string Owner, string Cooperating, string Due, string Status, string Note, string DaysLate, string Deviation);
public sealed record ProgressGroup(string Heading, IReadOnlyList<ProgressLine> Lines);
/// <summary>The progress tracking table (任务进度跟踪表) as plain text, ready to be written.</summary>
public sealed record ProgressDocument(string Title, IReadOnlyList<string> Figures, IReadOnlyList<ProgressGroup> Groups);

/// <summary>The weekly progress report as a Word document (landscape), with Word's own styles like the minutes.</summary>
public static class ProgressReportWriter
{
    public static byte[] Write(ProgressDocument report, bool chinese)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document, true))
        {
            var main = document.AddMainDocumentPart();
            MinutesStyles.AddTo(main, chinese);
            var body = new Body(Para(report.Title, MinutesStyles.Title));
            foreach (var line in report.Figures) body.Append(Para(line, MinutesStyles.ListBullet));
            string[] headers = chinese
                ? ["行动项", "负责人", "协作部门", "截止日期", "状态", "最新进展", "逾期天数", "偏差原因"]
                : ["Item", "Owner", "Cooperating", "Due", "Status", "Latest progress", "Days late", "Deviation"];
            int[] widths = [2700, 1400, 1500, 1400, 1100, 2800, 900, 2000]; // the due column fits "2026-12-01" on one line
            foreach (var group in report.Groups)
            {
                body.Append(Para(group.Heading, MinutesStyles.Heading2));
                var table = new Table(new TableProperties(new TableStyle { Val = MinutesStyles.TableGrid }, new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }),
                    new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
                var head = new TableRow(new TableRowProperties(new TableHeader()));
                head.Append(headers.Select((h, i) => Cell(h, widths[i], true)));
                table.Append(head);
                foreach (var l in group.Lines)
                    table.Append(new TableRow(new[] { l.Item, l.Owner, l.Cooperating, l.Due, l.Status, l.Note, l.DaysLate, l.Deviation }.Select((v, i) => Cell(v, widths[i], false))));
                body.Append(table);
            }
            if (report.Groups.Count == 0) body.Append(Para(chinese ? "没有行动项。" : "No action items."));
            body.Append(new SectionProperties(
                new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1134, Right = 1134, Bottom = 1134, Left = 1134, Header = 708, Footer = 708, Gutter = 0 }));
            main.Document = new Document(body);
            document.PackageProperties.Title = TypedText.Strip(report.Title);
            document.PackageProperties.Creator = "CollabAddin";
        }
        return stream.ToArray();
    }

    private static TableCell Cell(string text, int width, bool header)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (header) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "DEEAF6" });
        if (!header && DateOnly.TryParseExact(text, "yyyy-MM-dd", out _)) properties.Append(new NoWrap());
        var run = new Run(new Text(TypedText.Strip(text)) { Space = SpaceProcessingModeValues.Preserve }); // stored text cannot break the document
        if (header) run.PrependChild(new RunProperties(new Bold()));
        return new TableCell(properties, new Paragraph(run));
    }

    private static Paragraph Para(string text, string? style = null) => new(
        style is null ? new ParagraphProperties() : new ParagraphProperties(new ParagraphStyleId { Val = style }),
        new Run(new Text(TypedText.Strip(text)) { Space = SpaceProcessingModeValues.Preserve }));
}
