using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using static CollabAddin.Minutes.Tests.Sample;

namespace CollabAddin.Minutes.Tests;

/// <summary>Characters nobody types: refused on the way in, stripped by every writer, dropped by the reader with a warning.</summary>
public sealed class TypedTextTests
{
    // Code points, not strings: a lone surrogate in theory data does not survive xunit's serialization.
    [Theory]
    [InlineData(0x0000), InlineData(0x0001), InlineData(0x0008), InlineData(0x000b), InlineData(0x001f), InlineData(0x007f)]
    [InlineData(0xd800), InlineData(0xdbff), InlineData(0xdc00), InlineData(0xdfff), InlineData(0xfffe), InlineData(0xffff)]
    public void Each_character_nobody_types_is_found_and_stripped(int code)
    {
        var text = $"Q3{(char)code} plan{(char)code}";
        Assert.Equal(2, TypedText.FirstForbidden(text));
        Assert.False(TypedText.IsClean(text));
        Assert.Equal("Q3 plan", TypedText.Strip(text));
    }

    [Fact]
    public void A_high_surrogate_followed_by_anything_but_its_pair_is_lone()
    {
        Assert.Equal(1, TypedText.FirstForbidden("a\ud83dz"));
        Assert.Equal("az😀", TypedText.Strip("a\ud83dz\ud83d\ude00"));
        Assert.Equal(1, TypedText.FirstForbidden("a\ude00\ud83d"));
    }

    [Theory]
    [InlineData("Tab\there, lines\r\nand more")]
    [InlineData("市场部 · 行动项 😀 (a pair of surrogates) \u00a0 \u200b \ufffd")]
    [InlineData("")]
    public void What_people_type_is_clean_and_strip_returns_the_same_string(string typed)
    {
        Assert.Equal(-1, TypedText.FirstForbidden(typed));
        Assert.Same(typed, TypedText.Strip(typed));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_template_of_a_meeting_with_hostile_stored_text_is_a_valid_document_without_it(bool chinese)
    {
        var meeting = Meeting(new MinutesActionItem(Guid.NewGuid(), "Slides\u0001ready", "Carol\u0000 Zhang", new DateOnly(2026, 12, 1), "Mkt\u007f", ["Sa\ufffeles"], 2, "open")) with
        {
            Subject = "Q\u0001\u0000\u007f3",
            Goal = "Agree\u0002 the plan\ud800",
            People = [new("alice@contoso.example", "Alice\u0003 Wang", "Prod\u0004uct", true, true, false, false)],
            Agenda = [new(LaunchDate, 1, "Launch\u0005 date", "alice@contoso.example", 20, "A fixed\uffff date")],
        };
        var docx = MinutesWriter.Write(meeting, chinese);

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document).Select(e => e.Description).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Q3", text);
        Assert.Contains("Slidesready", text);
        Assert.Contains("Alice Wang", text);
        Assert.True(TypedText.IsClean(text));
        Assert.EndsWith("Q3", document.PackageProperties.Title);
    }

    [Fact]
    public void The_progress_report_with_hostile_stored_text_is_a_valid_document_without_it()
    {
        var report = new ProgressDocument("Weekly \u0001report", ["On time\u0000: 50%"],
            [new ProgressGroup("Marketing\u007f", [new ProgressLine("Slides\u0001ready", "Carol", "Sales\ud800", "2026-12-01", "open", "note\u0002", "3", "dev\ufffe")])]);
        var docx = ProgressReportWriter.Write(report, chinese: true);

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document));
        Assert.Contains("Slidesready", document.MainDocumentPart!.Document.Body!.InnerText);
        Assert.Equal("Weekly report", document.PackageProperties.Title);
    }

    [Fact]
    public void The_reader_drops_control_characters_from_a_cell_with_one_warning_naming_the_cell()
    {
        // DEL and C1 are legal in XML, so another program can put them in a real document; Word shows nothing for them.
        var docx = Edit(Template(), body =>
        {
            Fill(ActionRows(body)[0], "Draft\u007f the campaign", "Carol\u007f Zhang", "2026-12-01", "Marketing");
            var notes = body.Descendants<SdtBlock>().First(b => b.SdtProperties!.GetFirstChild<Tag>()!.Val == $"collab:notes:{Campaign}");
            notes.SdtContentBlock!.Append(new Paragraph(new Run(new Text("Budget\u007f is tight."))));
        });

        var read = Read(docx);

        var item = Assert.Single(read.ActionItems);
        Assert.Equal(("Draft the campaign", "carol@contoso.example"), (item.Title, item.Owner?.Email));
        Assert.Equal("Budget is tight.", read.Notes.Single(n => n.AgendaItemId == Campaign).Notes);
        Assert.Equal(["Notes on agenda item 2", "Action items, row 2, title", "Action items, row 2, owner"],
            read.Warnings.Select(w => w.Location));
        Assert.All(read.Warnings, w => Assert.Contains("removed", w.Message));
    }
}
