using static CollabAddin.Minutes.Tests.Sample;

namespace CollabAddin.Minutes.Tests;

/// <summary>Minutes written by another program: LibreOffice turned the HTML in Fixtures/src into these (Fixtures/make-fixtures.sh).</summary>
public sealed class OtherProducerTests
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    [Fact]
    public void A_chinese_libreoffice_document_with_hand_typed_tables_reads_fully()
    {
        var read = Read(Fixture("libreoffice-zh.docx"));

        Assert.Empty(read.Warnings);
        Assert.Equal(["准备发布会宣传方案", "冻结发布版本", "确认第三季度市场预算"], read.ActionItems.Select(a => a.Title));
        Assert.Equal(["chen.wei@contoso.example", "bob@contoso.example", "dave@contoso.example"], read.ActionItems.Select(a => a.Owner!.Email));
        Assert.Equal([new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 27), new DateOnly(2026, 12, 3)], read.ActionItems.Select(a => a.Due!.Value));
        Assert.Equal(["销售部", "产品部"], read.ActionItems[0].CooperatingDepartments);
        Assert.Equal("发布日期定为12月7日。", Assert.Single(read.Decisions).Text);
        Assert.Equal("alice@contoso.example", read.Decisions[0].Owner!.Email);
    }

    [Fact]
    public void An_english_libreoffice_document_with_merged_cells_reads_and_says_what_it_could_not()
    {
        var read = Read(Fixture("libreoffice-en.docx"));

        Assert.Equal(["Draft the campaign brief", "Book the agency", "Print the flyers"], read.ActionItems.Select(a => a.Title));
        Assert.Equal(["Marketing", "Marketing", "Marketing"], read.ActionItems.Select(a => a.LeadDepartment));
        Assert.Equal(new DateOnly(2026, 11, 27), read.ActionItems[1].Due);
        Assert.Equal([
            "Action items, row 5, owner",
            "Action items, row 5, due date",
        ], read.Warnings.Select(w => w.Location));
        Assert.Contains("'whenever'", read.Warnings[1].Message);
    }
}
