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
            foreach (var node in paragraph.Descendants())
            {
                if (node.Ancestors().Any(a => a is DeletedRun or MoveFromRun or Deleted)) continue;
                switch (node)
                {
                    case Text t: line.Append(t.Text); break;
                    case TabChar or Break or CarriageReturn: line.Append(' '); break;
                    case NoBreakHyphen: line.Append('-'); break;
                }
            }
            lines.Add(line.ToString().Trim());
        }
        return string.Join("\n", lines.Where(l => l.Length > 0));
    }

    /// <summary>False for paragraphs in a table nested inside the element: they are that table's, not this cell's.</summary>
    private static bool Belongs(Paragraph paragraph, OpenXmlElement root)
    {
        for (var node = paragraph.Parent; node is not null && !ReferenceEquals(node, root); node = node.Parent)
            if (node is TableCell) return false;
        return true;
    }
}
