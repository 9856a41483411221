using DocumentFormat.OpenXml.Wordprocessing;
using static CollabAddin.Minutes.Tests.Sample;

namespace CollabAddin.Minutes.Tests;

/// <summary>Every way people treat a minutes document, each as its own fixture.</summary>
public sealed class ReaderTests
{
    [Fact]
    public void The_untouched_template_has_no_items_and_nothing_to_warn_about()
    {
        var read = Read(Template());
        Assert.Empty(read.ActionItems);
        Assert.Empty(read.Decisions);
        Assert.Empty(read.Warnings);
        Assert.Equal(5, read.Attendance.Count);
        Assert.All(read.Attendance, a => Assert.Equal("unknown", a.Status));
        Assert.Equal([LaunchDate, Campaign], read.Notes.Select(n => n.AgendaItemId));
    }

    [Fact]
    public void A_filled_in_template_reads_back_everything_with_its_location()
    {
        var docx = Edit(Template(), body =>
        {
            var rows = ActionRows(body);
            Fill(rows[0], "Draft the campaign", "Carol Zhang", "2026-12-01", "Marketing", "Sales, Product", "2", "in progress");
            Fill(rows[2], "Book the launch venue", "alice@contoso.example", "下周五", "Product", "", "Launch date", "");
            var attendance = body.Descendants<SdtRow>().Where(r => r.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value!.StartsWith(MinutesTags.Attendee, StringComparison.Ordinal)).ToList();
            Fill(attendance[0].Descendants<TableRow>().Single(), "Alice Wang", "Product", "core", "出席");
            Fill(attendance[4].Descendants<TableRow>().Single(), "Dave Chen", "Sales", "optional", "代理：Erin Wu");
            var notes = body.Descendants<SdtBlock>().First(b => b.SdtProperties!.GetFirstChild<Tag>()!.Val == $"collab:notes:{Campaign}");
            notes.SdtContentBlock!.Append(new Paragraph(new Run(new Text("Budget is tight."))), new Paragraph(new Run(new Text("市场部先出初稿。"))));
            var decisions = body.Descendants<SdtBlock>().First(b => b.SdtProperties!.GetFirstChild<Tag>()!.Val == $"collab:agenda-decisions:{LaunchDate}");
            decisions.SdtContentBlock!.Append(new Paragraph(new Run(new Text("Launch on 7 Dec."))));
            var decisionRow = body.Descendants<SdtRow>().Single(r => r.SdtProperties!.GetFirstChild<Tag>()!.Val == MinutesTags.DecisionRow);
            Fill(decisionRow, "Sales co-owns the campaign", "@dave", "2");
        });

        var read = Read(docx);

        Assert.Empty(read.Warnings);
        Assert.Equal(2, read.ActionItems.Count);
        var campaign = read.ActionItems[0];
        Assert.Equal(("Draft the campaign", "carol@contoso.example", new DateOnly(2026, 12, 1), "Marketing", Campaign, "inProgress"),
            (campaign.Title, campaign.Owner!.Email, campaign.Due, campaign.LeadDepartment, campaign.AgendaItemId, campaign.Status));
        Assert.Equal(["Sales", "Product"], campaign.CooperatingDepartments);
        Assert.Equal("Action items, row 2", campaign.Location.ToString());
        Assert.Null(campaign.Id);
        var venue = read.ActionItems[1];
        Assert.Equal((new DateOnly(2026, 11, 27), LaunchDate, "Action items, row 4"), (venue.Due, venue.AgendaItemId, venue.Location.ToString()));
        Assert.Equal(("present", "absent"), (read.Attendance[0].Status, read.Attendance[4].Status == "delegate" ? "absent" : "?"));
        Assert.Equal(("delegate", "erin wu"), (read.Attendance[4].Status, read.Attendance[4].Delegate));
        Assert.Equal("Budget is tight.\n市场部先出初稿。", read.Notes.Single(n => n.AgendaItemId == Campaign).Notes);
        Assert.Equal(["Launch on 7 Dec.", "Sales co-owns the campaign"], read.Decisions.Select(d => d.Text));
        Assert.Equal((LaunchDate, Campaign, "dave@contoso.example"), (read.Decisions[0].AgendaItemId, read.Decisions[1].AgendaItemId, read.Decisions[1].Owner!.Email));
    }

