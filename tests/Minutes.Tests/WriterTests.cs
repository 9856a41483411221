using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CollabAddin.Minutes.Tests;

public sealed class WriterTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_template_is_a_valid_word_document(bool chinese)
    {
        var published = new MinutesActionItem(Guid.NewGuid(), "Draft <campaign> & \"brief\"", "Carol Zhang", new DateOnly(2026, 12, 1), "Marketing", ["Sales", "Product"], 2, "inProgress");
        using var document = WordprocessingDocument.Open(new MemoryStream(Sample.Template(chinese, published)), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void No_heading_stands_over_nothing_and_the_hint_under_next_meeting_is_never_read_as_one(bool chinese)
    {
        var template = Sample.Template(chinese);
        using (var document = WordprocessingDocument.Open(new MemoryStream(template), false))
        {
            var blocks = document.MainDocumentPart!.Document.Body!.ChildElements.ToList();
            for (var i = 0; i < blocks.Count; i++)
            {
                if (blocks[i] is not Paragraph { ParagraphProperties.ParagraphStyleId.Val.Value: "Heading1" } heading) continue;
                var next = blocks.ElementAtOrDefault(i + 1);
                Assert.True(next is Table || next is Paragraph { InnerText.Length: > 0 }, $"'{heading.InnerText}' is followed by {next?.GetType().Name ?? "nothing"} without text");
            }
        }
        Assert.Null(MinutesReader.Read(new MemoryStream(template), Sample.Context()).NextMeeting);
    }

    [Fact]
    public void The_template_uses_words_own_styles_and_has_every_section()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Sample.Template()), false);
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!, s => s.StyleName!.Val!.Value);
        Assert.Equal("heading 1", styles["Heading1"]);
        Assert.Equal("Table Grid", styles["TableGrid"]);
        var body = document.MainDocumentPart.Document.Body!;
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(["Goal", "Attendance", "Agenda and notes", "Action items", "Decisions", "Next meeting"], headings);
        Assert.Equal("Meeting minutes: Q3 launch plan", body.Elements<Paragraph>().First().InnerText);
        var tags = body.Descendants<Tag>().Select(t => t.Val!.Value!).ToList();
        Assert.Contains($"collab:notes:{Sample.Campaign}", tags);
        Assert.Contains("collab:attendee:dave@contoso.example", tags);
        Assert.Equal(3, tags.Count(t => t == MinutesTags.ActionRow));
        Assert.Equal("Q3 launch plan", document.PackageProperties.Title![(document.PackageProperties.Title!.IndexOf(':') + 2)..]);
    }

    [Fact]
    public void The_chinese_template_is_written_in_chinese()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Sample.Template(chinese: true)), false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        foreach (var word in new[] { "会议纪要", "出席情况", "行动项", "截止日期", "主导部门", "协作部门", "2026年11月16日 星期一" })
            Assert.Contains(word, text);
        Assert.DoesNotContain("Action items", text);
    }

    [Theory]
    [InlineData(false, "in progress")]
    [InlineData(true, "进行中")]
    public void A_published_items_status_is_written_in_the_documents_language_and_reads_back(bool chinese, string written)
    {
        var docx = Sample.Template(chinese, new MinutesActionItem(Guid.NewGuid(), "Draft", "Carol Zhang", new DateOnly(2026, 12, 1), null, [], null, "inProgress"));
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
            Assert.Contains(written, Sample.ActionTable(document.MainDocumentPart!.Document.Body!).InnerText);
        Assert.Equal("inProgress", Assert.Single(Sample.Read(docx).ActionItems).Status);
    }

    [Fact]
    public void Published_items_are_written_back_with_their_ids()
    {
        var id = Guid.NewGuid();
        var docx = Sample.Template(false, new MinutesActionItem(id, "Draft the campaign", "Carol Zhang", new DateOnly(2026, 12, 1), "Marketing", ["Sales"], 2, "open"));
        var read = Sample.Read(docx);
        var row = Assert.Single(read.ActionItems);
        Assert.Equal((id, "Draft the campaign", "carol@contoso.example", new DateOnly(2026, 12, 1), Sample.Campaign), (row.Id, row.Title, row.Owner!.Email, row.Due, row.AgendaItemId));
        Assert.Empty(read.Warnings);
    }
}

public sealed class WriterLayoutTests
{
    [Theory]
    [InlineData(false, "No agenda was planned for this meeting")]
    [InlineData(true, "本次会议未安排议程")]
    public void A_meeting_without_agenda_says_so_under_its_heading(bool chinese, string words)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(MinutesWriter.Write(Sample.Meeting() with { Agenda = [] }, chinese)), false);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        var heading = paragraphs.FindIndex(p => p.InnerText == MinutesLabels.Get("agenda", chinese));
        Assert.StartsWith(words, paragraphs[heading + 1].InnerText);
    }

    [Fact]
    public void Due_dates_sit_in_a_column_wide_enough_that_they_never_wrap()
    {
        var published = new MinutesActionItem(Guid.NewGuid(), "Draft", "Carol Zhang", new DateOnly(2026, 12, 1), null, [], null, "open");
        using var document = WordprocessingDocument.Open(new MemoryStream(Sample.Template(false, published)), false);
        var dueCell = document.MainDocumentPart!.Document.Body!.Descendants<TableCell>().First(c => c.InnerText == "2026-12-01");
        Assert.NotNull(dueCell.TableCellProperties!.GetFirstChild<NoWrap>());
        Assert.True(int.Parse(dueCell.TableCellProperties.TableCellWidth!.Width!.Value!, CultureInfo.InvariantCulture) >= 1400);
    }
}
