using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CollabAddin.Minutes;

/// <summary>
/// Writes the minutes template for a meeting, in zh-CN or en-US: facts, goal, attendance, one section per agenda
/// item (notes and decisions), the action-items table, the decisions table and the next meeting. The parts a
/// note-taker fills in are content controls with stable tags, so <see cref="MinutesReader"/> finds them after editing.
/// </summary>
public static class MinutesWriter
{
    private const int EmptyActionRows = 3;

    public static byte[] Write(MinutesMeeting meeting, bool chinese)
    {
        using var stream = new MemoryStream();
        Write(meeting, chinese, stream);
        return stream.ToArray();
    }

    public static void Write(MinutesMeeting meeting, bool chinese, Stream output)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document, autoSave: true);
        var main = document.AddMainDocumentPart();
        MinutesStyles.AddTo(main, chinese);
        var writer = new Builder(meeting, chinese);
        main.Document = new Document(writer.Body());
        document.PackageProperties.Title = TypedText.Strip($"{MinutesLabels.Get("title", chinese)}: {meeting.Subject}");
        document.PackageProperties.Creator = "CollabAddin";
        document.PackageProperties.Language = chinese ? "zh-CN" : "en-US";
    }

    private sealed class Builder(MinutesMeeting m, bool zh)
    {
        private uint _nextId = 1;
        private string L(string key) => MinutesLabels.Get(key, zh);
        private string NameOf(string email) => m.People.FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase))?.DisplayName ?? email;
        private string WithRole(Func<MinutesPerson, bool> role) => string.Join(zh ? "、" : ", ", m.People.Where(role).Select(p => p.DisplayName));

        public Body Body()
        {
            var body = new Body();
            if (m.Approval is { } approval) body.Append(MinutesStamp.Paragraph(approval, zh));
            body.Append(Para($"{L("title")}: {m.Subject}", MinutesStyles.Title));
            body.Append(Facts());
            body.Append(Para(L("goal"), MinutesStyles.Heading1));
            body.Append(Para(m.Goal ?? ""));
            body.Append(Para(L("attendance"), MinutesStyles.Heading1));
            body.Append(AttendanceTable());
            if (m.OpenItems.Count > 0)
            {
                // The series' carried work comes first, as the guides' weekly sync starts with last week's items.
                body.Append(Para(L("openItems"), MinutesStyles.Heading1));
                body.Append(Hint(L("openItemsHint")));
                body.Append(OpenItemsTable());
            }
            body.Append(Para(L("agenda"), MinutesStyles.Heading1));
            if (m.Agenda.Count == 0) body.Append(Para(L("noAgenda"))); // never a heading over nothing
            foreach (var item in m.Agenda.OrderBy(a => a.Number))
                foreach (var element in AgendaSection(item))
                    body.Append(element);
            body.Append(Para(L("actions"), MinutesStyles.Heading1));
            body.Append(ActionTable());
            body.Append(Para(L("decisions"), MinutesStyles.Heading1));
            body.Append(DecisionTable());
            body.Append(Para(L("next"), MinutesStyles.Heading1));
            // Never a heading over nothing: a line says what belongs here. It sits outside the control, so the reader
            // (which reads only the control) never takes it for the next meeting.
            body.Append(Hint(L("nextHint")));
            body.Append(Block(MinutesTags.NextMeeting, L("next"), Para("")));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Right = 1134, Bottom = 1134, Left = 1134, Header = 708, Footer = 708, Gutter = 0 }));
            return body;
        }

        private Table Facts()
        {
            var culture = CultureInfo.GetCultureInfo(zh ? "zh-CN" : "en-US");
            var when = $"{m.Start.ToString(zh ? "yyyy年M月d日 dddd HH:mm" : "dddd d MMMM yyyy HH:mm", culture)}–{m.End:HH:mm} ({m.TimeZone})";
            var place = string.Join(" · ", new[] { m.Location, m.JoinUrl is null ? null : $"{L("online")}: {m.JoinUrl}" }.Where(s => !string.IsNullOrWhiteSpace(s)));
            var rows = new[]
            {
                (L("time"), when), (L("place"), place), (L("host"), WithRole(p => p.Host)),
                (L("noteTaker"), WithRole(p => p.NoteTaker)), (L("timekeeper"), WithRole(p => p.Timekeeper)),
            };
            var table = NewTable([2200, 7400]);
            foreach (var (label, value) in rows)
                table.Append(new TableRow(Cell(label, 2200, bold: true), Cell(value, 7400)));
            table.GetFirstChild<TableProperties>()!.Append(new TableCaption { Val = MinutesTags.Facts });
            return table;
        }

        private Table AttendanceTable()
        {
            int[] widths = [2600, 2600, 1800, 2600];
            var table = NewTable(widths);
            table.Append(HeaderRow(widths, L("name"), L("department"), L("role"), L("present")));
            foreach (var p in m.People)
                table.Append(SdtRowOf(MinutesTags.With(MinutesTags.Attendee, p.Email), p.DisplayName,
                    Row(widths, p.DisplayName, p.Department ?? "", L(p.Core ? "core" : "optional"), Attended(p))));
            return table;
        }

        private string Attended(MinutesPerson p) => p.Attendance switch
        {
            "present" or "absent" => L("attendance." + p.Attendance),
            "delegate" => p.Delegate is null ? L("attendance.delegate") : $"{L("attendance.delegate")}{(zh ? "：" : ": ")}{p.Delegate}",
            _ => "",
        };

        private IEnumerable<OpenXmlElement> AgendaSection(MinutesAgendaItem item)
        {
            yield return Para($"{item.Number}. {item.Topic}", MinutesStyles.Heading2);
            var actual = item.ActualMinutes is { } taken ? $" · {L("actual")}: {taken} {L("minutes")}" : "";
            yield return Para($"{L("owner")}: {NameOf(item.OwnerEmail)} · {L("planned")}: {item.PlannedMinutes} {L("minutes")}{actual} · {L("expected")}: {item.ExpectedOutput}");
            yield return Para(L("notes"), bold: true);
            yield return Block(MinutesTags.With(MinutesTags.Notes, item.Id), $"{L("notes")} {item.Number}", Para(""));
            yield return Para(L("agendaDecisions"), bold: true);
            yield return Block(MinutesTags.With(MinutesTags.AgendaDecisions, item.Id), $"{L("agendaDecisions")} {item.Number}", Para("", MinutesStyles.ListBullet));
        }

        private Table ActionTable()
        {
            // 9,600 of the page's 9,638 twips, in a fixed layout (autofit let LibreOffice squeeze the due column back to
            // "2026-12- / 01"): wide enough that no header word ("department", "Cooperating", "Agenda", "所属议题") and no usual
            // Latin name breaks inside itself, and the due column fits "2026-12-01" on one line.
            int[] widths = [1800, 1300, DateColumn, 1300, 1500, 1100, 1200];
            var table = NewTable(widths);
            table.GetFirstChild<TableProperties>()!.Append(new TableCaption { Val = MinutesTags.ActionTable });
            table.Append(HeaderRow(widths, L("what"), L("owner"), L("due"), L("lead"), L("cooperating"), L("agendaItem"), L("status")));
            foreach (var a in m.ActionItems)
                table.Append(SdtRowOf(MinutesTags.With(MinutesTags.ActionRow, a.Id), L("what"), Row(widths, a.Title, a.OwnerName,
                    a.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", a.Lead ?? "", string.Join(zh ? "、" : ", ", a.Cooperating),
                    a.AgendaNumber?.ToString(CultureInfo.InvariantCulture) ?? "", MinutesLabels.Status(a.Status, zh))));
            for (var i = 0; i < EmptyActionRows; i++)
                table.Append(SdtRowOf(MinutesTags.ActionRow, L("what"), Row(widths, "", "", "", "", "", "", "")));
            return table;
        }

        /// <summary>An action table (same caption and row tags, so the reader merges it like the one below) with the progress so far.</summary>
        private Table OpenItemsTable()
        {
            int[] widths = [2700, 1400, DateColumn, 1200, 2900];
            var table = NewTable(widths);
            table.GetFirstChild<TableProperties>()!.Append(new TableCaption { Val = MinutesTags.ActionTable });
            table.Append(HeaderRow(widths, L("what"), L("owner"), L("due"), L("status"), L("progress")));
            foreach (var a in m.OpenItems)
                table.Append(SdtRowOf(MinutesTags.With(MinutesTags.ActionRow, a.Id), L("what"), Row(widths, a.Title, a.OwnerName,
                    a.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", MinutesLabels.Status(a.Status, zh),
                    // "from 24 Nov" / "来自 11月24日": short, so the narrow column never breaks a date in two.
                    $"{a.Progress}{(string.IsNullOrEmpty(a.Progress) ? "" : " · ")}{L("from")} {a.From.ToString(zh ? "M月d日" : "d MMM", CultureInfo.GetCultureInfo(zh ? "zh-CN" : "en-US"))}")));
            return table;
        }

        private Table DecisionTable()
        {
            int[] widths = [5600, 2000, 2000];
            var table = NewTable(widths);
            table.GetFirstChild<TableProperties>()!.Append(new TableCaption { Val = MinutesTags.DecisionTable });
            table.Append(HeaderRow(widths, L("decision"), L("owner"), L("agendaItem")));
            foreach (var d in m.Decisions)
                table.Append(SdtRowOf(MinutesTags.With(MinutesTags.DecisionRow, d.Id), L("decision"),
                    Row(widths, d.Text, d.OwnerName ?? "", d.AgendaNumber?.ToString(CultureInfo.InvariantCulture) ?? "")));
            table.Append(SdtRowOf(MinutesTags.DecisionRow, L("decision"), Row(widths, "", "", "")));
            return table;
        }

        private static Table NewTable(int[] widths) => new(
            new TableProperties(
                new TableStyle { Val = MinutesStyles.TableGrid },
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = true, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        private static TableRow HeaderRow(int[] widths, params string[] labels)
        {
            var row = new TableRow(new TableRowProperties(new TableHeader()));
            for (var i = 0; i < labels.Length; i++)
                row.Append(Cell(labels[i], widths[i], bold: true, shade: true));
            return row;
        }

        private static TableRow Row(int[] widths, params string[] values)
        {
            var row = new TableRow();
            for (var i = 0; i < values.Length; i++)
                row.Append(Cell(values[i], widths[i]));
            return row;
        }

        /// <summary>Twips wide enough for an ISO date at the body size; its cells never wrap.</summary>
        private const int DateColumn = 1400;

        private static TableCell Cell(string text, int width, bool bold = false, bool shade = false)
        {
            var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (shade) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "DEEAF6" });
            if (width == DateColumn) properties.Append(new NoWrap());
            return new TableCell(properties, Para(text, bold: bold));
        }

        private static Paragraph Hint(string text) => new(new Run(
            new RunProperties(new Italic(), new Color { Val = "6B6B6B" }),
            new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

        private SdtRow SdtRowOf(string tag, string alias, TableRow row) =>
            new(new SdtProperties(new SdtAlias { Val = TypedText.Strip(alias) }, new Tag { Val = tag }, new SdtId { Val = (int)_nextId++ }), new SdtContentRow(row));

        private SdtBlock Block(string tag, string alias, params Paragraph[] content) =>
            new(new SdtProperties(new SdtAlias { Val = TypedText.Strip(alias) }, new Tag { Val = tag }, new SdtId { Val = (int)_nextId++ }), new SdtContentBlock(content));

        private static Paragraph Para(string text, string? style = null, bool bold = false)
        {
            var paragraph = new Paragraph();
            if (style is not null) paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
            text = TypedText.Strip(text); // stored text that cannot live in XML must not break the document
            if (text.Length > 0)
            {
                var run = new Run();
                if (bold) run.Append(new RunProperties(new Bold()));
                run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
                paragraph.Append(run);
            }
            return paragraph;
        }
    }
}