    [Fact]
    public void A_filled_in_chinese_template_reads_back_the_same_way()
    {
        var docx = Edit(Template(chinese: true), body =>
        {
            Fill(ActionRows(body)[0], "准备宣传方案", "陈伟", "12月1日", "市场部", "销售部、产品部", "2", "进行中");
            var attendance = body.Descendants<SdtRow>().First(r => r.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value!.StartsWith(MinutesTags.Attendee, StringComparison.Ordinal));
            Fill(attendance.Descendants<TableRow>().Single(), "Alice Wang", "Product", "核心", "缺席");
        });
        var read = Read(docx);
        Assert.Empty(read.Warnings);
        var item = Assert.Single(read.ActionItems);
        Assert.Equal(("chen.wei@contoso.example", new DateOnly(2026, 12, 1), "市场部", Campaign, "inProgress"),
            (item.Owner!.Email, item.Due!.Value, item.LeadDepartment, item.AgendaItemId, item.Status));
        Assert.Equal(["销售部", "产品部"], item.CooperatingDepartments);
        Assert.Equal("absent", read.Attendance[0].Status);
    }

    [Fact]
    public void Rows_added_with_insert_row_repeat_the_tag_and_only_the_original_keeps_the_id()
    {
        var id = Guid.NewGuid();
        var published = new MinutesActionItem(id, "Draft the campaign", "Carol Zhang", new DateOnly(2026, 12, 1), "Marketing", [], 2, "open");
        var docx = Edit(Template(false, published), body =>
        {
            var original = ActionRows(body)[0];
            var copy = (SdtRow)original.CloneNode(true); // what "insert row above" does: same content control, same tag
            Fill(copy, "Brief the agency", "Dave Chen", "12/3");
            original.InsertBeforeSelf(copy);
        });

        var read = Read(docx, Context(new Dictionary<Guid, string> { [id] = "Draft the campaign" }));

        Assert.Equal(["Brief the agency", "Draft the campaign"], read.ActionItems.Select(a => a.Title));
        Assert.Equal([null, id], read.ActionItems.Select(a => a.Id));
    }

    [Fact]
    public void When_content_controls_are_removed_the_table_is_still_read_by_its_header()
    {
        var docx = Edit(Template(), body =>
        {
            var table = ActionTable(body);
            Fill(ActionRows(body)[0], "Draft the campaign", "Carol Zhang", "2026-12-01");
            foreach (var sdt in table.Elements<SdtRow>().ToList())
            {
                var row = sdt.Descendants<TableRow>().Single();
                row.Remove();
                sdt.InsertBeforeSelf(row);
                sdt.Remove();
            }
            table.GetFirstChild<TableProperties>()!.RemoveAllChildren<TableCaption>();
        });
        var item = Assert.Single(Read(docx).ActionItems);
        Assert.Equal(("Draft the campaign", "carol@contoso.example", (Guid?)null), (item.Title, item.Owner!.Email, item.Id));
    }

    [Fact]
    public void A_hand_typed_chinese_table_in_any_column_order_with_extra_columns_is_read()
    {
        var docx = Document(
            new Paragraph(new Run(new Text("会议纪要"))),
            PlainTable(["序号", "负责人", "事项", "备注", "完成时间", "协作部门", "主导部门"],
                ["1", "陈伟", "准备宣传方案", "优先", "12月1日", "销售部、产品部", "市场部"],
                ["2", "@bob", "冻结发布版本", "", "2026年12月5日", "", "研发部"]));

        var read = Read(docx);

        Assert.Empty(read.Warnings);
        Assert.Equal(["准备宣传方案", "冻结发布版本"], read.ActionItems.Select(a => a.Title));
        var first = read.ActionItems[0];
        Assert.Equal(("chen.wei@contoso.example", new DateOnly(2026, 12, 1), "市场部"), (first.Owner!.Email, first.Due, first.LeadDepartment));
        Assert.Equal(["销售部", "产品部"], first.CooperatingDepartments);
        Assert.Equal(("bob@contoso.example", new DateOnly(2026, 12, 5)), (read.ActionItems[1].Owner!.Email, read.ActionItems[1].Due));
    }

    [Fact]
    public void A_hand_typed_english_table_is_read_too()
    {
        var docx = Document(PlainTable(["Task", "Deadline", "Assignee", "Lead", "Cooperating"],
            ["Price list", "Dec 4", "Alice Wang <alice@contoso.example>", "Product", "Finance; Sales"]));
        var item = Assert.Single(Read(docx).ActionItems);
        Assert.Equal(("Price list", new DateOnly(2026, 12, 4), "alice@contoso.example"), (item.Title, item.Due, item.Owner!.Email));
        Assert.Equal(["Finance", "Sales"], item.CooperatingDepartments);
    }

