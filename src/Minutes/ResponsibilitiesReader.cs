using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CollabAddin.Minutes;

/// <summary>One row of a responsibilities table as typed; <see cref="TaskId"/> when the row came from the generated form.</summary>
public sealed record ResponsibilityRow(int Row, Guid? TaskId, string Title, string? Lead, IReadOnlyList<string> Cooperating, string? Duty, string? Deliverable,
    string? Standard, string? Deadline, string? Owner);

/// <summary>
/// Reads the responsibilities table (《部门协作职责分工表》) back from a Word document, like the minutes' action table: the
/// generated form's tagged table (its rows carry the tasks' ids), or any table whose header names a task and at least
/// two of lead department, owner, deadline, deliverable — in English or Chinese, in any order, extra columns ignored.
/// Merged cells, text split across runs and tracked changes read as in the minutes (WordTable, CellText); the package
/// guard runs first.
/// </summary>
public static class ResponsibilitiesReader
{
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["title"] = ["task", "tasks", "work item", "任务", "任务名称", "工作任务", "事项"],
        ["lead"] = ["lead department", "lead", "lead dept", "主导部门", "主导方", "牵头部门", "主导"],
        ["cooperating"] = ["cooperating departments", "cooperating", "supporting departments", "协作部门", "协作方", "配合部门", "协作"],
        ["duty"] = ["duty", "duties", "responsibility", "具体职责", "职责", "工作内容"],
        ["deliverable"] = ["deliverable", "deliverables", "output", "交付成果", "交付物", "成果"],
        ["standard"] = ["acceptance standard", "acceptance criteria", "standard", "验收标准", "验收要求"],
        ["deadline"] = ["deadline", "due", "due date", "完成时限", "截止日期", "完成时间", "期限"],
        ["owner"] = ["owner", "responsible", "assignee", "负责人", "责任人"],
    };

    /// <summary>Besides the task, the columns that make a hand-typed table a responsibilities table (two of them).</summary>
    private static readonly string[] Telling = ["lead", "owner", "deadline", "deliverable"];
    private static readonly char[] ListSeparators = [',', '，', '、', ';', '；', '\n'];

    public static IReadOnlyList<ResponsibilityRow> Read(Stream docx, MinutesLimits? limits = null)
    {
        limits ??= new MinutesLimits();
        using var package = PackageGuard.Check(docx, limits);
        try
        {
            using var document = WordprocessingDocument.Open(package, false, new OpenSettings { MaxCharactersInPart = limits.MaxCharactersInPart });
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new MinutesRejectedException(MinutesRejection.NotADocument, "noBody", "This package has no Word document body.");
            var rows = new List<ResponsibilityRow>();
            foreach (var table in body.Descendants<Table>().Where(t => WordTable.Depth(t) == 1))
                rows.AddRange(ReadTable(table, limits));
            return rows;
        }
        catch (Exception e) when (e is XmlException or OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException or ArgumentException)
        {
            throw new MinutesRejectedException(MinutesRejection.Broken, "contentDamaged", "The document's content is damaged and cannot be read. Open it in Word, save it again, and try again.");
        }
    }

    private static IEnumerable<ResponsibilityRow> ReadTable(Table table, MinutesLimits limits)
    {
        var rows = WordTable.Read(table, limits);
        if (rows.Count < 2) yield break;
        var caption = table.GetFirstChild<TableProperties>()?.GetFirstChild<TableCaption>()?.Val?.Value;
        var map = TableHeaders.Columns(rows[0], Columns);
        var known = Telling.Count(map.ContainsKey);
        if (caption != FormTags.Responsibilities && !(map.ContainsKey("title") && known >= 2)) yield break;
        string? Cell(GridRow row, string key) => map.TryGetValue(key, out var i) && i < row.Cells.Length && row.Cells[i].Trim() is { Length: > 0 } text ? TypedText.Strip(text) : null;
        foreach (var row in rows.Skip(1))
        {
            var title = Cell(row, "title");
            if (title is null) continue; // an empty line left in the table
            var (kind, value) = MinutesTags.Parse(row.Tag);
            Guid? id = kind == FormTags.TaskRow && Guid.TryParse(value, out var parsed) ? parsed : null;
            var cooperating = (Cell(row, "cooperating") ?? "").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            yield return new ResponsibilityRow(row.Number, id, title, Cell(row, "lead"), cooperating, Cell(row, "duty"), Cell(row, "deliverable"), Cell(row, "standard"),
                Cell(row, "deadline"), Cell(row, "owner"));
        }
    }
}
