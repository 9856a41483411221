using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace CollabAddin.Minutes;

public sealed record MinutesAgendaRef(Guid Id, int Number, string Topic);

/// <summary>What the reader resolves names, dates and agenda references against.</summary>
public sealed record MinutesContext(DateOnly MeetingDate, IReadOnlyList<ResolvedPerson> People, IReadOnlyList<MinutesAgendaRef> Agenda)
{
    /// <summary>Titles of items already published: when Word's "insert row" copied a row's tag, the row that still reads like the item keeps its id.</summary>
    public IReadOnlyDictionary<Guid, string> KnownTitles { get; init; } = new Dictionary<Guid, string>();
}

/// <summary>
/// Reads minutes back from a .docx: the generated template (filled in or untouched), or a table typed by hand whose
/// header names its columns in Chinese or English, in any order. Everything found carries its location; anything
/// that cannot be understood becomes a warning naming the cell, never a guess.
/// </summary>
public static partial class MinutesReader
{
    public static MinutesContent Read(Stream docx, MinutesContext context, MinutesLimits? limits = null) =>
        Read(docx, context, limits, StreamedBody.Read);

    /// <summary>The same, through the SDK's typed DOM: the reference the streaming reader is checked against (<see cref="DomBody"/>).</summary>
    internal static MinutesContent ReadWithDom(Stream docx, MinutesContext context, MinutesLimits? limits = null) =>
        Read(docx, context, limits, (package, l) => DomBody.Read(package.Bytes, l));

    private static MinutesContent Read(Stream docx, MinutesContext context, MinutesLimits? limits, Func<CheckedPackage, MinutesLimits, MinutesBody> body)
    {
        limits ??= new MinutesLimits();
        using var package = PackageGuard.CheckPackage(docx, limits);
        MinutesBody read;
        try
        {
            read = body(package, limits);
        }
        catch (Exception e) when (e is XmlException or OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException or ArgumentException)
        {
            // XmlReader words its size limit as "exceeded a limit set by MaxCharactersInDocument".
            if (e.Message.Contains("MaxCharacters", StringComparison.OrdinalIgnoreCase))
                throw new MinutesRejectedException(MinutesRejection.TooLarge, "partTooLarge", "A part of the document is larger than minutes can be.");
            throw new MinutesRejectedException(MinutesRejection.Broken, "contentDamaged", "The document's content is damaged and cannot be read. Open it in Word, save it again, and publish the new copy.");
        }
        return new Reading(context, limits, read.HeadingStyles).Read(read);
    }

    private enum TableKind { Other, Actions, Decisions, Attendance }

    private sealed partial class Reading(MinutesContext context, MinutesLimits limits, IReadOnlySet<string> headingStyles)
    {
        private readonly People _people = new(context.People);
        private readonly List<MinutesWarning> _warnings = [];
        private readonly HashSet<string> _stripped = [];
        private readonly List<AttendanceRow> _attendance = [];
        private readonly List<AgendaNotes> _notes = [];
        private readonly List<DecisionRow> _decisions = [];
        private readonly List<ActionRow> _actions = [];
        private string? _next;
        private int _actionTables, _decisionTables;

        public MinutesContent Read(MinutesBody body)
        {
            if (body.TableDepth > limits.MaxTableNesting)
                throw new MinutesRejectedException(MinutesRejection.TooLarge, "nestedTables", $"Tables are nested more than {limits.MaxTableNesting} deep; minutes cannot be read from that.", limits.MaxTableNesting.ToString(CultureInfo.InvariantCulture));
            foreach (var block in body.Blocks)
            {
                switch (block)
                {
                    case TaggedBlock tagged: EndDecisionSection(); ReadBlock(tagged); break;
                    case TableBlock table: ReadTable(table); EndDecisionSection(); break;
                    case ParagraphBlock paragraph: ReadParagraph(paragraph); break;
                }
            }
            EndDecisionSection();
            return new MinutesContent(_attendance, _notes, _decisions, KeepIdsOnce(_actions), _next, _warnings);
        }

