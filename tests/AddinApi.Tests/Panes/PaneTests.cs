using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static Microsoft.Playwright.Assertions;

namespace CollabAddin.Api.Tests.Panes;

/// <summary>
/// The story end to end in a real browser against the real API (SQLite, Graph emulator): the organizer plans and sends,
/// the note-taker inserts the template, publishes and re-publishes, the attendee works on their item; and demo mode.
/// </summary>
public sealed partial class PaneTests(Browser browser) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => browser.DescribeOpenPagesIfFailedAsync();

    private static (string, string, string) Person(string email) => (email, NameOf(email), Tenant);

    private static async Task<(TestApp App, MeetingResponse Meeting)> MeetingWithPublishedMinutes()
    {
        var app = await TestApp.StartAsync(kestrel: true);
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        var template = await Minutes.MinutesDocs.TemplateAsync(bob, meeting!.Id);
        await (await Minutes.MinutesDocs.PublishAsync(bob, meeting.Id, Minutes.MinutesDocs.FirstDraft(template))).ShouldBeAsync(HttpStatusCode.OK);
        return (app, meeting);
    }

    private async Task AssertAccessible(IPage page)
    {
        var violations = await Browser.AccessibilityViolations(page);
        Assert.True(violations.Length == 0, string.Join("\n", violations));
        Assert.Empty(browser.Errors[page]);
    }

    /// <summary>The pane at the narrowest Office task-pane widths: a picture of each, and nothing may scroll sideways.</summary>
    private static async Task AtNarrowWidths(IPage page, string shot)
    {
        foreach (var width in new[] { 350, 320 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await Browser.Screenshot(page, $"{shot}-{width}");
            Assert.True(await Browser.FitsWidth(page), $"{shot}: horizontal scroll at {width} px from {await Browser.Overflowing(page)}");
        }
        await page.SetViewportSizeAsync(420, 900);
    }

    /// <summary>Clicks a button that saves an item and waits for the API's answer to that PATCH; returns its status.</summary>
    private static async Task<int> SaveAsync(IPage page, ILocator button)
    {
        var response = await page.RunAndWaitForResponseAsync(() => button.ClickAsync(),
            r => r.Request.Method == "PATCH" && r.Url.Contains("/api/action-items/", StringComparison.Ordinal));
        return response.Status;
    }

    [Fact]
    public async Task The_next_meeting_of_a_series_opens_in_classic_outlook_with_what_earlier_meetings_left_open_and_the_organizer_parks_a_topic()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var (_, series) = await Meetings.SeriesTests.CreateAsync(app, Meetings.SeriesTests.Weekly(count: 3));
        var bob = await app.ClientForAsync(NoteTaker);
        var minutes = Minutes.MinutesDocs.Edit(await Minutes.MinutesDocs.TemplateAsync(bob, series.Occurrences[0].Id),
            body => Minutes.MinutesDocs.Fill(Minutes.MinutesDocs.ActionRows(body)[0], "预订场地", NameOf(Owner), "2026-12-04"));
        await (await Minutes.MinutesDocs.PublishAsync(bob, series.Occurrences[0].Id, minutes)).ShouldBeAsync(HttpStatusCode.OK);
        // Classic Outlook: the attendee's copy of the series master's id, and the occurrence's start.
        var second = series.Occurrences[1].StartUtc.ToString("o", CultureInfo.InvariantCulture);
        var carolsMaster = app.Graph.State.EventsOf(Owner).Single(e => e["type"]!.GetValue<string>() == "seriesMaster")["id"]!.GetValue<string>();
        var carol = await browser.OpenAsync(app, "/items.html", new { host = "Outlook", displayLanguage = "zh-CN", item = new { itemId = carolsMaster, start = second } }, Person(Owner));

        var panel = carol.GetByRole(AriaRole.Group, new() { Name = "会议系列" });
        await Expect(panel.GetByText("第 2 次，共 3 次", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "此前会议的未完成事项（1）" })).ToBeVisibleAsync();
        await Expect(panel.GetByText("预订场地")).ToBeVisibleAsync();
        await Expect(carol.GetByRole(AriaRole.Button, new() { Name = "移到下次" })).ToHaveCountAsync(0); // attendees do not park topics
        await Expect(panel.GetByRole(AriaRole.Link, new() { Name = "本系列的决议" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"^/decisions\\.html\\?.*series={series.Id}"));
        await AssertAccessible(carol);
        await AtNarrowWidths(carol, "series-attendee-zh");

        var alicesMaster = app.Graph.State.EventsOf(Organizer).Single()["id"]!.GetValue<string>();
        var alice = await browser.OpenAsync(app, "/items.html", new { host = "Outlook", displayLanguage = "en-US", item = new { itemId = alicesMaster, start = second } }, Person(Organizer));
        await Expect(alice.GetByRole(AriaRole.Group, new() { Name = "Series" }).GetByText("Meeting 2 of 3", new() { Exact = false })).ToBeVisibleAsync();
        var parking = alice.GetByRole(AriaRole.Group, new() { Name = "Parking lot" });
        await parking.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Campaign" }).GetByRole(AriaRole.Button, new() { Name = "Move to next" }).ClickAsync();
        await Expect(parking.GetByRole(AriaRole.Button, new() { Name = "Moved" })).ToBeVisibleAsync();
        await AssertAccessible(alice);
        await AtNarrowWidths(alice, "series-organizer-en");
        var third = await (await (await app.ClientForAsync(Organizer)).GetAsync($"/api/meetings/{series.Occurrences[2].Id}")).ReadAsync<MeetingResponse>();
        Assert.Equal(["Launch date", "Campaign", "Campaign"], third.Agenda.Select(a => a.Topic));
    }

    [Fact]
    public async Task An_attendee_proposes_a_topic_on_the_meeting_in_outlook_and_the_organizer_adds_it_to_the_agenda_there()
    {
        var (app, meeting) = await MeetingWithPublishedMinutes();
        await using var _ = app;
        var carolsCopy = app.Graph.State.EventsOf(Owner).Single()["id"]!.GetValue<string>();
        var carol = await browser.OpenAsync(app, "/items.html", new { host = "Outlook", displayLanguage = "zh-CN", item = new { itemId = carolsCopy } }, Person(Owner));

        await carol.GetByRole(AriaRole.Button, new() { Name = "提议议题" }).ClickAsync();
        var form = carol.GetByRole(AriaRole.Form, new() { Name = "提议议题" });
        await form.GetByRole(AriaRole.Textbox, new() { Name = "议题" }).FillAsync("促销物料");
        await form.GetByRole(AriaRole.Textbox, new() { Name = "为什么要在本次会议讨论" }).FillAsync("发布会需要统一的物料");
        await form.GetByRole(AriaRole.Textbox, new() { Name = "预期产出" }).FillAsync("确认的物料清单");
        await form.GetByRole(AriaRole.Button, new() { Name = "提交给发起人" }).ClickAsync();
        await Expect(carol.GetByText("已提交。发起人处理后您会收到邮件。")).ToBeVisibleAsync();
        await Expect(carol.GetByRole(AriaRole.Listitem, new() { Name = "促销物料" }).GetByText("等待发起人处理")).ToBeVisibleAsync();
        await AssertAccessible(carol);

        var alicesEvent = app.Graph.State.EventsOf(Organizer).Single()["id"]!.GetValue<string>();
        var alice = await browser.OpenAsync(app, "/items.html", new { host = "Outlook", displayLanguage = "en-US", item = new { itemId = alicesEvent } }, Person(Organizer));
        var proposal = alice.GetByRole(AriaRole.Listitem, new() { Name = "促销物料" });
        await proposal.GetByRole(AriaRole.Button, new() { Name = "Add to the agenda" }).ClickAsync();
        await Expect(proposal.GetByText("On the agenda")).ToBeVisibleAsync();
        await Expect(alice.GetByText("促销物料 · Carol Zhang", new() { Exact = false })).ToBeVisibleAsync(); // the agenda, reloaded
        await Browser.Screenshot(alice, "topics-organizer-en");
        Assert.Contains(app.Graph.State.SentMail, m => m.To.Single() == Owner && m.Subject.Contains("促销物料", StringComparison.Ordinal));
        Assert.Equal(meeting.Agenda.Count + 1, (await (await (await app.ClientForAsync(Organizer)).GetAsync($"/api/meetings/{meeting.Id}")).ReadAsync<Api.Meetings.MeetingResponse>()).Agenda.Count);
    }

    [Fact]
    public async Task The_attendee_moves_an_item_forward_raises_needs_help_and_resolves_a_conflict_in_the_pane()
    {
        var (app, meeting) = await MeetingWithPublishedMinutes();
        await using var _ = app;
        var carolsCopy = app.Graph.State.EventsOf(Owner).Single()["id"]!.GetValue<string>(); // her calendar's own copy of the invite
        var page = await browser.OpenAsync(app, "/items.html",
            new { host = "Outlook", displayLanguage = "en-US", item = new { itemId = carolsCopy } }, Person(Owner));

        var card = page.GetByRole(AriaRole.Article, new() { Name = "Draft the campaign" });
        await Expect(card).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This meeting", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Bring the campaign draft")).ToBeVisibleAsync(); // Carol's preparation
        await AssertAccessible(page);
        await Browser.Screenshot(page, "items-en");
        await AtNarrowWidths(page, "items-en");

        // Status in one pick from the status menu: saved at once.
        await card.GetByRole(AriaRole.Button, new() { Name = "Change status of “Draft the campaign”" }).ClickAsync();
        Assert.Equal(200, await SaveAsync(page, page.GetByRole(AriaRole.Menuitemradio, new() { Name = "In progress" })));
        await Expect(card.GetByText("Status changed to In progress.")).ToBeVisibleAsync();

        // The reason field exists only while "I need help" is on.
        await card.GetByRole(AriaRole.Button, new() { Name = "Progress and help" }).ClickAsync();
        await Expect(card.GetByLabel("What help do you need?")).ToHaveCountAsync(0);
        await card.GetByLabel("Progress note").FillAsync("Outline shared with Sales");
        await card.GetByRole(AriaRole.Switch, new() { Name = "I need help" }).CheckAsync();
        await card.GetByLabel("What help do you need?").FillAsync("Need the customer list from Sales");
        Assert.Equal(200, await SaveAsync(page, card.GetByRole(AriaRole.Button, new() { Name = "Save" })));
        await Expect(card.GetByText("Saved.")).ToBeVisibleAsync();
        await Expect(card.GetByText("Needs help")).ToBeVisibleAsync();

        var id = await app.WithDbAsync(Tenant, db => db.ActionItems.Where(i => i.Title == "Draft the campaign").Select(i => i.Id).SingleAsync());
        var alice = await app.ClientForAsync(Organizer);
        var current = await alice.GetAsync($"/api/action-items/{id}");
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/action-items/{id}") { Content = JsonContent.Create(new { progressNote = "Alice: agency booked" }) };
        patch.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.ToString());
        await (await alice.SendAsync(patch)).ShouldBeAsync(HttpStatusCode.OK);

        await card.GetByLabel("Progress note").FillAsync("Draft sent for review");
        Assert.Equal(412, await SaveAsync(page, card.GetByRole(AriaRole.Button, new() { Name = "Save" })));
        var conflict = card.GetByRole(AriaRole.Alert);
        await Expect(conflict).ToContainTextAsync("Someone else changed this item");
        await Expect(conflict).ToContainTextAsync("Alice: agency booked");
        Assert.Equal(200, await SaveAsync(page, conflict.GetByRole(AriaRole.Button, new() { Name = "Apply mine on top" })));
        await Expect(card.GetByText("Saved.")).ToBeVisibleAsync();

        var item = await (await alice.GetAsync($"/api/action-items/{id}")).ReadAsync<ActionItemResponse>();
        Assert.Equal((ActionItemStatus.InProgress, true, "Need the customer list from Sales", "Draft sent for review"),
            (item.Status, item.NeedsHelp, item.NeedsHelpReason, item.ProgressNote));
        var history = await (await alice.GetAsync($"/api/action-items/{id}/history")).ReadAsync<List<ActionItemChangeResponse>>();
        Assert.Contains(history, h => h.Field == "status" && h.Source == ChangeSource.TaskPane && h.By.Email == Owner);

        await page.GetByLabel("Language").SelectOptionAsync("zh-CN");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的行动项", Level = 1, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "本次会议", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "以后" })).ToBeVisibleAsync();
        await AssertAccessible(page);
        await Browser.Screenshot(page, "items-zh");
        await AtNarrowWidths(page, "items-zh");
    }

    [Fact]
    public async Task The_organizer_plans_from_the_appointment_being_composed_and_sends_one_invite()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        app.Graph.State.Directory[Attendee] = new GraphEmulator.DirectoryUser(Attendee, "Dave Chen", "Sales");
        app.Graph.State.Directory[NoteTaker] = new GraphEmulator.DirectoryUser(NoteTaker, "Bob Li", "Engineering");
        var start = DateTime.Today.AddDays(10).AddHours(14);
        var page = await browser.OpenAsync(app, "/organizer.html", new
        {
            host = "Outlook", displayLanguage = "en-US",
            item = new
            {
                compose = true, subject = "Launch review", location = "Room 5", start = start.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), end = start.AddMinutes(45).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                required = new[] { new { emailAddress = NoteTaker, displayName = "Bob Li" }, new { emailAddress = Owner, displayName = "Carol Zhang" } },
                optional = Array.Empty<object>(),
            },
        }, Person(Organizer));

        // The plan starts from what Alice typed in Outlook's own form.
        await Expect(page.GetByLabel("Subject")).ToHaveValueAsync("Launch review");
        await Expect(page.GetByLabel("Location")).ToHaveValueAsync("Room 5");
        await Expect(page.GetByLabel("Length")).ToHaveValueAsync("45");
        await Expect(page.GetByLabel("Start", new() { Exact = true })).ToHaveValueAsync("14:00");
        await Expect(page.GetByRole(AriaRole.Listitem, new() { Name = "Carol Zhang" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Listitem, new() { Name = "Bob Li" }).GetByText("Engineering · bob@contoso.example")).ToBeVisibleAsync(); // from the directory
        // She moves the meeting in Outlook's form while the pane is open: the plan follows.
        await page.EvaluateAsync("s => window.__office.change('start', s)", start.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        await page.EvaluateAsync("s => window.__office.change('end', s)", start.AddHours(1).AddMinutes(30).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        await Expect(page.GetByLabel("Start", new() { Exact = true })).ToHaveValueAsync("15:00");
        await Expect(page.GetByLabel("Length")).ToHaveValueAsync("30");
        // Nothing was touched yet: no error greets her.
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Goal" }).FillAsync("Approve the launch checklist and its owners by 5 Dec");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Add people" }).FillAsync("dav");
        await page.GetByRole(AriaRole.Option, new() { Name = "Dave Chen" }).ClickAsync();
        var dave = page.GetByRole(AriaRole.Listitem, new() { Name = "Dave Chen" });
        await Expect(dave.GetByText("Sales · dave@contoso.example")).ToBeVisibleAsync(); // the directory's department
        // Carol is taken off the invite in Outlook's form: she leaves the plan; Dave, added here, stays.
        await page.EvaluateAsync("b => window.__office.change('requiredAttendees', [{ emailAddress: b, displayName: 'Bob Li' }])", NoteTaker);
        await Expect(page.GetByRole(AriaRole.Listitem, new() { Name = "Carol Zhang" })).ToHaveCountAsync(0);
        await Expect(dave).ToBeVisibleAsync();
        await page.EvaluateAsync("a => window.__office.change('requiredAttendees', a)", new[] { new { emailAddress = NoteTaker, displayName = "Bob Li" }, new { emailAddress = Owner, displayName = "Carol Zhang" } });
        await Expect(page.GetByRole(AriaRole.Listitem, new() { Name = "Carol Zhang" })).ToBeVisibleAsync(); // and back

        await page.GetByRole(AriaRole.Listitem, new() { Name = "Bob Li" }).GetByLabel("Note-taker").CheckAsync();
        foreach (var (name, department) in new[] { ("Alice Wang", "Product"), ("Carol Zhang", "Marketing") })
        {
            var row = page.GetByRole(AriaRole.Listitem, new() { Name = name });
            await row.GetByRole(AriaRole.Button, new() { Name = $"Department and preparation of {name}" }).ClickAsync();
            await row.GetByRole(AriaRole.Textbox, new() { Name = "Department" }).FillAsync(department);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Agenda" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add agenda item" }).ClickAsync();
        var agenda = page.GetByRole(AriaRole.Listitem, new() { Name = "Agenda item 1" });
        await agenda.GetByLabel("Topic").FillAsync("Checklist");
        await agenda.GetByLabel("What is discussed").FillAsync("Walk the list");
        await agenda.GetByLabel("Expected output").FillAsync("Approved checklist");
        await Expect(page.GetByText("The plan follows the meeting rules.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("aria-valuenow", "15");
        await AssertAccessible(page);
        await Browser.Screenshot(page, "organizer-en");
        await AtNarrowWidths(page, "organizer-en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send invite" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invite sent" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Join the Teams meeting" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^https://teams.microsoft.com/"));
        var sent = Assert.Single(app.Graph.State.EventsOf(Organizer));
        Assert.Equal("Launch review", sent["subject"]!.GetValue<string>());
        Assert.Equal([NoteTaker, Owner, Attendee], sent["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()));
        // One meeting, not two: the created event replaces her compose draft, which the pane closed.
        Assert.Equal($"ews:{sent["id"]!.GetValue<string>()}", await page.EvaluateAsync<string>("() => window.__office.opened"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.__office.closed === true"));
        // The send button is gone with the form: a second click cannot make a second meeting (the API's key would refuse it too).
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send invite" })).ToHaveCountAsync(0);
        Assert.Equal(1, await app.WithDbAsync(Tenant, db => db.Meetings.CountAsync()));
        await Expect(page.GetByRole(AriaRole.Listitem, new() { Name = "Launch review" }).GetByText("Invite sent")).ToBeVisibleAsync(); // the list refreshed

        await page.GetByLabel("Language").SelectOptionAsync("zh-CN");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "安排会议" }).First).ToBeVisibleAsync();
        await Browser.Screenshot(page, "organizer-zh");
        await AtNarrowWidths(page, "organizer-zh");
    }

    [Fact]
    public async Task The_note_taker_inserts_the_template_publishes_stamps_ids_republishes_and_mails()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var controls = Enumerable.Range(0, 3).Select(_ => new { tag = "collab:action" }).ToArray(); // the template's three empty rows
        var page = await browser.OpenAsync(app, "/minutes.html", new { host = "Word", displayLanguage = "zh-CN", controls }, Person(NoteTaker));

        await Expect(page.GetByLabel("会议")).ToBeVisibleAsync();
        await AssertAccessible(page);
        await Browser.Screenshot(page, "minutes-zh");
        await page.GetByRole(AriaRole.Button, new() { Name = "插入纪要模板" }).ClickAsync();
        await Expect(page.GetByText("模板已插入")).ToBeVisibleAsync();

        var inserted = await page.EvaluateAsync<string>("() => window.__office.inserted[0].base64");
        var filled = Minutes.MinutesDocs.FirstDraft(Convert.FromBase64String(inserted)); // the note-taker fills it in Word
        await page.EvaluateAsync("b64 => { window.__office.docx = b64; }", Convert.ToBase64String(filled));
        await page.GetByRole(AriaRole.Button, new() { Name = "发布纪要" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "新建 2" })).ToBeVisibleAsync();
        await Expect(page.GetByText("已将编号写入文档")).ToBeVisibleAsync();
        await Expect(page.GetByText("第 1 个表第 3 行")).ToBeVisibleAsync(); // "Book the venue": table and row as numbers

        var ids = new List<Guid>();
        foreach (var title in new[] { "Draft the campaign", "Book the venue" }) // the draft's rows 2 and 3
            ids.Add(await app.WithDbAsync(Tenant, db => db.ActionItems.Where(i => i.Title == title).Select(i => i.Id).SingleAsync()));
        var tags = await page.EvaluateAsync<string[]>("() => window.__office.controls.map(c => c.tag)");
        Assert.Equal([$"collab:action:{ids[0]}", $"collab:action:{ids[1]}", "collab:action"], tags);
        Assert.Equal(65536, await page.EvaluateAsync<int>("() => window.__office.sliceSizes[0]"));

        // A report row, clicked, selects its row in the document.
        await page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Book the venue" }).GetByRole(AriaRole.Button, new() { Name = "在文档中显示" }).ClickAsync();
        await page.WaitForFunctionAsync("() => window.__office.selected.includes(1)");

        await page.GetByRole(AriaRole.Button, new() { Name = "发布纪要" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "未变 2" })).ToBeVisibleAsync();
        Assert.Equal(2, await app.WithDbAsync(Tenant, db => db.ActionItems.CountAsync()));

        await page.GetByRole(AriaRole.Button, new() { Name = "将纪要发送给参会人" }).ClickAsync();
        await Expect(page.GetByText("已发送给 4 位参会人。")).ToBeVisibleAsync();
        Assert.Equal(4, app.Graph.State.SentMail.Count);
        await Browser.Screenshot(page, "minutes-report-zh");

        // A second click does not mail everyone twice: the pane says when they went and offers to send them again.
        await page.GetByRole(AriaRole.Button, new() { Name = "将纪要发送给参会人" }).ClickAsync();
        await Expect(page.GetByText("这份纪要已于")).ToBeVisibleAsync();
        Assert.Equal(4, app.Graph.State.SentMail.Count);
        await Browser.Screenshot(page, "minutes-already-mailed-zh");
        foreach (var width in new[] { 350, 320 }) // the narrowest Office task panes: nothing may scroll sideways
        {
            await page.SetViewportSizeAsync(width, 900);
            await Browser.Screenshot(page, $"minutes-already-mailed-zh-{width}");
            Assert.True(await Browser.FitsWidth(page), $"horizontal scroll at {width} px");
        }
        await page.SetViewportSizeAsync(420, 900);
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        await page.GetByRole(AriaRole.Button, new() { Name = "再次发送同一份纪要" }).ClickAsync();
        await Expect(page.GetByText("已发送给 4 位参会人。")).ToBeVisibleAsync();
        Assert.Equal(8, app.Graph.State.SentMail.Count);

        await page.GetByLabel("语言").SelectOptionAsync("en-US");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish minutes" })).ToBeVisibleAsync();
        await Browser.Screenshot(page, "minutes-en");
    }

    [Fact]
    public async Task The_organizer_sees_how_the_items_of_earlier_meetings_stand()
    {
        var (app, meeting) = await MeetingWithPublishedMinutes();
        await using var _ = app;
        var page = await browser.OpenAsync(app, "/organizer.html", new { host = "Outlook", displayLanguage = "en-US", item = new { compose = true } }, Person(Organizer));

        var row = page.GetByRole(AriaRole.Listitem, new() { Name = meeting.Subject });
        await Expect(row.GetByText("0 of 2 items done")).ToBeVisibleAsync();
        await Expect(row.GetByText("Invite sent")).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Edit: {meeting.Subject}" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task In_a_plain_browser_the_panes_run_in_demo_mode_with_the_development_sign_in()
    {
        await using var app = await TestApp.StartAsync(kestrel: true, settings: new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
        var page = await browser.OpenAsync(app, "/items.html", new { host = (string?)null, displayLanguage = "en-US" });

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Demo mode" })).ToBeVisibleAsync();
        await AssertAccessible(page);
        await Browser.Screenshot(page, "demo-sign-in-en");
        // Keyboard only: focus the user list, pick with the arrow keys, tab to the button, press Enter.
        await page.GetByLabel("Demo person").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByLabel("Demo person")).ToHaveValueAsync("chen.wei@contoso.example");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Signed in as 陈伟" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Article, new() { Name = "准备发布会宣传方案 / Draft the launch campaign" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Overdue 1" })).ToHaveAttributeAsync("aria-selected", "true");
        await AssertAccessible(page);
        await Browser.Screenshot(page, "demo-items-en");
    }

    [Fact]
    public async Task A_production_build_loads_office_js_from_microsofts_cdn_and_the_offline_build_from_the_api()
    {
        var output = Directory.CreateTempSubdirectory("web-cdn-").FullName;
        var start = new System.Diagnostics.ProcessStartInfo("npx") { WorkingDirectory = Path.Combine(Repository.Root, "src", "AddinWeb"), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "vite", "build", "--outDir", output, "--emptyOutDir" }) start.ArgumentList.Add(a);
        start.Environment["OFFICE_JS"] = "cdn";
        using (var process = System.Diagnostics.Process.Start(start)!)
        {
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await errors);
        }
        foreach (var page in new[] { "items.html", "organizer.html", "minutes.html" })
        {
            Assert.Contains("<script src=\"https://appsforoffice.microsoft.com/lib/1/hosted/office.js\"></script>", await File.ReadAllTextAsync(Path.Combine(output, page)));
            Assert.Contains("<script src=\"/office-js/office.js\"></script>", await File.ReadAllTextAsync(Path.Combine(Repository.Root, "src", "AddinWeb", "dist", page)));
        }
    }
}
