using DocumentFormat.OpenXml.Wordprocessing;
using static CollabAddin.Minutes.Tests.Sample;

namespace CollabAddin.Minutes.Tests;

/// <summary>
/// Decisions as people type them: under a heading, as a list, one paragraph each, or a table. The LibreOffice
/// fixtures (Fixtures/src/decisions-*.html) are what another program writes; the in-memory documents are the edge cases.
/// </summary>
public sealed class HandTypedDecisionTests
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    [Fact]
    public void A_numbered_chinese_heading_followed_by_a_numbered_list_gives_one_decision_per_item()
    {
        var read = Read(Fixture("decisions-zh-list.docx"));

        Assert.Equal(["发布日期定为12月7日。", "市场部牵头发布会，销售部协作（负责人：陈伟）。", "第三季度市场预算上限为 80 万元。"], read.Decisions.Select(d => d.Text));
        Assert.Equal(["Decisions list, item 1", "Decisions list, item 2", "Decisions list, item 3"], read.Decisions.Select(d => d.Location.ToString()));
        Assert.Equal("chen.wei@contoso.example", read.Decisions[1].Owner?.Email); // "（负责人：陈伟）" names the owner
        Assert.Null(read.Decisions[0].Owner);
        // The "三、行动项" heading ends the decisions: its table is read as action items, and "四、决定事项：暂无" says there were none.
        Assert.Equal("准备发布会宣传方案", Assert.Single(read.ActionItems).Title);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void Chinese_paragraphs_and_a_table_under_decision_headings_are_decisions_and_an_unreadable_section_is_a_warning()
    {
        var read = Read(Fixture("decisions-zh-paragraphs.docx"));

        Assert.Equal(["测试环境由研发部在下周一前腾出两台服务器。", "外包预算从市场部预算中列支（负责人：王方）。", "每周五下午同步一次进度。", "采购申请由财务部当天审批。"],
            read.Decisions.Select(d => d.Text));
        Assert.Equal(new DateOnly(2026, 12, 3), read.Decisions[3].Due); // the table's 截止日期 column
        Assert.Equal([
            ("Decisions list, item 2, owner", "unknownPerson"),
            ("Decisions list (3)", "decisionsUnread"), // "会议决议" followed by a bare bullet: there was something, nothing readable
        ], read.Warnings.Select(w => (w.Location, w.Code)));
    }

    [Fact]
    public void English_bullets_with_sub_items_and_an_inline_decision_are_read_and_an_empty_section_is_a_warning()
    {
        var read = Read(Fixture("decisions-en-list.docx"));

        Assert.Equal([
            "The launch date is 7 December.\nSubject to the legal review on 1 December.", // a sub-bullet explains its decision
            "Marketing leads the launch event (owner: Carol Zhang).",
            "the budget cap is EUR 80,000.",
        ], read.Decisions.Select(d => d.Text));
        Assert.Equal("carol@contoso.example", read.Decisions[1].Owner?.Email);
        Assert.Equal("Draft the campaign brief", Assert.Single(read.ActionItems).Title);
        var warning = Assert.Single(read.Warnings);
        Assert.Equal(("Decisions list (3)", "decisionsEmpty"), (warning.Location, warning.Code));
    }

    [Fact]
    public void An_english_decisions_table_with_due_dates_names_the_owners_it_could_not_match_and_offers_close_attendees()
    {
        var read = Read(Fixture("decisions-en-table.docx"));

        Assert.Equal(["Roll back the payment release.", "Add a canary stage to every release."], read.Decisions.Select(d => d.Text));
        Assert.Equal(new DateOnly(2026, 11, 18), read.Decisions[0].Due);
        Assert.All(read.Decisions, d => Assert.Null(d.Owner)); // never a guess
        Assert.Equal([
            "Decisions, row 2, owner: Could not match 'Wang Fang' to an attendee. Write their name as invited, their email, or @name.",
            "Decisions, row 3, owner: Could not match 'Li Bob' to an attendee. Did you mean Bob Li <bob@contoso.example>? Write their name as invited, their email, or @name.",
            "Decisions, row 3, due date: 'in two weeks' is not a date we can read. Write it like 2026-12-01, 12月1日 or next Friday.",
        ], read.Warnings.Select(w => $"{w.Location}: {w.Message}"));
    }

    [Theory]
    [InlineData("决议")]
    [InlineData("会议决议：")]
    [InlineData("一、会议决议")]
    [InlineData("（二）决定事项")]
    [InlineData("3. Decisions")]
    [InlineData("DECISIONS:")]
    public void Each_heading_form_starts_the_decisions(string heading)
    {
        var read = Read(Document(Para(heading), Para("1、预算上限为 80 万元。"), Para("2) Launch on 7 December.")));

        Assert.Equal(["预算上限为 80 万元。", "Launch on 7 December."], read.Decisions.Select(d => d.Text));
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void Paragraphs_outside_a_decisions_section_and_words_merely_mentioning_decisions_are_not_decisions()
    {
        var read = Read(Document(
            Para("We discussed the decisions of last week."),
            Para("Decisions", "Heading1"),
            Para("Launch on 7 December."),
            Para("Risks", "Heading1"), // any other heading ends the section
            Para("The agency may be late."),
            Para("2026.12.07 is a Monday.")));

        Assert.Equal("Launch on 7 December.", Assert.Single(read.Decisions).Text);
    }

    [Fact]
    public void A_date_at_the_start_of_a_decision_is_not_taken_for_its_list_number()
    {
        var read = Read(Document(Para("决议"), Para("2026.12.07 发布。")));

        Assert.Equal("2026.12.07 发布。", Assert.Single(read.Decisions).Text);
    }

    [Fact]
    public void The_untouched_template_in_both_languages_has_a_decisions_heading_but_no_warning()
    {
        Assert.Empty(Read(Template(chinese: true)).Warnings);
        Assert.Empty(Read(Template(chinese: false)).Warnings);
    }

    [Fact]
    public void A_name_one_character_off_offers_the_attendee_but_does_not_pick_them()
    {
        var read = Read(Document(PlainTable(["决议内容", "负责人"], ["发布日期定为12月7日。", "陈玮"])));

        var decision = Assert.Single(read.Decisions);
        Assert.Null(decision.Owner);
        var warning = Assert.Single(read.Warnings);
        Assert.Equal("unknownPersonClose", warning.Code);
        Assert.Equal(["陈玮", "陈伟 <chen.wei@contoso.example>"], warning.Args);
    }

    private static Paragraph Para(string text, string? style = null)
    {
        var paragraph = new Paragraph(new Run(new Text(text)));
        if (style is not null) paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        return paragraph;
    }
}
