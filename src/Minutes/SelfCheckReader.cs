using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CollabAddin.Minutes;

/// <summary>One line of a self-check list as typed: the standard, met or not (null when the cell says neither), the evidence.</summary>
public sealed record SelfCheckRow(int Row, string Standard, bool? Met, string? Evidence);

/// <summary>
/// Reads a self-check list (the acceptance form's 自检清单) back from Word: the generated form's tagged table, or a table
/// typed by hand whose header names the standard and whether it is met, in English or Chinese. "Met" reads yes/no as
/// people write it (yes, met, ✓, 是, 达标, 符合 … / no, not met, ✗, 否, 未达标 …).
/// </summary>
public static class SelfCheckReader
{
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["standard"] = ["acceptance standard", "standard", "criterion", "criteria", "验收标准", "标准", "检查项"],
        ["met"] = ["met", "met?", "result", "passed", "是否达标", "是否符合", "结果", "达标"],
        ["evidence"] = ["evidence", "evidence link", "proof", "佐证材料", "佐证", "证明材料", "证据"],
    };

    private static readonly string[] Yes = ["yes", "y", "met", "pass", "passed", "ok", "✓", "✔", "√", "是", "达标", "符合", "通过", "已达标"];
    private static readonly string[] No = ["no", "n", "not met", "fail", "failed", "✗", "✘", "×", "x", "否", "未达标", "不符合", "不达标", "未通过"];

    public static IReadOnlyList<SelfCheckRow> Read(Stream docx, MinutesLimits? limits = null)
    {
        limits ??= new MinutesLimits();
        using var package = PackageGuard.Check(docx, limits);
        try
        {
            using var document = WordprocessingDocument.Open(package, false, new OpenSettings { MaxCharactersInPart = limits.MaxCharactersInPart });
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new MinutesRejectedException(MinutesRejection.NotADocument, "noBody", "This package has no Word document body.");
            foreach (var table in body.Descendants<Table>().Where(t => WordTable.Depth(t) == 1))
            {
                var rows = WordTable.Read(table, limits);
                if (rows.Count < 2) continue;
                var caption = table.GetFirstChild<TableProperties>()?.GetFirstChild<TableCaption>()?.Val?.Value;
                var map = TableHeaders.Columns(rows[0], Columns);
                if (caption != FormTags.SelfCheck && !(map.ContainsKey("standard") && map.ContainsKey("met"))) continue;
                string? Cell(GridRow row, string key) => map.TryGetValue(key, out var i) && i < row.Cells.Length && row.Cells[i].Trim() is { Length: > 0 } text ? TypedText.Strip(text) : null;
                return rows.Skip(1).Where(r => Cell(r, "standard") is not null)
                    .Select(r => new SelfCheckRow(r.Number, Cell(r, "standard")!, MetOf(Cell(r, "met")), Cell(r, "evidence"))).ToList();
            }
            return [];
        }
        catch (Exception e) when (e is XmlException or OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException or ArgumentException)
        {
            throw new MinutesRejectedException(MinutesRejection.Broken, "contentDamaged", "The document's content is damaged and cannot be read. Open it in Word, save it again, and try again.");
        }
    }

    private static bool? MetOf(string? text)
    {
        var word = text is null ? "" : TableHeaders.Word(text);
        return Yes.Contains(word) ? true : No.Contains(word) ? false : null;
    }
}
