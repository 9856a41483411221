using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static Microsoft.Playwright.Assertions;

namespace CollabAddin.Api.Tests.Panes;

/// <summary>
/// The three flows as someone without the add-in meets them: a plain Chromium at 320 px with the real office.js
/// loaded (no test double), signed in by a demo link, in English and in Chinese. No raw error, no English string in
/// the Chinese UI, no sideways scroll, no serious accessibility finding.
/// </summary>
public sealed partial class PlainBrowserTests(Browser browser) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => browser.DescribeOpenPagesIfFailedAsync();

    private static string Link(string pane, string email, string language, string extra = "") =>
        $"/{pane}.html?demoUser={Uri.EscapeDataString(email)}&tenant={Tenant}&lang={language}{extra}";

    private async Task LooksRight(IPage page, string shot)
    {
        Assert.True(await Browser.FitsWidth(page), $"{shot}: horizontal scroll from {await Browser.Overflowing(page)}");
        var violations = await Browser.AccessibilityViolations(page);
        Assert.True(violations.Length == 0, string.Join("\n", violations));
        Assert.Empty(browser.Errors[page]);
        await Browser.Screenshot(page, shot);
    }

    /// <summary>Every English string of the panes that has its own Chinese translation, found on a Chinese page.</summary>
    private static async Task<string[]> EnglishLeaks(IPage page)
    {
        var text = await page.EvaluateAsync<string>("() => document.body.innerText + ' ' + [...document.querySelectorAll('[aria-label],[placeholder],[title]')].map(e => (e.getAttribute('aria-label') ?? '') + ' ' + (e.getAttribute('placeholder') ?? '') + ' ' + (e.getAttribute('title') ?? '')).join(' ')");
        return English().Where(s => text.Contains(s, StringComparison.Ordinal)).ToArray();
    }

    private static IEnumerable<string> English()
    {
        var en = PaneText("en-US");
        var zh = PaneText("zh-CN");
        // The fixed text around placeholders, long enough to mean something ("Due", "Open" alone would match names).
        return en.Where(e => zh.GetValueOrDefault(e.Key) != e.Value)
            .SelectMany(e => Placeholder().Split(e.Value)).Select(s => s.Trim(' ', '.', ',', ':', '“', '”', '(', ')'))
            .Where(s => s.Length >= 8 && s.Any(char.IsLetter)).Distinct();
    }

    [GeneratedRegex("""^\s+"?([\w.]+)"?: "((?:[^"\\]|\\.)*)",$""", RegexOptions.Multiline)]
    private static partial Regex Entry();

    [GeneratedRegex(@"\{\{[^}]+\}\}")]
    private static partial Regex Placeholder();

    [Fact]
    public async Task A_plan_is_sent_edited_and_cancelled_in_chinese_at_320_px()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        foreach (var (email, department) in new[] { (NoteTaker, "研发部"), (Owner, "市场部"), (Attendee, "销售部") })
            app.Graph.State.Directory[email] = new GraphEmulator.DirectoryUser(email, NameOf(email), department);
        var page = await browser.OpenPlainAsync(app, Link("organizer", Organizer, "zh-CN"));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "安排会议", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0); // an untouched form shows no errors
        // Sent as it is: nothing is sent; the problems show beside the button, under their fields, counted per section.
        await page.GetByRole(AriaRole.Button, new() { Name = "发送邀请" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Region, new() { Name = "检查并发送" }).GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("处需修正");
        await Expect(summary).ToContainTextAsync("请填写会议主题。");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "目标与时间" }).GetByText("请填写会议主题。")).ToBeVisibleAsync();
        Assert.Empty(app.Graph.State.EventsOf(Organizer));
        Assert.Empty(await EnglishLeaks(page));
        await LooksRight(page, "plain-organizer-errors-zh-320");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "会议主题" }).FillAsync("发布评审会");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "会议目标" }).FillAsync("12 月 5 日前确定发布清单及负责人");
        foreach (var who in new[] { "Bob", "Carol" })
        {
            await page.GetByRole(AriaRole.Combobox, new() { Name = "添加参会人" }).FillAsync(who);
            await page.GetByRole(AriaRole.Option, new() { Name = NameOf($"{who.ToLowerInvariant()}@x") }).ClickAsync();
        }
        await page.GetByRole(AriaRole.Listitem, new() { Name = "Bob Li" }).GetByLabel("记录人").CheckAsync();
        var alice = page.GetByRole(AriaRole.Listitem, new() { Name = "Alice Wang" });
        await alice.GetByRole(AriaRole.Button, new() { Name = "Alice Wang 的部门与会前准备" }).ClickAsync();
        await alice.GetByRole(AriaRole.Textbox, new() { Name = "部门" }).FillAsync("产品部");
        await page.GetByRole(AriaRole.Button, new() { Name = "议程" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "添加议程" }).ClickAsync();
        var agenda = page.GetByRole(AriaRole.Listitem, new() { Name = "议程 1" });
        await agenda.GetByRole(AriaRole.Textbox, new() { Name = "议题" }).FillAsync("发布清单");
        await agenda.GetByRole(AriaRole.Textbox, new() { Name = "讨论内容" }).FillAsync("逐项过清单");
        await agenda.GetByRole(AriaRole.Textbox, new() { Name = "预期产出" }).FillAsync("确认的清单");
        await Expect(page.GetByText("会议安排符合会议规则。")).ToBeVisibleAsync();
        Assert.Empty(await EnglishLeaks(page));
        await LooksRight(page, "plain-organizer-zh-320");

        await page.GetByRole(AriaRole.Button, new() { Name = "发送邀请" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "邀请已发送" })).ToBeVisibleAsync();
        var sent = Assert.Single(app.Graph.State.EventsOf(Organizer));
        Assert.Equal("发布评审会", sent["subject"]!.GetValue<string>());
        await Expect(page.GetByRole(AriaRole.Listitem, new() { Name = "发布评审会" })).ToBeVisibleAsync(); // "Meetings I organized", refreshed
        var answers = page.GetByRole(AriaRole.Region, new() { Name = "邀请答复" });
        await Expect(answers.GetByText("尚未答复 2")).ToBeVisibleAsync();
        // Carol declines in Outlook (she owns no agenda item, but is a core attendee): one look again says so, and why it matters.
        app.Graph.State.Answer(Owner, sent["iCalUId"]!.GetValue<string>(), "declined");
        await answers.GetByRole(AriaRole.Button, new() { Name = "重新查看答复" }).ClickAsync();
        await Expect(answers.GetByText("已拒绝 1")).ToBeVisibleAsync();
        await Expect(answers.GetByText("核心参会人Carol Zhang已拒绝", new() { Exact = false })).ToBeVisibleAsync();
        Assert.Empty(await EnglishLeaks(page));
        await LooksRight(page, "plain-organizer-sent-zh-320");

        // Edit: the plan comes back into the form; saving updates the one Outlook event.
        await page.GetByRole(AriaRole.Region, new() { Name = "邀请已发送" }).GetByRole(AriaRole.Button, new() { Name = "修改" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "会议主题" })).ToHaveValueAsync("发布评审会");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "会议主题" }).FillAsync("发布评审会（改期）");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并更新邀请" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "邀请已更新" })).ToBeVisibleAsync();
        Assert.Equal("发布评审会（改期）", Assert.Single(app.Graph.State.EventsOf(Organizer))["subject"]!.GetValue<string>());

        // Cancel, confirmed in place.
        await page.GetByRole(AriaRole.Region, new() { Name = "邀请已更新" }).GetByRole(AriaRole.Button, new() { Name = "取消会议" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Group, new() { Name = "取消“发布评审会（改期）”？" });
        await confirm.GetByRole(AriaRole.Textbox).FillAsync("发布推迟，另行通知");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "取消会议" }).ClickAsync();
        await Expect(page.GetByText("会议已取消，并已通知参会人。")).ToBeVisibleAsync();
        Assert.Equal(InviteState.Cancelled, await app.WithDbAsync(Tenant, db => db.Meetings.Select(m => m.Invite.State).SingleAsync()));
        await Expect(page.GetByRole(AriaRole.Listitem, new() { Name = "发布评审会（改期）" }).GetByText("已取消")).ToBeVisibleAsync();
        Assert.Empty(await EnglishLeaks(page));
        await LooksRight(page, "plain-organizer-cancelled-zh-320");
    }

    [Fact]
    public async Task A_weekly_series_is_planned_and_an_agenda_change_is_kept_as_a_draft_until_published_in_chinese_at_320_px()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        foreach (var email in new[] { NoteTaker, Owner })
            app.Graph.State.Directory[email] = new GraphEmulator.DirectoryUser(email, NameOf(email), null);
        var page = await browser.OpenPlainAsync(app, Link("organizer", Organizer, "zh-CN"));
        await page.GetByRole(AriaRole.Textbox, new() { Name = "会议主题" }).FillAsync("发布周例会");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "会议目标" }).FillAsync("每周五前确认发布进度、风险及负责人");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "重复" }).SelectOptionAsync(new SelectOptionValue { Label = "每周（同一星期几）" });
        await page.GetByRole(AriaRole.Combobox, new() { Name = "会议次数" }).SelectOptionAsync(new SelectOptionValue { Label = "4 次会议" });
        foreach (var who in new[] { "Bob", "Carol" })
        {
            await page.GetByRole(AriaRole.Combobox, new() { Name = "添加参会人" }).FillAsync(who);
            await page.GetByRole(AriaRole.Option, new() { Name = NameOf($"{who.ToLowerInvariant()}@x") }).ClickAsync();
        }
        await page.GetByRole(AriaRole.Listitem, new() { Name = "Bob Li" }).GetByLabel("记录人").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "议程" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "添加议程" }).ClickAsync();
        var agenda = page.GetByRole(AriaRole.Listitem, new() { Name = "议程 1" });
        await agenda.GetByRole(AriaRole.Textbox, new() { Name = "议题" }).FillAsync("进度与风险");
        await agenda.GetByRole(AriaRole.Textbox, new() { Name = "讨论内容" }).FillAsync("各部门过进度");
        await agenda.GetByRole(AriaRole.Textbox, new() { Name = "预期产出" }).FillAsync("风险及负责人");
        await Expect(page.GetByText("建议检查")).ToBeVisibleAsync(); // advice only (departments not filled): the series can go
        Assert.Empty(await EnglishLeaks(page));
        await LooksRight(page, "plain-series-plan-zh-320");

        await page.GetByRole(AriaRole.Button, new() { Name = "发送邀请" }).ClickAsync();
        var done = page.GetByRole(AriaRole.Region, new() { Name = "邀请已发送" });
        await Expect(done.GetByText("第 1 次，共 4 次", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(done.GetByText("此前会议", new() { Exact = false })).ToHaveCountAsync(0); // the first meeting carries nothing
        var master = Assert.Single(app.Graph.State.EventsOf(Organizer));
        Assert.Equal(("seriesMaster", 4), (master["type"]!.GetValue<string>(), master["recurrence"]!["range"]!["numberOfOccurrences"]!.GetValue<int>()));
        Assert.Empty(await EnglishLeaks(page));
        await LooksRight(page, "plain-series-sent-zh-320");

        // The first meeting's agenda changes as a draft: attendees are not sent it until the organizer publishes it.
        await done.GetByRole(AriaRole.Button, new() { Name = "只修改本次" }).ClickAsync();
        var first = page.GetByRole(AriaRole.Listitem, new() { Name = "议程 1" });
        await first.GetByRole(AriaRole.Button, new() { Name = "1. 进度与风险" }).ClickAsync(); // an item of a sent plan opens folded
        await first.GetByRole(AriaRole.Textbox, new() { Name = "议题" }).FillAsync("进度、风险与依赖");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存为草稿" }).ClickAsync();
        var draft = page.GetByRole(AriaRole.Region, new() { Name = "草稿已保存" });
        await Expect(draft.GetByText("已保存为草稿", new() { Exact = false })).ToBeVisibleAsync();
        Assert.DoesNotContain(app.Graph.State.Notices, n => n.Kind == "update");
        Assert.Empty(await EnglishLeaks(page));
        await LooksRight(page, "plain-series-draft-zh-320");
        await draft.GetByRole(AriaRole.Button, new() { Name = "发布议程" }).ClickAsync();
        await Expect(draft.GetByText("议程已发布：参会人将收到更新后的邀请。")).ToBeVisibleAsync();
        Assert.Single(app.Graph.State.Notices, n => n.Kind == "update");

        // The whole series moves to 14:00: the form has no date (the series keeps its days), and Outlook's series follows.
        await draft.GetByRole(AriaRole.Button, new() { Name = "修改整个系列" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "修改整个系列" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "日期" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "开始" }).SelectOptionAsync("14:00");
        Assert.Empty(await EnglishLeaks(page));
        await LooksRight(page, "plain-series-edit-zh-320");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存系列并更新邀请" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "邀请已更新" })).ToBeVisibleAsync();
        var seriesId = await app.WithDbAsync(Tenant, db => db.Series.Select(x => x.Id).SingleAsync());
        var changed = await (await (await app.ClientForAsync(Organizer)).GetAsync($"/api/series/{seriesId}")).ReadAsync<Api.Series.SeriesResponse>();
        Assert.Equal("14:00", changed.LocalStart);
        var moved = app.Graph.State.EventsOf(Organizer).Single(e => e["type"]!.GetValue<string>() == "seriesMaster");
        Assert.Contains("T14:00", moved["start"]!["dateTime"]!.GetValue<string>(), StringComparison.Ordinal);
        // The first meeting has an agenda of its own: Outlook's series change is followed by its own update, at once.
        Assert.All(await app.WithDbAsync(Tenant, db => db.Meetings.Select(m => m.Invite.State).ToListAsync()), state => Assert.Equal(InviteState.Sent, state));
    }

    [Fact]
    public async Task A_tenant_admin_saves_the_plan_as_a_template_planners_start_from_and_deletes_it_in_english_at_350_px()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var page = await browser.OpenPlainAsync(app, Link("organizer", Organizer, "en-US", "&demoRole=admin"), width: 350);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Subject" }).FillAsync("Quarterly supplier review");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Goal" }).FillAsync("Agree the supplier scorecard and an owner per action by [date]");
        await page.GetByRole(AriaRole.Button, new() { Name = "Agenda" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add agenda item" }).ClickAsync();
        var item = page.GetByRole(AriaRole.Listitem, new() { Name = "Agenda item 1" });
        await item.GetByRole(AriaRole.Textbox, new() { Name = "Topic" }).FillAsync("Scorecard");
        await item.GetByRole(AriaRole.Textbox, new() { Name = "What is discussed" }).FillAsync("Each supplier's scores");
        await item.GetByRole(AriaRole.Textbox, new() { Name = "Expected output" }).FillAsync("An agreed scorecard");

        var own = page.GetByRole(AriaRole.Group, new() { Name = "Your organisation's templates" });
        await own.GetByRole(AriaRole.Button, new() { Name = "Save as template" }).ClickAsync();
        await Expect(own.GetByRole(AriaRole.Textbox, new() { Name = "Template name" })).ToHaveValueAsync("Quarterly supplier review");
        await own.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        await Expect(own.GetByText("Template “Quarterly supplier review” saved", new() { Exact = false })).ToBeVisibleAsync();
        await LooksRight(page, "plain-template-admin-en-350");
        var stored = await app.WithDbAsync(Tenant, db => db.MeetingTemplates.Select(x => new { x.Name, x.Language }).SingleAsync());
        Assert.Equal(("Quarterly supplier review", "en-US"), (stored.Name, stored.Language));

        // Any planner now starts from it; the admin removes it again.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Start from a template", Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = "Quarterly supplier review (your organisation's)" });
        await own.GetByRole(AriaRole.Button, new() { Name = "Delete template" }).ClickAsync();
        await Expect(own.GetByText("Template “Quarterly supplier review” deleted", new() { Exact = false })).ToBeVisibleAsync();
        Assert.Equal(0, await app.WithDbAsync(Tenant, db => db.MeetingTemplates.CountAsync()));
        // Planners who are not admins see no such controls.
        var bob = await browser.OpenPlainAsync(app, Link("organizer", NoteTaker, "en-US"), width: 350);
        await Expect(bob.GetByRole(AriaRole.Combobox, new() { Name = "Start from a template", Exact = true })).ToBeVisibleAsync();
        await Expect(bob.GetByRole(AriaRole.Button, new() { Name = "Save as template" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_register_opened_from_a_series_shows_that_series_decisions_until_asked_for_all_in_chinese()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var (_, series) = await Meetings.SeriesTests.CreateAsync(app, Meetings.SeriesTests.Weekly(count: 2));
        var (_, single) = await Meetings.MeetingsApiTests.CreateAsync(app, ValidPlan("单次评审"));
        var bob = await app.ClientForAsync(NoteTaker);
        await (await bob.PostAsJsonAsync($"/api/meetings/{series.Occurrences[0].Id}/capture/decisions", new { text = "范围冻结至 12 月 15 日" })).ShouldBeAsync(HttpStatusCode.Created);
        await (await bob.PostAsJsonAsync($"/api/meetings/{single!.Id}/capture/decisions", new { text = "单次评审的决议" })).ShouldBeAsync(HttpStatusCode.Created);

        var page = await browser.OpenPlainAsync(app, Link("decisions", Owner, "zh-CN", $"&series={series.Id}"));

        await Expect(page.GetByText("仅显示本系列的决议。")).ToBeVisibleAsync();
        await Expect(page.GetByText("范围冻结至 12 月 15 日")).ToBeVisibleAsync();
        await Expect(page.GetByText("单次评审的决议")).ToHaveCountAsync(0);
        Assert.Empty(await EnglishLeaks(page));
        await LooksRight(page, "plain-decisions-series-zh-320");
        await page.GetByRole(AriaRole.Button, new() { Name = "显示全部" }).ClickAsync();
        await Expect(page.GetByText("单次评审的决议")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Minutes_are_downloaded_filled_uploaded_published_and_mailed_in_english_at_320_px()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var page = await browser.OpenPlainAsync(app, Link("minutes", NoteTaker, "en-US"));

        await Expect(page.GetByLabel("Meeting")).ToHaveValueAsync(meeting!.Id.ToString()); // the one nearest now, preselected
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Insert minutes template" })).ToHaveCountAsync(0); // no Word here
        await LooksRight(page, "plain-minutes-en-320");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the template" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var template = await File.ReadAllBytesAsync(await download.PathAsync());
        var filled = Path.Combine(Directory.CreateTempSubdirectory("minutes-").FullName, "Q3 minutes.docx");
        await File.WriteAllBytesAsync(filled, Minutes.MinutesDocs.FirstDraft(template)); // filled in Word, as a person would

        await page.Locator("input[type=file]").SetInputFilesAsync(filled);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish Q3 minutes.docx" }).ClickAsync();
        var report = page.GetByRole(AriaRole.Region, new() { Name = "Publish report" });
        await Expect(report.GetByRole(AriaRole.Heading, new() { Name = "Created 2" })).ToBeVisibleAsync();
        await Expect(report.GetByText("Table 1, row 3")).ToBeVisibleAsync();
        Assert.Equal(2, await app.WithDbAsync(Tenant, db => db.ActionItems.CountAsync()));

        await page.GetByRole(AriaRole.Button, new() { Name = "Mail minutes to attendees" }).ClickAsync();
        await Expect(page.GetByText("Mailed to 4 attendees.")).ToBeVisibleAsync();
        Assert.Equal(4, app.Graph.State.SentMail.Count);
        await LooksRight(page, "plain-minutes-published-en-320");

        // A file that is not a Word document is refused in the pane, before anything is sent.
        var text = Path.ChangeExtension(filled, ".txt");
        await File.WriteAllTextAsync(text, "not minutes");
        await page.Locator("input[type=file]").SetInputFilesAsync(text);
        await Expect(page.GetByText("Choose a Word document (.docx).")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Items_change_in_one_click_resolve_a_conflict_between_two_windows_and_open_from_a_mail_link()
    {
        var app = await TestApp.StartAsync(kestrel: true);
        await using var _ = app;
        var (__, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        var template = await Minutes.MinutesDocs.TemplateAsync(bob, meeting!.Id);
        await (await Minutes.MinutesDocs.PublishAsync(bob, meeting.Id, Minutes.MinutesDocs.FirstDraft(template))).ShouldBeAsync(HttpStatusCode.OK);
        var id = await app.WithDbAsync(Tenant, db => db.ActionItems.Where(i => i.Title == "Draft the campaign").Select(i => i.Id).SingleAsync());

        // Carol in two windows (two browser contexts): both show the item; the second save meets the first.
        var first = await browser.OpenPlainAsync(app, Link("items", Owner, "zh-CN"));
        var second = await browser.OpenPlainAsync(app, Link("items", Owner, "zh-CN"));
        var mine = first.GetByRole(AriaRole.Article, new() { Name = "Draft the campaign" });
        var theirs = second.GetByRole(AriaRole.Article, new() { Name = "Draft the campaign" });
        await Expect(mine).ToBeVisibleAsync();
        await Expect(theirs).ToBeVisibleAsync();
        Assert.Empty(await EnglishLeaks(first));
        await LooksRight(first, "plain-items-zh-320");

        await theirs.GetByRole(AriaRole.Button, new() { Name = "进展与协助" }).ClickAsync();
        await theirs.GetByRole(AriaRole.Textbox, new() { Name = "进展说明" }).FillAsync("已约好供应商");
        await theirs.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(theirs.GetByText("已保存。")).ToBeVisibleAsync();

        await mine.GetByRole(AriaRole.Button, new() { Name = "进展与协助" }).ClickAsync();
        await mine.GetByRole(AriaRole.Textbox, new() { Name = "进展说明" }).FillAsync("初稿已发出");
        await mine.GetByRole(AriaRole.Switch, new() { Name = "需要协助" }).CheckAsync();
        await mine.GetByRole(AriaRole.Textbox, new() { Name = "需要什么协助？" }).FillAsync("需要销售部的客户名单");
        await mine.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        var conflict = mine.GetByRole(AriaRole.Alert);
        await Expect(conflict).ToContainTextAsync("其他人修改了此行动项");
        await Expect(conflict).ToContainTextAsync("已约好供应商");
        Assert.Empty(await EnglishLeaks(first));
        await LooksRight(first, "plain-items-conflict-zh-320");
        await conflict.GetByRole(AriaRole.Button, new() { Name = "在此基础上应用我的修改" }).ClickAsync();
        await Expect(mine.GetByText("已保存。")).ToBeVisibleAsync();
        var item = await app.WithDbAsync(Tenant, db => db.ActionItems.SingleAsync(i => i.Id == id));
        Assert.Equal(("初稿已发出", true, "需要销售部的客户名单"), (item.ProgressNote, item.NeedsHelp, item.NeedsHelpReason));

        // Done in one click: the item leaves the open list for "done".
        await mine.GetByRole(AriaRole.Button, new() { Name = "将“Draft the campaign”标为已完成" }).ClickAsync();
        await Expect(first.GetByRole(AriaRole.Tab, new() { Name = "已完成 1" })).ToBeVisibleAsync();
        await Expect(mine).ToHaveCountAsync(0);
        Assert.Equal(ActionItemStatus.Done, await app.WithDbAsync(Tenant, db => db.ActionItems.Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));

        // The other window, looked at again, asks again: the list changed, so it comes back whole; asked once more, it
        // is unchanged and the API answers 304 (the pane keeps what it shows).
        static Task<IResponse> BackToPane(IPage page) => page.RunAndWaitForResponseAsync(
            () => page.EvaluateAsync("() => document.dispatchEvent(new Event('visibilitychange'))"), r => r.Url.Contains("/api/me/action-items", StringComparison.Ordinal));
        Assert.Equal(200, (await BackToPane(second)).Status);
        await Expect(second.GetByRole(AriaRole.Tab, new() { Name = "已完成 1" })).ToBeVisibleAsync();
        Assert.Equal(304, (await BackToPane(second)).Status);
        await Expect(second.GetByRole(AriaRole.Tab, new() { Name = "已完成 1" })).ToBeVisibleAsync();
        Assert.Empty(browser.Errors[second]);

        // The mail's deep link opens the item for its meeting's organizer, although it is not on her own list.
        var alice = await browser.OpenPlainAsync(app, Link("items", Organizer, "en-US") + $"#item={id}");
        var linked = alice.GetByRole(AriaRole.Region, new() { Name = "The item from your link" });
        await Expect(linked.GetByRole(AriaRole.Article, new() { Name = "Draft the campaign" })).ToBeVisibleAsync();
        await Expect(linked.GetByText("Owner: Carol Zhang", new() { Exact = false })).ToBeVisibleAsync();
        await LooksRight(alice, "plain-items-linked-en-320");
    }

    [Fact]
    public async Task A_lost_connection_offers_retry_and_an_expired_demo_session_is_renewed_without_asking()
    {
        await using var app = await TestApp.StartAsync(kestrel: true, settings: new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
        var context = await browser.NewContextAsync();
        var failOnce = true;
        await context.RouteAsync("**/api/me/action-items*", async route =>
        {
            if (failOnce) { failOnce = false; await route.AbortAsync("internetdisconnected"); }
            else await route.ContinueAsync();
        });
        var page = await browser.OpenPlainAsync(app, $"/items.html?demoUser=chen.wei@contoso.example&lang=zh-CN", context: context);

        var failure = page.GetByRole(AriaRole.Alert);
        await Expect(failure).ToContainTextAsync("无法连接 CollabAddin");
        Assert.Empty(await EnglishLeaks(page));
        await LooksRight(page, "plain-network-zh-320");
        await failure.GetByRole(AriaRole.Button, new() { Name = "重试" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Article, new() { Name = "准备发布会宣传方案 / Draft the launch campaign" })).ToBeVisibleAsync();

        // The stored session has run out: the next call gets a fresh demo token first, and the person notices nothing.
        await page.EvaluateAsync("() => { const s = JSON.parse(sessionStorage.getItem('collabaddin.session')); s.expiresAt = 0; sessionStorage.setItem('collabaddin.session', JSON.stringify(s)); }");
        var renewed = page.WaitForRequestAsync(r => r.Url.EndsWith("/dev/token", StringComparison.Ordinal));
        await page.GotoAsync(page.Url.Split('?')[0]); // the same pane, no demo link this time
        await renewed;
        await Expect(page.GetByRole(AriaRole.Article, new() { Name = "准备发布会宣传方案 / Draft the launch campaign" })).ToBeVisibleAsync();
        Assert.Empty(browser.Errors[page]);
    }

    [Fact]
    public async Task The_decision_register_is_searched_and_kept_up_to_date_by_the_owner_in_chinese_and_read_only_for_an_attendee()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var s = await MeetingWithItemAsync(app);
        await app.WithDbAsync(Tenant, async db =>
        {
            (await db.ActionItems.SingleAsync(i => i.Id == s.ItemId)).DecisionId = s.DecisionId;
            db.Origin = new Api.Data.ChangeOrigin(Organizer, NameOf(Organizer), ChangeSource.Api);
            await db.SaveChangesAsync();
        });

        var page = await browser.OpenPlainAsync(app, Link("decisions", Owner, "zh-CN"));
        var decision = page.GetByRole(AriaRole.Article, new() { Name = "Launch on 1 Dec" });
        await Expect(decision).ToBeVisibleAsync();
        await Expect(decision.GetByText("行动项完成 0/1")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索决议和会议" }).FillAsync("预算");
        await Expect(page.GetByText("没有与搜索匹配的决议。")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索决议和会议" }).FillAsync("launch");
        await Expect(decision).ToBeVisibleAsync();
        await decision.GetByRole(AriaRole.Button, new() { Name = "行动项与完成日期" }).ClickAsync();
        await Expect(decision.GetByRole(AriaRole.Link, new() { Name = "Draft the launch campaign" })).ToBeVisibleAsync();
        Assert.Empty(await EnglishLeaks(page));
        await LooksRight(page, "plain-decisions-zh-320");

        // Carol owns it: one click marks it implemented, and it moves to that tab.
        await decision.GetByRole(AriaRole.Button, new() { Name = "更改决议状态: 已议定" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitemradio, new() { Name = "已落实" }).ClickAsync();
        await Expect(decision.GetByText("已保存。")).ToBeVisibleAsync();
        Assert.Equal(Api.Decisions.DecisionStatus.Implemented, await app.WithDbAsync(Tenant, db => db.Decisions.Where(d => d.Id == s.DecisionId).Select(d => d.Status).SingleAsync()));
        await page.GetByRole(AriaRole.Tab, new() { Name = "已落实" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Article, new() { Name = "Launch on 1 Dec" })).ToBeVisibleAsync();

        // Dave attends the meeting: he reads the register, with nothing offered that he may not do.
        var dave = await browser.OpenPlainAsync(app, Link("decisions", Attendee, "en-US") + "&theme=dark", width: 350);
        await dave.GetByRole(AriaRole.Tab, new() { Name = "All" }).ClickAsync();
        var read = dave.GetByRole(AriaRole.Article, new() { Name = "Launch on 1 Dec" });
        await Expect(read.GetByText("Implemented")).ToBeVisibleAsync();
        await Expect(read.GetByRole(AriaRole.Button, new() { Name = "Change the decision's status", Exact = false })).ToHaveCountAsync(0);
        await LooksRight(dave, "plain-decisions-en-dark-350");
    }

    [Fact]
    public async Task An_attendee_rates_from_the_mails_one_click_link_in_chinese_and_the_organizer_then_sees_the_scores()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var s = await MeetingWithItemAsync(app);
        await app.WithDbAsync(Tenant, async db =>
        {
            foreach (var (who, score) in new[] { (NoteTaker, 2), (Attendee, 4) })
                db.Feedback.Add(new Api.Feedback.MeetingFeedback { TenantId = Tenant, MeetingId = s.MeetingId, RaterObjectId = Api.Auth.DevTokenIssuer.ObjectIdFor(Tenant, who), GoalReached = score, AgendaKept = score, TimeWellUsed = score, Comment = who == NoteTaker ? "Ran over time." : null });
            await db.SaveChangesAsync();
        });

        // Before: two answers, so the organizer sees only that.
        var alice = await browser.OpenPlainAsync(app, Link("feedback", Organizer, "en-US", $"&meeting={s.MeetingId}&theme=dark"), width: 350);
        await Expect(alice.GetByText("2 of 3 attendees answered.")).ToBeVisibleAsync();
        await Expect(alice.GetByText("Scores and comments appear once 3 people have answered", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(alice.GetByText("Ran over time.")).ToHaveCountAsync(0);

        // Carol follows the mail's "4" link: the first question is answered; she gives the other two and a comment.
        var page = await browser.OpenPlainAsync(app, Link("feedback", Owner, "zh-CN", $"&meeting={s.MeetingId}&goal=4"));
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "4 星" }).First).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Expect(page.GetByText("请选择 1 到 5 分。").First).ToBeVisibleAsync(); // two questions left: said where, nothing sent
        Assert.Equal(2, await app.WithDbAsync(Tenant, db => db.Feedback.CountAsync()));
        await page.GetByRole(AriaRole.Radiogroup, new() { Name = "会议按议程进行" }).GetByRole(AriaRole.Radio, new() { Name = "3 星" }).CheckAsync(new() { Force = true });
        await page.GetByRole(AriaRole.Radiogroup, new() { Name = "我的时间得到了有效利用" }).GetByRole(AriaRole.Radio, new() { Name = "5 星" }).CheckAsync(new() { Force = true });
        await page.GetByRole(AriaRole.Textbox, new() { Name = "还有什么想说的？（选填）" }).FillAsync("决议很清楚。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Expect(page.GetByText("谢谢！您可以随时在这里修改评价。")).ToBeVisibleAsync();
        Assert.Empty(await EnglishLeaks(page));
        await LooksRight(page, "plain-feedback-rate-zh-320");
        var carols = await app.WithDbAsync(Tenant, db => db.Feedback.SingleAsync(f => f.RaterObjectId == Api.Auth.DevTokenIssuer.ObjectIdFor(Tenant, Owner)));
        Assert.Equal((4, 3, 5, "决议很清楚。"), (carols.GoalReached, carols.AgendaKept, carols.TimeWellUsed, carols.Comment));

        // After: three answers — averages and the comments, with no names.
        await alice.ReloadAsync();
        await Expect(alice.GetByText("3 of 3 attendees answered.")).ToBeVisibleAsync();
        await Expect(alice.GetByText("Ran over time.")).ToBeVisibleAsync();
        await Expect(alice.GetByText("决议很清楚。")).ToBeVisibleAsync();
        await Expect(alice.GetByText("3.3")).ToBeVisibleAsync(); // goal reached: (2 + 4 + 4) / 3
        await LooksRight(alice, "plain-feedback-results-en-dark-350");
    }

    [Fact]
    public async Task A_newcomer_starts_a_weekly_sync_from_its_template_in_chinese_and_gets_its_goal_length_and_agenda()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var page = await browser.OpenPlainAsync(app, Link("organizer", Organizer, "zh-CN"));

        await page.GetByRole(AriaRole.Combobox, new() { Name = "从模板开始" }).SelectOptionAsync(new SelectOptionValue { Label = "周例会（进度同步）" });

        await Expect(page.GetByText("已填入目标、时长和议程", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByText("主持人：项目负责人", new() { Exact = false })).ToBeVisibleAsync(); // the roles the meeting needs
        Assert.Equal("在【日期】前确定下周重点，并为每个阻塞问题确定负责人", await page.GetByRole(AriaRole.Textbox, new() { Name = "会议目标" }).InputValueAsync());
        var agenda = page.GetByRole(AriaRole.Region, new() { Name = "议程" });
        await Expect(agenda.GetByText("遗留事项").First).ToBeVisibleAsync();
        await Expect(agenda.GetByText("阻塞问题").First).ToBeVisibleAsync();
        await Expect(agenda.GetByText("下周重点").First).ToBeVisibleAsync();
        Assert.Empty(await EnglishLeaks(page));
        await LooksRight(page, "plain-organizer-template-zh-320");
    }

    [Fact]
    public async Task The_timekeeper_runs_the_clock_in_chinese_and_an_attendee_watches_it_without_controls()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var (__, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app); // Bob keeps time; Launch date 20 min, Campaign 30 min
        app.Clock.Set(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));

        var bob = await browser.OpenPlainAsync(app, Link("clock", NoteTaker, "zh-CN", $"&meeting={meeting!.Id}"));
        await Expect(bob.GetByText("尚未开始计时。")).ToBeVisibleAsync();
        await bob.GetByRole(AriaRole.Button, new() { Name = "开始计时" }).ClickAsync();
        var now = bob.GetByRole(AriaRole.Region, new() { Name = "当前议题" });
        await Expect(now.GetByRole(AriaRole.Heading, new() { Name = "1. Launch date" })).ToBeVisibleAsync();
        await Expect(now.GetByRole(AriaRole.Timer)).ToContainTextAsync("19:"); // 20 minutes, ticking down
        Assert.Empty(await EnglishLeaks(bob));
        await LooksRight(bob, "plain-clock-zh-320");

        app.Clock.Set(new DateTimeOffset(2026, 12, 1, 2, 25, 0, TimeSpan.Zero));
        await bob.ReloadAsync();
        await Expect(now.GetByText("已超时", new() { Exact = false })).ToBeVisibleAsync();
        await bob.GetByRole(AriaRole.Button, new() { Name = "结束最后一个议题" }).Or(bob.GetByRole(AriaRole.Button, new() { Name = "下一议题" })).ClickAsync();
        await Expect(now.GetByRole(AriaRole.Heading, new() { Name = "2. Campaign" })).ToBeVisibleAsync();
        await Expect(bob.GetByText("计划 20 分钟 · 实际 25 分钟")).ToBeVisibleAsync();

        // An action item captured on "Campaign", stored at once for its owner.
        var capture = bob.GetByRole(AriaRole.Form, new() { Name = "即时记录" });
        await capture.GetByRole(AriaRole.Tab, new() { Name = "行动项" }).ClickAsync();
        await capture.GetByRole(AriaRole.Textbox, new() { Name = "要做的事" }).FillAsync("预订发布会场地");
        await capture.GetByRole(AriaRole.Combobox, new() { Name = "负责人" }).SelectOptionAsync(new SelectOptionValue { Label = "Dave Chen" });
        await capture.GetByLabel("截止日期").FillAsync("2026-12-04");
        await capture.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(capture.GetByText("已保存：“预订发布会场地”", new() { Exact = false })).ToBeVisibleAsync();
        var captured = await app.WithDbAsync(Tenant, db => db.ActionItems.SingleAsync(i => i.Title == "预订发布会场地"));
        Assert.Equal((Attendee, new DateOnly(2026, 12, 4), meeting.Agenda.Single(a => a.Topic == "Campaign").Id), (captured.OwnerEmail, captured.DueDate!.Value, captured.AgendaItemId!.Value));
        Assert.Empty(await EnglishLeaks(bob));
        await LooksRight(bob, "plain-clock-capture-zh-320");

        var carol = await browser.OpenPlainAsync(app, Link("clock", Owner, "en-US", $"&meeting={meeting.Id}&theme=dark"), width: 350);
        await Expect(carol.GetByRole(AriaRole.Heading, new() { Name = "2. Campaign" })).ToBeVisibleAsync();
        await Expect(carol.GetByRole(AriaRole.Button, new() { Name = "Next item" })).ToHaveCountAsync(0);
        await LooksRight(carol, "plain-clock-en-dark-350");
    }

    [Fact]
    public async Task The_host_approves_published_minutes_in_one_click_in_chinese_and_the_note_taker_sees_it()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var (__, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app); // Alice hosts, Bob takes notes
        var bob = await app.ClientForAsync(NoteTaker);
        var template = await Minutes.MinutesDocs.TemplateAsync(bob, meeting!.Id);
        await (await Minutes.MinutesDocs.PublishAsync(bob, meeting.Id, Minutes.MinutesDocs.FirstDraft(template))).ShouldBeAsync(HttpStatusCode.OK);

        var notes = await browser.OpenPlainAsync(app, Link("minutes", NoteTaker, "en-US"));
        await Expect(notes.GetByText("are a draft until Alice Wang approves them", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(notes.GetByRole(AriaRole.Button, new() { Name = "Approve these minutes" })).ToHaveCountAsync(0); // Bob does not approve

        var alice = await browser.OpenPlainAsync(app, Link("minutes", Organizer, "zh-CN"));
        await Expect(alice.GetByText("待Alice Wang批准", new() { Exact = false })).ToBeVisibleAsync();
        await alice.GetByRole(AriaRole.Button, new() { Name = "批准此纪要" }).ClickAsync();
        await Expect(alice.GetByText("已由Alice Wang批准", new() { Exact = false })).ToBeVisibleAsync();
        Assert.Empty(await EnglishLeaks(alice));
        await LooksRight(alice, "plain-minutes-approved-zh-320");
        Assert.NotNull(await app.WithDbAsync(Tenant, db => db.MinutesPublications.Where(p => p.MeetingId == meeting.Id).Select(p => p.ApprovedAt).SingleAsync()));

        await notes.ReloadAsync();
        await Expect(notes.GetByText("Approved by Alice Wang", new() { Exact = false })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Every_pane_reads_well_in_both_languages_light_dark_and_high_contrast_at_350_and_320_px()
    {
        await using var app = await TestApp.StartAsync(kestrel: true, settings: new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
        var context = await browser.NewContextAsync(350);
        foreach (var (pane, who) in new[] { ("index", "alice"), ("items", "chen.wei"), ("organizer", "alice"), ("minutes", "bob"), ("decisions", "alice"), ("feedback", "alice") })
            foreach (var language in new[] { "en-US", "zh-CN" })
                foreach (var theme in new[] { "light", "dark", "contrast" })
                {
                    var page = await browser.OpenPlainAsync(app, $"/{pane}.html?demoUser={who}@contoso.example&lang={language}&theme={theme}", context: context);
                    await Expect(page.Locator("main :is(nav, form, [role=tablist], p.empty, .fui-Field select, section)").First).ToBeVisibleAsync();
                    var name = $"theme-{pane}-{language[..2]}-{theme}";
                    await LooksRight(page, $"{name}-350");
                    if (language == "zh-CN") Assert.True((await EnglishLeaks(page)).Length == 0, $"{name}: {string.Join(", ", await EnglishLeaks(page))}");
                    await page.SetViewportSizeAsync(320, 900);
                    Assert.True(await Browser.FitsWidth(page), $"{name}: horizontal scroll at 320 px from {await Browser.Overflowing(page)}");
                    await page.CloseAsync();
                }
    }
}
