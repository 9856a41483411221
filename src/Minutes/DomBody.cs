using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CollabAddin.Minutes;

/// <summary>
/// The minutes' body read through the OpenXML SDK's typed DOM: the reader's first traversal. Publishing uses
/// <see cref="StreamedBody"/> (the DOM cost 10–20× a streaming scan, docs/BENCHMARKS.md); this one is kept as the
/// reference the streaming reader is checked against — the differential test reads every fixture and hundreds of fuzzed
/// documents both ways and requires the same minutes. It is not on any request path.
/// </summary>
internal static class DomBody
{
    public static MinutesBody Read(Stream package, MinutesLimits limits)
    {
        using var document = WordprocessingDocument.Open(package, false, new OpenSettings { MaxCharactersInPart = limits.MaxCharactersInPart });
        var body = document.MainDocumentPart?.Document?.Body
            ?? throw new MinutesRejectedException(MinutesRejection.NotADocument, "noBody", "This package has no Word document body; it is not a .docx with minutes.");
        var depth = body.Descendants<Table>().Select(WordTable.Depth).DefaultIfEmpty(0).Max();
        var blocks = new List<MinutesBlock>();
        foreach (var block in Blocks(body))
            switch (block)
            {
                case SdtBlock sdt: blocks.Add(new TaggedBlock(Tag(sdt), CellText.Of(sdt))); break;
                case Table table:
                    var rows = WordTable.Read(table, limits.MaxTableRows, out var tooMany);
                    blocks.Add(new TableBlock(table.GetFirstChild<TableProperties>()?.GetFirstChild<TableCaption>()?.Val?.Value, rows, tooMany));
                    break;
                case Paragraph paragraph:
                    var properties = paragraph.ParagraphProperties;
                    blocks.Add(new ParagraphBlock(CellText.Line(paragraph), properties?.ParagraphStyleId?.Val?.Value, properties?.OutlineLevel is not null,
                        properties?.NumberingProperties?.NumberingLevelReference?.Val?.Value ?? 0));
                    break;
            }
        return new MinutesBody(blocks, HandTypedDecisions.HeadingStyles(document.MainDocumentPart!), depth);
    }

    /// <summary>Top-level blocks, looking through content controls and custom XML we do not own.</summary>
    private static IEnumerable<OpenXmlElement> Blocks(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            if (child is SdtBlock sdt && MinutesTags.IsBlock(Tag(sdt)))
                yield return sdt;
            else if (child is SdtBlock { SdtContentBlock: { } content })
                foreach (var inner in Blocks(content)) yield return inner;
            else if (child is CustomXmlBlock custom)
                foreach (var inner in Blocks(custom)) yield return inner;
            else
                yield return child;
        }
    }

    private static string? Tag(SdtElement sdt) => sdt.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;
}