    [Fact]
    public void Unknown_and_ambiguous_owners_and_unreadable_dates_are_warnings_naming_the_cell()
    {
        var people = Context().People.Append(new ResolvedPerson("alice.w@contoso.example", "Alice Wang")).ToList();
        var docx = Document(PlainTable(["Action", "Owner", "Due"],
            ["Ship it", "Zhang San", "soon-ish"],
            ["Review it", "Alice Wang", "2026-13-45"],
            ["", "Bob Li", "tomorrow"]));

        var read = Read(docx, Context() with { People = people });

        Assert.Equal([
            "Action items, row 2, owner: Could not match 'Zhang San' to an attendee. Write their name as invited, their email, or @name.",
            "Action items, row 2, due date: 'soon-ish' is not a date we can read. Write it like 2026-12-01, 12月1日 or next Friday.",
            "Action items, row 3, owner: 'Alice Wang' matches more than one attendee. Write their email instead.",
            "Action items, row 3, due date: '2026-13-45' is not a date we can read. Write it like 2026-12-01, 12月1日 or next Friday.",
            "Action items, row 4: This row has no action written in it, so it was skipped.",
        ], read.Warnings.Select(w => $"{w.Location}: {w.Message}"));
        Assert.Equal(2, read.ActionItems.Count);
        Assert.All(read.ActionItems, a => Assert.Null(a.Owner));
    }

    [Fact]
    public void Merged_cells_and_empty_rows_are_read_as_a_person_sees_them()
    {
        var header = PlainRow("Action", "Owner", "Due", "Lead");
        var first = PlainRow("Draft the campaign", "Carol Zhang", "2026-12-01", "Marketing");
        first.Elements<TableCell>().ElementAt(3).PrependChild(new TableCellProperties(new VerticalMerge { Val = MergedCellValues.Restart }));
        var second = PlainRow("Brief the agency", "Dave Chen", "2026-12-02", "");
        second.Elements<TableCell>().ElementAt(3).PrependChild(new TableCellProperties(new VerticalMerge()));
        var spanned = new TableRow(
            new TableCell(new TableCellProperties(new GridSpan { Val = 2 }), new Paragraph(new Run(new Text("Note: both due before launch")))),
            new TableCell(new Paragraph()), new TableCell(new Paragraph()));
        var table = new Table(new TableProperties(), new TableGrid(Enumerable.Range(0, 4).Select(_ => new GridColumn { Width = "2000" })),
            header, first, second, PlainRow("", "", "", ""), spanned);

        var read = Read(Document(table));

        Assert.Equal(["Draft the campaign", "Brief the agency", "Note: both due before launch"], read.ActionItems.Select(a => a.Title));
        Assert.Equal("Marketing", read.ActionItems[1].LeadDepartment); // the merged cell's text, on every row it covers
        Assert.Null(read.ActionItems[2].Owner); // the spanned row is a note, and says so in the warnings
        Assert.Contains(read.Warnings, w => w.Location == "Action items, row 5, owner");
    }

    [Fact]
    public void Tracked_changes_read_as_accepted_and_text_split_across_runs_is_joined()
    {
        var title = new Paragraph(
            new Run(new Text("Draft the ")),
            new DeletedRun(new Run(new DeletedText("old "))) { Id = "1", Author = "Bob" },
            new InsertedRun(new Run(new Text("final "))) { Id = "2", Author = "Bob" },
            new Run(new RunProperties(new Bold()), new Text("camp")), new Run(new Text("aign")));
        var row = new TableRow(new TableCell(title), new TableCell(new Paragraph(new Run(new Text("Carol "), new Text("Zhang")))),
            new TableCell(new Paragraph(new Run(new Text("2026-12-01")))));
        var table = new Table(new TableProperties(), new TableGrid(new GridColumn(), new GridColumn(), new GridColumn()), PlainRow("Action", "Owner", "Due"), row);

        var item = Assert.Single(Read(Document(table)).ActionItems);

        Assert.Equal(("Draft the final campaign", "carol@contoso.example"), (item.Title, item.Owner!.Email));
    }

    [Fact]
    public void Tables_that_are_not_minutes_are_left_alone()
    {
        var read = Read(Document(PlainTable(["Quarter", "Revenue"], ["Q3", "12"]), PlainTable(["Risk", "Mitigation"], ["Late", "Start early"])));
        Assert.Empty(read.ActionItems);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void An_agenda_number_too_long_for_any_meeting_is_a_warning_not_a_failure()
    {
        // "Item 99999999999" once overflowed the number parser and failed the whole publish.
        var table = PlainTable(["Action", "Owner", "Due", "Agenda item"], ["Book the venue", "Alice Wang", "2026-12-01", "Item 99999999999"]);

        var read = Read(Document(table));

        Assert.Null(Assert.Single(read.ActionItems).AgendaItemId);
        Assert.Equal(("unknownAgendaItem", "Action items, row 2, agenda item"), (Assert.Single(read.Warnings).Code, read.Warnings[0].Location));
    }
}