        private void ReadBlock(TaggedBlock block)
        {
            var (kind, value) = MinutesTags.Parse(block.Tag);
            var agenda = Guid.TryParse(value, out var id) ? context.Agenda.FirstOrDefault(a => a.Id == id) : null;
            var text = Typed(block.Text, new RowLocation(kind switch
            {
                MinutesTags.Notes => MinutesPart.AgendaNotes,
                MinutesTags.AgendaDecisions => MinutesPart.AgendaDecisions,
                _ => MinutesPart.NextMeeting,
            }, 0, agenda?.Number ?? 0), null);
            switch (kind)
            {
                case MinutesTags.Notes:
                    _notes.Add(new AgendaNotes(agenda?.Id, agenda?.Topic ?? "", text));
                    break;
                case MinutesTags.AgendaDecisions:
                    var line = 0;
                    foreach (var decision in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        _decisions.Add(new DecisionRow(new RowLocation(MinutesPart.AgendaDecisions, ++line, agenda?.Number ?? 0), null, decision, null, agenda?.Id));
                    break;
                case MinutesTags.NextMeeting:
                    _next = text.Length == 0 ? null : text;
                    break;
            }
        }

        private void ReadTable(TableBlock table)
        {
            if (table.TooManyRows) throw WordTable.TooManyRows(limits);
            var rows = table.Rows;
            if (rows.Count == 0) return;
            var caption = table.Caption;
            var tagged = rows.Select(r => MinutesTags.Parse(r.Tag).Kind).ToHashSet();
            var kind = caption == MinutesTags.ActionTable || tagged.Contains(MinutesTags.ActionRow) ? TableKind.Actions
                : caption == MinutesTags.DecisionTable || tagged.Contains(MinutesTags.DecisionRow) ? TableKind.Decisions
                : tagged.Contains(MinutesTags.Attendee) ? TableKind.Attendance
                : TableKind.Other;
            var header = rows[0];
            var actionColumns = Columns(header, MinutesLabels.ActionColumns);
            var decisionColumns = Columns(header, MinutesLabels.DecisionColumns);
            var attendanceColumns = Columns(header, MinutesLabels.AttendanceColumns);
            if (kind == TableKind.Other)
                kind = actionColumns.ContainsKey("title") && (actionColumns.ContainsKey("owner") || actionColumns.ContainsKey("due")) ? TableKind.Actions
                    : decisionColumns.ContainsKey("text") ? TableKind.Decisions
                    : attendanceColumns.ContainsKey("name") && attendanceColumns.ContainsKey("status") ? TableKind.Attendance
                    : _section is not null ? TableKind.Decisions // any table under a "Decisions" heading lists decisions
                    : TableKind.Other;
            if (kind == TableKind.Decisions && _section is not null) _section.Table = true;
            var hasHeader = header.IsHeader || actionColumns.Count + decisionColumns.Count + attendanceColumns.Count >= 2;
            var body = hasHeader ? rows.Skip(1) : rows;
            switch (kind)
            {
                case TableKind.Actions:
                    var number = ++_actionTables;
                    var map = hasHeader && actionColumns.ContainsKey("title") ? actionColumns : DefaultActionColumns;
                    foreach (var row in body) ReadAction(row, map, number);
                    break;
                case TableKind.Decisions:
                    var decisionNumber = ++_decisionTables;
                    var decisionMap = hasHeader && decisionColumns.ContainsKey("text") ? decisionColumns
                        : hasHeader && TextColumn(header) is { } textColumn ? new Dictionary<string, int>(decisionColumns) { ["text"] = textColumn }
                        : DefaultDecisionColumns;
                    foreach (var row in body) ReadDecision(row, decisionMap, decisionNumber);
                    break;
                case TableKind.Attendance:
                    foreach (var row in body) ReadAttendance(row, hasHeader && attendanceColumns.ContainsKey("status") ? attendanceColumns : DefaultAttendanceColumns);
                    break;
            }
        }

        private static readonly Dictionary<string, int> DefaultActionColumns = new()
        {
            ["title"] = 0, ["owner"] = 1, ["due"] = 2, ["lead"] = 3, ["cooperating"] = 4, ["agenda"] = 5, ["status"] = 6,
        };
        private static readonly Dictionary<string, int> DefaultDecisionColumns = new() { ["text"] = 0, ["owner"] = 1, ["agenda"] = 2 };
        private static readonly Dictionary<string, int> DefaultAttendanceColumns = new() { ["name"] = 0, ["status"] = 3 };

        private static Dictionary<string, int> Columns(GridRow header, IReadOnlyDictionary<string, string[]> meanings) => TableHeaders.Columns(header, meanings);

        private static string HeaderWord(string text) => TableHeaders.Word(text);

        private string Cell(GridRow row, Dictionary<string, int> map, string key, RowLocation at) =>
            Typed(map.TryGetValue(key, out var i) && i < row.Cells.Length ? row.Cells[i].Trim() : "", at, key);

        /// <summary>
        /// The cell's text without characters nobody types (a DEL or a stray control pasted from another program):
        /// they would be refused if typed into the pane, so they are dropped here, once, with a warning naming the cell.
        /// </summary>
        private string Typed(string text, RowLocation at, string? column)
        {
            var clean = TypedText.Strip(text);
            if (!ReferenceEquals(clean, text) && _stripped.Add($"{at}|{column}"))
                Warn(at, column, "controlCharacters", [], "Control characters that cannot be shown were removed from this cell.");
            return clean;
        }

        /// <summary>Dates already read: a long table repeats the same few.</summary>
        private readonly Dictionary<string, DateOnly?> _dates = new(StringComparer.Ordinal);

        private bool TryDate(string text, out DateOnly date)
        {
            if (!_dates.TryGetValue(text, out var known))
            {
                known = DueDates.TryParse(text, context.MeetingDate, out var parsed) ? parsed : null;
                if (_dates.Count < 1_000) _dates[text] = known;
            }
            date = known.GetValueOrDefault();
            return known is not null;
        }

        private void Warn(RowLocation at, string? column, string code, string[] args, string message) => _warnings.Add(new MinutesWarning(at, column, code, args, message));

        private void ReadAction(GridRow row, Dictionary<string, int> map, int table)
        {
            var at = new RowLocation(MinutesPart.ActionItems, row.Number, table);
            var empty = true;
            foreach (var key in map.Keys)
                if (Cell(row, map, key, at).Length > 0) { empty = false; break; }
            if (empty) return;
            var title = Cell(row, map, "title", at);
            if (title.Length == 0)
            {
                Warn(at, null, "emptyAction", [], "This row has no action written in it, so it was skipped.");
                return;
            }
            var ownerText = Cell(row, map, "owner", at);
            var owner = ResolveOwner(ownerText, at, "owner", required: true);
            DateOnly? due = null;
            var dueText = Cell(row, map, "due", at);
            if (dueText.Length == 0) Warn(at, "due", "noDueDate", [], "No due date: every action item needs one.");
            else if (TryDate(dueText, out var parsed)) due = parsed;
            else Warn(at, "due", "badDueDate", [dueText], $"'{dueText}' is not a date we can read. Write it like 2026-12-01, 12月1日 or next Friday.");
            var cooperating = Departments(Cell(row, map, "cooperating", at));
            var lead = Cell(row, map, "lead", at);
            var status = Cell(row, map, "status", at);
            string? normalizedStatus = null;
            if (status.Length > 0 && (normalizedStatus = Status(status)) is null)
                Warn(at, "status", "badStatus", [status], $"'{status}' is not a status. Use open, in progress, done or blocked (未开始 / 进行中 / 已完成 / 阻塞).");
            var id = MinutesTags.Parse(row.Tag) is (MinutesTags.ActionRow, { } value) && Guid.TryParse(value, out var g) ? g : (Guid?)null;
            var agenda = Cell(row, map, "agenda", at);
            _actions.Add(new ActionRow(at, id, title, ownerText, owner, dueText, due, lead.Length == 0 ? null : lead, cooperating,
                agenda, ResolveAgenda(agenda, at), normalizedStatus));
        }

        /// <summary>Department lists already split: rows share the answer (it is never changed after reading).</summary>
        private readonly Dictionary<string, IReadOnlyList<string>> _departments = new(StringComparer.Ordinal);

        private IReadOnlyList<string> Departments(string text)
        {
            if (text.Length == 0) return [];
            if (_departments.TryGetValue(text, out var known)) return known;
            var list = SplitList().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToArray();
            if (_departments.Count < 1_000) _departments[text] = list;
            return list;
        }

        private void ReadDecision(GridRow row, Dictionary<string, int> map, int table)
        {
            var at = new RowLocation(MinutesPart.Decisions, row.Number, table);
            var text = Cell(row, map, "text", at);
            if (text.Length == 0) return;
            var ownerText = Cell(row, map, "owner", at);
            var owner = ownerText.Length > 0 ? ResolveOwner(ownerText, at, "owner", required: false) : OwnerWrittenIn(text, at);
            var id = MinutesTags.Parse(row.Tag) is (MinutesTags.DecisionRow, { } value) && Guid.TryParse(value, out var g) ? g : (Guid?)null;
            _decisions.Add(new DecisionRow(at, id, text, owner, ResolveAgenda(Cell(row, map, "agenda", at), at)) { Due = DecisionDue(Cell(row, map, "due", at), at) });
            if (_section is not null) _section.Found++;
        }

        private void ReadAttendance(GridRow row, Dictionary<string, int> map)
        {
            var at = new RowLocation(MinutesPart.Attendance, row.Number);
            var name = Cell(row, map, "name", at);
            var mark = Cell(row, map, "status", at);
            var email = MinutesTags.Parse(row.Tag) is (MinutesTags.Attendee, { } e) ? e : _people.Resolve(name).Person?.Email;
            if (name.Length == 0 && email is null) return;
            var (status, delegateName) = Attendance(mark);
            if (status is null)
            {
                Warn(at, "attendance", "badAttendance", [mark], $"'{mark}' is not present, absent or delegate (出席 / 缺席 / 代理).");
                status = "unknown";
            }
            _attendance.Add(new AttendanceRow(at, email, name, status, delegateName));
        }

        private ResolvedPerson? ResolveOwner(string text, RowLocation at, string column, bool required)
        {
            var (result, person) = _people.Resolve(text);
            switch (result)
            {
                case People.Match.Unknown when _people.Close(text) is { Count: > 0 } close:
                    var names = string.Join(", ", close.Select(p => $"{p.DisplayName} <{p.Email}>"));
                    Warn(at, column, "unknownPersonClose", [text, names], $"Could not match '{text}' to an attendee. Did you mean {names}? Write their name as invited, their email, or @name.");
                    break;
                case People.Match.Unknown: Warn(at, column, "unknownPerson", [text], $"Could not match '{text}' to an attendee. Write their name as invited, their email, or @name."); break;
                case People.Match.Ambiguous: Warn(at, column, "ambiguousPerson", [text], $"'{text}' matches more than one attendee. Write their email instead."); break;
                case People.Match.Empty when required: Warn(at, column, "noOwner", [], "No owner: every action item needs one."); break;
            }
            return person;
        }

        /// <summary>Agenda references already resolved (null: not an agenda item of this meeting).</summary>
        private readonly Dictionary<string, Guid?> _agenda = new(StringComparer.Ordinal);

        private Guid? ResolveAgenda(string text, RowLocation at)
        {
            if (text.Length == 0) return null;
            if (!_agenda.TryGetValue(text, out var id))
            {
                var number = AgendaNumber().Match(text);
                var item = number.Success
                    ? int.TryParse(number.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? context.Agenda.FirstOrDefault(a => a.Number == n) : null
                    : context.Agenda.FirstOrDefault(a => string.Equals(a.Topic.Trim(), text, StringComparison.OrdinalIgnoreCase));
                id = item?.Id;
                if (_agenda.Count < 1_000) _agenda[text] = id;
            }
            if (id is null) Warn(at, "agenda", "unknownAgendaItem", [text], $"'{text}' is not an agenda item of this meeting. Write its number (1, 2, …) or its topic.");
            return id;
        }

        /// <summary>Word's "insert row" copies the row's content control, tag and all. One row keeps the id; the copies are new items.</summary>
        private List<ActionRow> KeepIdsOnce(List<ActionRow> rows)
        {
            var result = rows.ToList();
            foreach (var group in rows.Where(r => r.Id is not null).GroupBy(r => r.Id!.Value).Where(g => g.Count() > 1))
            {
                var known = context.KnownTitles.GetValueOrDefault(group.Key);
                var keeper = group.FirstOrDefault(r => known is not null && string.Equals(r.Title.Trim(), known.Trim(), StringComparison.OrdinalIgnoreCase)) ?? group.First();
                foreach (var copy in group.Where(r => !ReferenceEquals(r, keeper)))
                    result[result.IndexOf(copy)] = copy with { Id = null };
            }
            return result;
        }

        private static string? Status(string text) => HeaderWord(text) switch
        {
            "open" or "not started" or "to do" or "todo" or "未开始" or "待办" or "打开" => "open",
            "in progress" or "inprogress" or "ongoing" or "doing" or "进行中" or "处理中" => "inProgress",
            "done" or "complete" or "completed" or "finished" or "已完成" or "完成" => "done",
            "blocked" or "stuck" or "阻塞" or "受阻" => "blocked",
            "cancelled" or "canceled" or "已取消" or "取消" => "cancelled",
            _ => null,
        };

        private static (string? Status, string? Delegate) Attendance(string text)
        {
            var t = HeaderWord(text);
            if (t.Length == 0) return ("unknown", null);
            if (t is "present" or "yes" or "y" or "attended" or "出席" or "到" or "已到" or "是" or "✓" or "√" or "✔") return ("present", null);
            if (t is "absent" or "no" or "n" or "缺席" or "未到" or "请假" or "否" or "×" or "x" or "✗") return ("absent", null);
            var delegated = Delegate().Match(t);
            return delegated.Success ? ("delegate", delegated.Groups["who"].Value.Trim() is { Length: > 0 } who ? who : null) : (null, null);
        }

        [GeneratedRegex(@"[,，、;；/]")] private static partial Regex SplitList();
        [GeneratedRegex(@"^(#|no\.?\s*|item\s*|议题\s*|第\s*)?(?<n>\d+)(\s*项)?([.、)]|\s|$)")] private static partial Regex AgendaNumber();
        [GeneratedRegex(@"^(delegate|delegated|代理|委托|代)\s*(to|by|:|：)?\s*(?<who>.*)$")] private static partial Regex Delegate();
    }
}
