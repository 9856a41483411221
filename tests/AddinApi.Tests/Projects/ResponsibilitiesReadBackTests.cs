using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using CollabAddin.Api.Projects;
using CollabAddin.Api.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using static CollabAddin.Api.Tests.Projects.ProjectData;

namespace CollabAddin.Api.Tests.Projects;

/// <summary>
/// A responsibilities table comes back from Word: typed by hand in Chinese and saved by LibreOffice (columns in their
/// own order, an extra column, an owner by name, a date as people write it), and the generated form edited in place.
/// </summary>
public sealed class ResponsibilitiesReadBackTests
{
    [Fact]
    public async Task A_hand_typed_chinese_table_written_by_libreoffice_becomes_the_projects_tasks()
    {
        await using var app = await TestApp.StartAsync();
        var s = await ActiveProjectAsync(app);
        var html = """
            <html><head><meta charset="utf-8"></head><body>
            <p>职责分工</p>
            <table border="1">
              <tr><th>负责人</th><th>任务</th><th>主导部门</th><th>备注</th><th>完成时限</th><th>交付成果</th><th>验收标准</th><th>协作部门</th></tr>
              <tr><td>Tom</td><td>门店陈列方案</td><td>市场部</td><td>加急</td><td>2027-01-20</td><td>陈列手册</td><td>覆盖全部门店</td><td>供应链部</td></tr>
              <tr><td>nobody</td><td>无主任务</td><td>市场部</td><td></td><td>2027-01-20</td><td>X</td><td>Y</td><td></td></tr>
              <tr><td>sam@contoso.example</td><td>不存在的部门</td><td>法务部</td><td></td><td>2027-01-20</td><td>X</td><td>Y</td><td></td></tr>
            </table></body></html>
            """;
        var docx = await LibreOfficeDocxAsync(html);

        var paula = await app.ClientForAsync(Initiator);
        var report = await (await paula.PostAsync($"/api/projects/{s.ProjectId}/documents/responsibilities", Docx(docx))).ReadAsync<ReadBackReport>();
        var made = Assert.Single(report.Created);
        Assert.Equal("门店陈列方案", made.Title);
        Assert.Equal(2, report.Skipped.Count);
        var task = await app.WithDbAsync(TestData.Tenant, db => db.ActionItems.Include(i => i.CooperatingDepartments).SingleAsync(i => i.Id == made.TaskId));
        Assert.Equal((TaskOwner, s.Departments.Marketing, (DateOnly?)new DateOnly(2027, 1, 20), "陈列手册", "覆盖全部门店", s.ProjectId),
            (task.OwnerEmail, task.LeadDepartmentId!.Value, task.DueDate, task.Deliverable, task.AcceptanceStandard, task.ProjectId!.Value));
        Assert.Equal([s.Departments.Supply], task.CooperatingDepartments.Select(c => c.DepartmentId));

        // Tom, the task owner, may not plan Marketing's work: every row is skipped, nothing stored.
        var tom = await app.ClientForAsync(TaskOwner);
        var refused = await (await tom.PostAsync($"/api/projects/{s.ProjectId}/documents/responsibilities", Docx(docx))).ReadAsync<ReadBackReport>();
        Assert.Empty(refused.Created);
        Assert.Equal(2, await app.WithDbAsync(TestData.Tenant, db => db.ActionItems.CountAsync(i => i.ProjectId == s.ProjectId)));
        // Not a document at all: a clear refusal.
        var broken = await (await paula.PostAsync($"/api/projects/{s.ProjectId}/documents/responsibilities", Docx([1, 2, 3]))).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.False(string.IsNullOrWhiteSpace(broken.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task The_generated_form_edited_in_word_updates_its_tasks_by_their_ids()
    {
        await using var app = await TestApp.StartAsync();
        var s = await ActiveProjectAsync(app);
        var sara = await app.ClientForAsync(SupplyHead);
        var form = await (await sara.GetAsync($"/api/projects/{s.ProjectId}/documents/responsibilities")).Content.ReadAsByteArrayAsync();

        // In Word: the deadline moves and the owner becomes Sam (typed as an email).
        using var edited = new MemoryStream();
        edited.Write(form);
        using (var document = WordprocessingDocument.Open(edited, true))
        {
            var row = document.MainDocumentPart!.Document.Body!.Descendants<Table>().Single(t => t.Descendants<TableCaption>().Any()).Descendants<TableRow>().ElementAt(1);
            var cells = row.Elements<TableCell>().ToList();
            SetText(cells[6], "2027-01-12");
            SetText(cells[7], SupplyContact);
        }
        var report = await (await sara.PostAsync($"/api/projects/{s.ProjectId}/documents/responsibilities", Docx(edited.ToArray()))).ReadAsync<ReadBackReport>();
        Assert.Equal(s.TaskId, Assert.Single(report.Updated).TaskId);
        var task = await app.WithDbAsync(TestData.Tenant, db => db.ActionItems.SingleAsync(i => i.Id == s.TaskId));
        Assert.Equal((SupplyContact, (DateOnly?)new DateOnly(2027, 1, 12)), (task.OwnerEmail, task.DueDate));
        var history = await app.WithDbAsync(TestData.Tenant, db => db.ActionItemChanges.Where(c => c.ActionItemId == s.TaskId).Select(c => c.Field).ToListAsync());
        Assert.Contains("ownerEmail", history);
        // The same document again changes nothing.
        var again = await (await sara.PostAsync($"/api/projects/{s.ProjectId}/documents/responsibilities", Docx(edited.ToArray()))).ReadAsync<ReadBackReport>();
        Assert.Equal(s.TaskId, Assert.Single(again.Unchanged).TaskId);
    }

    [Fact]
    public async Task A_self_check_filled_in_word_or_typed_by_hand_is_submitted_for_acceptance()
    {
        await using var app = await TestApp.StartAsync();
        var s = await ActiveProjectAsync(app);
        var tom = await app.ClientForAsync(TaskOwner);
        var form = await (await tom.GetAsync($"/api/projects/{s.ProjectId}/tasks/{s.TaskId}/self-check")).Content.ReadAsByteArrayAsync();
        using var filled = new MemoryStream();
        filled.Write(form);
        using (var document = WordprocessingDocument.Open(filled, true))
        {
            var row = document.MainDocumentPart!.Document.Body!.Descendants<Table>().Single(t => t.Descendants<TableCaption>().Any()).Elements<TableRow>().ElementAt(1);
            var cells = row.Elements<TableCell>().ToList();
            Assert.Equal("Signed off", cells[0].InnerText);
            SetText(cells[1], "Yes");
            SetText(cells[2], "https://contoso.example/plan");
        }
        var submitted = await (await tom.PostAsync($"/api/projects/{s.ProjectId}/tasks/{s.TaskId}/acceptance/document", Docx(filled.ToArray())))
            .ReadAsync<AcceptanceResponse>(HttpStatusCode.Created);
        Assert.Equal([new SelfCheckResponse("Signed off", true, "https://contoso.example/plan")], submitted.SelfChecks);

        // Decided (sent back for rework), then the next round typed by hand in Chinese and saved by LibreOffice.
        var henry = await app.ClientForAsync(InitiatingHead);
        using var decide = ProjectLifecycleTests.WithETag(HttpMethod.Post, $"/api/projects/{s.ProjectId}/acceptances/{submitted.Id}/decide", submitted.Version,
            new { outcome = "rework", reworkWhat = "加上北区门店", reworkDue = new DateOnly(2026, 12, 20) });
        await (await henry.SendAsync(decide)).ShouldBeAsync(HttpStatusCode.OK);
        // A table that says neither yes nor no is refused as the pane would refuse it.
        var unclear = await LibreOfficeDocxAsync("""<html><body><table border="1"><tr><th>Standard</th><th>Met</th></tr><tr><td>Signed</td><td>maybe</td></tr></table></body></html>""");
        var refused = await (await tom.PostAsync($"/api/projects/{s.ProjectId}/tasks/{s.TaskId}/acceptance/document", Docx(unclear))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(refused.ErrorsFor("selfChecks[0].met"));
        var typed = await LibreOfficeDocxAsync("""
            <html><head><meta charset="utf-8"></head><body><table border="1">
            <tr><th>佐证材料</th><th>验收标准</th><th>结果</th></tr>
            <tr><td>https://contoso.example/plan-v2</td><td>覆盖全部门店</td><td>达标</td></tr>
            <tr><td></td><td>经供应链部负责人签字</td><td>否</td></tr>
            </table></body></html>
            """);
        var second = await (await tom.PostAsync($"/api/projects/{s.ProjectId}/tasks/{s.TaskId}/acceptance/document", Docx(typed))).ReadAsync<AcceptanceResponse>(HttpStatusCode.Created);
        Assert.Equal(2, second.Round);
        Assert.Equal([("覆盖全部门店", true), ("经供应链部负责人签字", false)], second.SelfChecks.Select(c => (c.Standard, c.Met)));
    }

    [Fact]
    public async Task A_document_over_the_upload_limit_is_refused_before_it_is_read_whole_with_or_without_a_declared_length()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Minutes:MaxUploadBytes"] = "65536" });
        var s = await ActiveProjectAsync(app);
        var paula = await app.ClientForAsync(Initiator);
        paula.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var tom = await app.ClientForAsync(TaskOwner);
        tom.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var oversized = new byte[200_000];
        foreach (var declared in new[] { true, false })
        {
            HttpContent Body()
            {
                // Without a declared length the body arrives chunked: the limit is met while reading, not up front.
                HttpContent content = declared ? new ByteArrayContent(oversized) : new StreamContent(new ChunkedOnly(oversized));
                content.Headers.ContentType = new MediaTypeHeaderValue(Api.Minutes.MinutesApi.DocxType);
                return content;
            }
            var table = await (await paula.PostAsync($"/api/projects/{s.ProjectId}/documents/responsibilities", Body())).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
            Assert.Contains("过大", table.GetProperty("title").GetString(), StringComparison.Ordinal); // the route's size limit or the handler's count, in Chinese
            await (await tom.PostAsync($"/api/projects/{s.ProjectId}/tasks/{s.TaskId}/acceptance/document", Body())).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        }
        Assert.Equal(1, await app.WithDbAsync(TestData.Tenant, db => db.ActionItems.CountAsync(i => i.ProjectId == s.ProjectId)));
        Assert.Equal(0, await app.WithDbAsync(TestData.Tenant, db => db.ProjectAcceptances.CountAsync()));
    }

    /// <summary>A stream that will not say how long it is, as a chunked upload.</summary>
    private sealed class ChunkedOnly(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }

    private static void SetText(TableCell cell, string text)
    {
        foreach (var p in cell.Elements<Paragraph>().Skip(1).ToList()) p.Remove();
        cell.GetFirstChild<Paragraph>()!.RemoveAllChildren<Run>();
        cell.GetFirstChild<Paragraph>()!.Append(new Run(new Text(text)));
    }

    private static ByteArrayContent Docx(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(Api.Minutes.MinutesApi.DocxType);
        return content;
    }

    /// <summary>A .docx as LibreOffice writes it, converted from HTML by soffice itself.</summary>
    private static async Task<byte[]> LibreOfficeDocxAsync(string html)
    {
        var folder = Directory.CreateTempSubdirectory("lo-docx-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "table.html"), html);
            var start = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
            foreach (var a in new[] { $"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", folder, Path.Combine(folder, "table.html") })
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
            return await File.ReadAllBytesAsync(Path.Combine(folder, "table.docx"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
