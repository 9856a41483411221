using CollabAddin.Api.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static CollabAddin.Api.Tests.Projects.ProjectData;
using static Microsoft.Playwright.Assertions;

namespace CollabAddin.Api.Tests.Panes;

public sealed partial class PaneTests
{
    [Fact]
    public async Task In_word_a_head_inserts_the_responsibilities_form_and_reads_the_edited_table_back_in_chinese()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var s = await ActiveProjectAsync(app);
        var page = await browser.OpenAsync(app, $"/projects.html#project={s.ProjectId}", new { host = "Word", displayLanguage = "zh-CN" }, (SupplyHead, "Sara", TestData.Tenant));

        await page.GetByRole(AriaRole.Tab, new() { Name = "文档" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "插入: 部门协作职责分工表" }).ClickAsync();
        await Expect(page.GetByText("已插入：部门协作职责分工表。")).ToBeVisibleAsync();
        var inserted = Convert.FromBase64String(await page.EvaluateAsync<string>("() => window.__office.inserted[0].base64"));
        using (var document = WordprocessingDocument.Open(new MemoryStream(inserted), false))
            Assert.Contains("Supply plan", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        await AssertAccessible(page);
        await Browser.Screenshot(page, "projects-word-documents-zh");

        // Sara changes the owner in Word and reads the document back: the task follows.
        var edited = new MemoryStream();
        edited.Write(inserted);
        using (var document = WordprocessingDocument.Open(edited, true))
        {
            var owner = document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Single(t => t.Text == TaskOwner);
            owner.Text = SupplyContact;
        }
        await page.EvaluateAsync("b64 => { window.__office.docx = b64; }", Convert.ToBase64String(edited.ToArray()));
        await page.GetByRole(AriaRole.Button, new() { Name = "读取当前文档" }).ClickAsync();
        await Expect(page.GetByText("新建 0 项，更新 1 项，未变 0 项")).ToBeVisibleAsync();
        Assert.Equal(SupplyContact, await app.WithDbAsync(TestData.Tenant, db => db.ActionItems.Where(i => i.Id == s.TaskId).Select(i => i.OwnerEmail).SingleAsync()));
    }
}
