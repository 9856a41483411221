using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CollabAddin.Minutes;

/// <summary>
/// The text a reader sees: runs joined however Word split them, insertions kept, deletions and moved-away text
/// dropped (the accepted state of tracked changes), tabs and breaks as spaces, paragraphs as lines.
/// </summary>
internal static class CellText
{
    public static string Of(OpenXmlElement element)
    {
        var lines = new List<string>();
        foreach (var paragraph in element.Descendants<Paragraph>().Where(p => Belongs(p, element)))
        {
            var line = new StringBuilder();
            Append(paragraph, line);
            lines.Add(line.ToString().Trim());
        }
        return string.Join("\n", lines.Where(l => l.Length > 0));
    }

    /// <summary>One paragraph's text, trimmed.</summary>
    public static string Line(Paragraph paragraph)
    {
        var line = new StringBuilder();
        Append(paragraph, line);
        return line.ToString().Trim();
    }

    /// <summary>
    /// The text under an element in document order. A deletion's whole subtree is skipped at once: asking every node
    /// for its ancestors instead made reading a 500-row table cost ~0.1 ms a row (see docs/BENCHMARKS.md).
    /// </summary>
    private static void Append(OpenXmlElement element, StringBuilder line)
    {
        foreach (var node in element.ChildElements)
            switch (node)
            {
                case DeletedRun or MoveFromRun or Deleted: break;
                case Text t: line.Append(t.Text); break;
                case TabChar or Break or CarriageReturn: line.Append(' '); break;
                case NoBreakHyphen: line.Append('-'); break;
                default:
                    if (node.HasChildren) Append(node, line);
                    break;
            }
    }

    /// <summary>False for paragraphs in a table nested inside the element: they are that table's, not this cell's.</summary>
    private static bool Belongs(Paragraph paragraph, OpenXmlElement root)
    {
        for (var node = paragraph.Parent; node is not null && !ReferenceEquals(node, root); node = node.Parent)
            if (node is TableCell) return false;
        return true;
    }
}
