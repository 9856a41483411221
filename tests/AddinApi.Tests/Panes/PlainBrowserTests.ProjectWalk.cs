using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Demo;
using CollabAddin.Api.Projects;
using CollabAddin.Api.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CollabAddin.Api.Tests.Panes;

public sealed partial class PlainBrowserTests
{
    /// <summary>
    /// The README's walk: a newcomer in demo mode takes the demo tenant's "Q1 launch" from request to close, every step
    /// clicked in the projects pane (and the organizer and "My action items" where the step lives), as each person in
    /// it: Grace approves, 李娜 answers, Alice plans a task and a milestone, every head confirms, Alice sends the
    /// kickoff, 陈伟 finds his task blocked and raises it, it climbs to the executive who settles it, the deliverable
    /// fails, is sent back for rework and passes jointly, Alice closes with a retrospective, and the archive downloads.
    /// Chinese at 320 px in light; English at 350 px in dark.
    /// </summary>
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task The_demo_q1_launch_is_taken_from_request_to_close_in_the_panes(string language)
    {
        await using var app = await TestApp.StartAsync(kestrel: true, settings: new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
        var zh = language == "zh-CN";
        var (width, theme, shot) = zh ? (320, "", "zh-320") : (350, "&theme=dark", "en-350-dark");
        var t = PaneText(language);
        var id = await app.WithDbAsync(DemoData.Tenant, db => db.Projects.Where(p => p.Number == "XT-2026-0002").Select(p => p.Id).SingleAsync());
        async Task<IPage> As(string email, string tab = "overview", string pane = "projects")
        {
            var page = await browser.OpenPlainAsync(app, $"/{pane}.html?demoUser={Uri.EscapeDataString(email)}&tenant={DemoData.Tenant}&lang={language}{theme}"
                + (pane == "projects" ? $"#project={id}" : ""), width);
            if (tab != "overview") await page.GetByRole(AriaRole.Tab, new() { Name = t[$"projectTab.{tab}"] }).ClickAsync();
            return page;
        }
        async Task Check(IPage page, string name)
        {
            if (zh) Assert.Empty(await EnglishLeaks(page));
            await LooksRight(page, $"walk-{name}-{shot}");
        }
        const string marketing = "市场部 Marketing";
        const string marketingHead = "li.na@contoso.example", engineeringHead = "eng.lead@contoso.example", salesHead = "sales.lead@contoso.example";

        // 1. Grace, head of Product, finds the request in her list (labelled as hers to head) and approves it.
        var grace = await browser.OpenPlainAsync(app, $"/projects.html?demoUser={DemoData.ProductHead}&tenant={DemoData.Tenant}&lang={language}{theme}", width);
        var card = grace.GetByRole(AriaRole.Link, new() { Name = "XT-2026-0002", Exact = false });
        await Expect(card.GetByText(t["part.head"])).ToBeVisibleAsync();
        await Check(grace, "list");
        await card.ClickAsync();
        await grace.GetByRole(AriaRole.Button, new() { Name = t["approveRequest"] }).ClickAsync();
        await Expect(Badge(grace, t["projectState.active"])).ToBeVisibleAsync();

        // 2. 李娜 agrees for Marketing.
        var lina = await As(marketingHead);
        await lina.GetByRole(AriaRole.Button, new() { Name = t["answerRequest"] }).ClickAsync();
        await Expect(lina.GetByRole(AriaRole.Listitem).Filter(new() { HasText = marketing }).Locator(".fui-Badge")).ToHaveTextAsync(t["answer.agree"]);

        // 3. Alice plans the responsibilities: Marketing leads the store launch kit, owned by 陈伟; and a milestone.
        var alice = await As(DemoData.Organizer, "milestones");
        await alice.GetByRole(AriaRole.Textbox, new() { Name = t["milestone"], Exact = true }).FillAsync(zh ? "上市物料验收" : "Launch kit accepted");
        await alice.GetByLabel(t["date"]).FillAsync("2026-12-20");
        await alice.GetByRole(AriaRole.Button, new() { Name = t["addMilestone"] }).ClickAsync();
        await Expect(alice.GetByText(t["awaitingConfirmation"])).ToBeVisibleAsync();
        await alice.GetByRole(AriaRole.Tab, new() { Name = t["projectTab.tasks"] }).ClickAsync();
        await alice.GetByRole(AriaRole.Button, new() { Name = t["addTask"] }).ClickAsync();
        var kit = zh ? "门店上市物料包" : "Store launch kit";
        await alice.GetByRole(AriaRole.Textbox, new() { Name = t["taskTitle"], Exact = true }).FillAsync(kit);
        await alice.GetByRole(AriaRole.Combobox, new() { Name = t["leadDepartment"], Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = marketing });
        await alice.GetByRole(AriaRole.Group, new() { Name = t["cooperatingDepartments"] }).GetByRole(AriaRole.Checkbox, new() { Name = "Engineering" }).CheckAsync();
        await alice.GetByRole(AriaRole.Textbox, new() { Name = t["deliverable"], Exact = true }).FillAsync(zh ? "物料包（海报、价签、陈列图）" : "Kit: posters, shelf labels, planogram");
        await alice.GetByRole(AriaRole.Textbox, new() { Name = t["acceptanceStandard"], Exact = true }).FillAsync(zh ? "覆盖全部 5 个区域" : "Covers all 5 regions");
        await alice.GetByLabel(t["deadline"]).FillAsync("2026-12-18");
        await alice.GetByRole(AriaRole.Combobox, new() { Name = t["milestone"], Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await alice.GetByRole(AriaRole.Textbox, new() { Name = t["ownerEmail"], Exact = true }).FillAsync(DemoData.Attendee);
        await Check(alice, "add-task");
        await alice.GetByRole(AriaRole.Button, new() { Name = t["addTask"] }).ClickAsync();
        await Expect(alice.GetByText(kit)).ToBeVisibleAsync();
        await Expect(alice.GetByText($"{marketing} + Engineering", new() { Exact = false })).ToBeVisibleAsync();
        var task = await app.WithDbAsync(DemoData.Tenant, db => db.ActionItems.Where(i => i.ProjectId == id).Select(i => new { i.Id, i.OwnerEmail, i.MilestoneId }).SingleAsync());
        Assert.Equal(DemoData.Attendee, task.OwnerEmail);
        Assert.NotNull(task.MilestoneId);

        // 4. Every department's head confirms the milestone: Product, Marketing, Engineering, Sales.
        foreach (var head in new[] { DemoData.ProductHead, marketingHead, engineeringHead, salesHead })
        {
            var page = await As(head, "milestones");
            await page.GetByRole(AriaRole.Button, new() { Name = t["confirmMilestone"] }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = t["confirmMilestone"] })).ToHaveCountAsync(0);
            await page.Context.CloseAsync();
        }
        await alice.GetByRole(AriaRole.Tab, new() { Name = t["projectTab.milestones"] }).ClickAsync();
        await Expect(alice.GetByText(t["confirmed"], new() { Exact = true })).ToBeVisibleAsync();

        // 5. Alice drafts the kickoff from the project and sends it as drafted: it belongs to the project.
        await alice.GetByRole(AriaRole.Tab, new() { Name = t["projectTab.overview"] }).ClickAsync();
        await alice.GetByRole(AriaRole.Link, new() { Name = t["draftKickoff"] }).ClickAsync();
        await Expect(alice.GetByRole(AriaRole.Textbox, new() { Name = t["subject"], Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Q1"));
        await Check(alice, "kickoff");
        await alice.GetByRole(AriaRole.Button, new() { Name = t["send"] }).ClickAsync();
        await Expect(alice.GetByRole(AriaRole.Heading, new() { Name = t["sent"] })).ToBeVisibleAsync();
        var kickoff = await app.WithDbAsync(DemoData.Tenant, db => db.Meetings.SingleAsync(m => m.ProjectId == id));
        Assert.Contains(app.Graph.State.EventsOf(DemoData.Organizer), e => e["subject"]!.GetValue<string>() == kickoff.Subject);

        // 6. 陈伟 finds the task among his action items and marks it blocked.
        var chen = await As(DemoData.Attendee, pane: "items");
        await chen.GetByRole(AriaRole.Tab, new() { Name = t["filter.later"] }).ClickAsync(); // due in four weeks
        var item = chen.GetByRole(AriaRole.Article, new() { Name = kit });
        await item.GetByRole(AriaRole.Button, new() { Name = t["changeStatus"].Replace("{{title}}", kit, StringComparison.Ordinal), Exact = false }).ClickAsync();
        await chen.GetByRole(AriaRole.Menuitemradio, new() { Name = t["status.blocked"] }).ClickAsync();
        await Expect(item.GetByText(t["status.blocked"], new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal(ActionItemStatus.Blocked, await app.WithDbAsync(DemoData.Tenant, db => db.ActionItems.Where(i => i.Id == task.Id).Select(i => i.Status).SingleAsync()));

        // 7. He raises it on the task (the blocked task comes first), and takes it to the heads himself.
        var issues = await As(DemoData.Attendee, "issues");
        await issues.GetByRole(AriaRole.Button, new() { Name = t["raiseIssue"] }).ClickAsync();
        var issueTitle = zh ? "陈列图等待研发部的新品参数" : "Planogram waits for Engineering's product specs";
        await issues.GetByRole(AriaRole.Textbox, new() { Name = t["issueTitle"], Exact = true }).FillAsync(issueTitle);
        await Expect(issues.GetByRole(AriaRole.Combobox, new() { Name = t["issueTask"], Exact = true })).ToHaveValueAsync(task.Id.ToString());
        await issues.GetByRole(AriaRole.Checkbox, new() { Name = "Engineering" }).CheckAsync();
        await issues.GetByRole(AriaRole.Button, new() { Name = t["raiseIssue"] }).ClickAsync();
        var issue = issues.GetByRole(AriaRole.Listitem).Filter(new() { HasText = issueTitle });
        await Expect(Badge(issue, t["issueLevel.contacts"])).ToBeVisibleAsync();
        await issue.GetByRole(AriaRole.Textbox, new() { Name = t["outcome"], Exact = true }).FillAsync(zh ? "对接人未能商定" : "Contacts could not agree");
        await issue.GetByRole(AriaRole.Button, new() { Name = t["escalateIssue"] }).ClickAsync();
        await Expect(Badge(issue, t["issueLevel.heads"])).ToBeVisibleAsync();

        // 8. 李娜 takes it to the executive; Victor Sun settles it.
        var linaIssues = await As(marketingHead, "issues");
        var atHeads = linaIssues.GetByRole(AriaRole.Listitem).Filter(new() { HasText = issueTitle });
        await atHeads.GetByRole(AriaRole.Textbox, new() { Name = t["outcome"], Exact = true }).FillAsync(zh ? "两部门排期冲突，需分管副总决定" : "The two plans conflict; the executive decides");
        await atHeads.GetByRole(AriaRole.Button, new() { Name = t["escalateIssue"] }).ClickAsync();
        await Expect(Badge(atHeads, t["issueLevel.executive"])).ToBeVisibleAsync();
        var victor = await As(DemoData.Executive, "issues");
        var atTop = victor.GetByRole(AriaRole.Listitem).Filter(new() { HasText = issueTitle });
        await atTop.GetByRole(AriaRole.Textbox, new() { Name = t["outcome"], Exact = true }).FillAsync(zh ? "研发部周五前提供参数" : "Engineering sends the specs by Friday");
        await atTop.GetByRole(AriaRole.Button, new() { Name = t["resolveIssue"] }).ClickAsync();
        await Expect(atTop.GetByText(t["resolved"], new() { Exact = true })).ToBeVisibleAsync();
        await Check(victor, "issue-resolved");
        var steps = await app.WithDbAsync(DemoData.Tenant, db => db.ProjectIssues.Where(i => i.ProjectId == id).SelectMany(i => i.Steps).OrderBy(s => s.Number)
            .Select(s => new { s.Action, s.Level, s.ByEmail }).ToListAsync());
        Assert.Equal([("raised", DemoData.Attendee), ("escalated", DemoData.Attendee), ("escalated", marketingHead), ("resolved", DemoData.Executive)],
            steps.Select(s => (s.Action, s.ByEmail)));
        Assert.True(await app.WithDbAsync(DemoData.Tenant, db => db.OutboxMails.AnyAsync(m => m.To.Contains(DemoData.Executive))), "the executive is told");

        // 9. The deliverable: 陈伟 submits it with its self-check; Grace fails it, then sends it back for rework, then passes
        //    it with Engineering's head accepting jointly.
        async Task Submit(string evidence)
        {
            var page = await As(DemoData.Attendee, "tasks");
            await page.GetByRole(AriaRole.Button, new() { Name = t["submitForAcceptance"] }).ClickAsync();
            await page.GetByRole(AriaRole.Textbox, new() { Name = t["evidence"], Exact = true }).FillAsync(evidence);
            await page.GetByRole(AriaRole.Button, new() { Name = t["submitForAcceptance"] }).ClickAsync();
            await Expect(page.GetByText(t["submittedForAcceptance"])).ToBeVisibleAsync();
            await page.Context.CloseAsync();
        }
        async Task<ILocator> Pending(IPage page)
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = t["projectTab.acceptance"] }).ClickAsync();
            var pending = page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByText(t["outcome.pending"], new() { Exact = true }) });
            await Expect(pending).ToHaveCountAsync(1);
            return pending;
        }
        await Submit("https://contoso.example/kit/v1");
        var round1 = await Pending(grace);
        await round1.GetByRole(AriaRole.Textbox, new() { Name = t["acceptanceComment"], Exact = true }).FillAsync(zh ? "缺少华东区价签" : "East region's shelf labels are missing");
        await round1.GetByRole(AriaRole.Button, new() { Name = t["fail"], Exact = true }).ClickAsync();
        await Expect(round1).ToHaveCountAsync(0);
        await Expect(Badge(grace, t["outcome.fail"])).ToBeVisibleAsync();
        await Submit("https://contoso.example/kit/v2");
        await grace.ReloadAsync();
        var round2 = await Pending(grace);
        await round2.GetByRole(AriaRole.Textbox, new() { Name = t["acceptanceComment"], Exact = true }).FillAsync(zh ? "陈列图按新货架尺寸重做" : "Redo the planogram for the new shelves");
        await round2.GetByLabel(t["reworkDue"]).FillAsync("2026-12-24");
        await Check(grace, "acceptance");
        await round2.GetByRole(AriaRole.Button, new() { Name = t["rework"], Exact = true }).ClickAsync();
        await Expect(round2).ToHaveCountAsync(0);
        await Expect(Badge(grace, t["outcome.rework"])).ToBeVisibleAsync();
        var reopened = await app.WithDbAsync(DemoData.Tenant, db => db.ActionItems.Where(i => i.Id == task.Id).Select(i => new { i.Status, i.DueDate }).SingleAsync());
        Assert.Equal((ActionItemStatus.InProgress, new DateOnly(2026, 12, 24)), (reopened.Status, reopened.DueDate));
        await Submit("https://contoso.example/kit/v3");
        var evan = await As(engineeringHead);
        var joint = await Pending(evan);
        await joint.GetByRole(AriaRole.Button, new() { Name = t["concur"] }).ClickAsync();
        await Expect(joint.GetByText(engineeringHead, new() { Exact = false })).ToBeVisibleAsync(); // "accepted jointly with …"
        await grace.ReloadAsync();
        var round3 = await Pending(grace);
        await round3.GetByRole(AriaRole.Button, new() { Name = t["pass"], Exact = true }).ClickAsync();
        await Expect(round3).ToHaveCountAsync(0);
        await Expect(Badge(grace, t["outcome.pass"])).ToBeVisibleAsync();
        var rounds = await app.WithDbAsync(DemoData.Tenant, db => db.ProjectAcceptances.Where(a => a.TaskId == task.Id).OrderBy(a => a.Round).Select(a => a.Outcome).ToListAsync());
        Assert.Equal([AcceptanceOutcome.Fail, AcceptanceOutcome.Rework, AcceptanceOutcome.Pass], rounds);
        Assert.Equal(ActionItemStatus.Done, await app.WithDbAsync(DemoData.Tenant, db => db.ActionItems.Where(i => i.Id == task.Id).Select(i => i.Status).SingleAsync()));

        // 10. Alice closes the project with its retrospective; the improvement becomes 李娜's action item; 李娜 rates it.
        var closing = await As(DemoData.Organizer);
        await closing.GetByRole(AriaRole.Button, new() { Name = t["closeProject"] }).ClickAsync();
        await closing.GetByRole(AriaRole.Textbox, new() { Name = t["wentWell"], Exact = true }).FillAsync(zh ? "问题两天内由分管副总拍板" : "The executive settled the blocker within two days");
        await closing.GetByRole(AriaRole.Textbox, new() { Name = t["problems"], Exact = true }).FillAsync(zh ? "物料标准前期未写清" : "The kit's standard was vague at first");
        var improvement = zh ? "验收标准在分工时逐条列明" : "List each acceptance standard when planning tasks";
        await closing.GetByRole(AriaRole.Textbox, new() { Name = t["improvement"], Exact = true }).FillAsync(improvement);
        await closing.GetByRole(AriaRole.Textbox, new() { Name = t["improvementOwner"], Exact = true }).FillAsync(marketingHead);
        await Check(closing, "close");
        await closing.GetByRole(AriaRole.Button, new() { Name = t["closeProject"] }).Last.ClickAsync();
        await Expect(Badge(closing, t["projectState.closed"])).ToBeVisibleAsync();
        Assert.Equal(ProjectState.Closed, await app.WithDbAsync(DemoData.Tenant, db => db.Projects.Where(p => p.Id == id).Select(p => p.State).SingleAsync()));
        Assert.True(await app.WithDbAsync(DemoData.Tenant, db => db.ActionItems.AnyAsync(i => i.ProjectId == id && i.Title == improvement && i.OwnerEmail == marketingHead)));
        var rating = await As(marketingHead);
        var retrospective = rating.GetByLabel(t["retrospective"]);
        await Expect(retrospective.GetByText(zh ? "物料标准前期未写清" : "The kit's standard was vague at first")).ToBeVisibleAsync();
        await Expect(retrospective.GetByText(improvement, new() { Exact = false })).ToBeVisibleAsync();
        await rating.GetByRole(AriaRole.Group, new() { Name = t["rateCollaboration"] }).GetByRole(AriaRole.Button, new() { Name = "4" }).ClickAsync();
        await Expect(rating.GetByRole(AriaRole.Button, new() { Name = "4", Pressed = true })).ToBeVisibleAsync();
        await Check(rating, "closed");

        // 11. The archive: every form of the project in one valid Word document, naming the kickoff, the issue and the rounds.
        await closing.GetByRole(AriaRole.Tab, new() { Name = t["projectTab.documents"] }).ClickAsync();
        var download = await closing.RunAndWaitForDownloadAsync(() =>
            closing.GetByRole(AriaRole.Button, new() { Name = $"{t["download"]}: {t["form.archive"]}" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        await File.WriteAllBytesAsync(Path.Combine(Repository.Root, "artifacts", "panes", $"walk-archive-{language}.docx"), bytes); // to render and look at
        using var archive = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var invalid = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2013).Validate(archive).Select(e => $"{e.Description} at {e.Path?.XPath}").ToList();
        Assert.True(invalid.Count == 0, string.Join("\n", invalid));
        var text = archive.MainDocumentPart!.Document.Body!.InnerText;
        foreach (var expected in new[] { kit, kickoff.Subject, issueTitle, improvement, "https://contoso.example/kit/v3" })
            Assert.Contains(expected, text, StringComparison.Ordinal);
        await Check(closing, "documents");

        // 12. In Word (the Office.js double), Alice puts the archive into the document she is writing.
        var word = await browser.OpenAsync(app, $"/projects.html{theme.Replace('&', '?')}#project={id}", new { host = "Word", displayLanguage = language },
            (DemoData.Organizer, "Alice Wang", DemoData.Tenant), width);
        await word.GetByRole(AriaRole.Tab, new() { Name = t["projectTab.documents"] }).ClickAsync();
        await word.GetByRole(AriaRole.Button, new() { Name = $"{t["insertForm"]}: {t["form.archive"]}" }).ClickAsync();
        await Expect(word.GetByText(t["formInserted"].Replace("{{form}}", t["form.archive"], StringComparison.Ordinal))).ToBeVisibleAsync();
        var inserted = Convert.FromBase64String(await word.EvaluateAsync<string>("() => window.__office.inserted[0].base64"));
        using (var document = WordprocessingDocument.Open(new MemoryStream(inserted), false))
            Assert.Contains(issueTitle, document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        await Check(word, "word-archive");
    }

    private static ILocator Badge(IPage page, string text) => Badge(page.Locator("body"), text);

    private static ILocator Badge(ILocator within, string text) =>
        within.Locator(".fui-Badge").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(text)}$") });

    /// <summary>The panes' strings in one language, by key, as the pane shows them (so the walk reads in either language).</summary>
    private static Dictionary<string, string> PaneText(string language) =>
        Entry().Matches(File.ReadAllText(Path.Combine(Repository.Root, "src", "AddinWeb", "src", "i18n", language == "zh-CN" ? "zh.ts" : "en.ts")))
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
}
