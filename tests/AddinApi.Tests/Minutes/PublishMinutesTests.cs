using System.Net;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Data;
using CollabAddin.Api.Decisions;
using CollabAddin.Api.Minutes;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CollabAddin.Api.Tests.ActionItems.PatchActionItemTests;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static CollabAddin.Api.Tests.Minutes.MinutesDocs;

namespace CollabAddin.Api.Tests.Minutes;

public sealed class PublishMinutesTests(PostgresServer postgres)
{
    private sealed record Setup(TestApp App, Guid MeetingId, HttpClient NoteTaker, byte[] Template);

    private async Task<Setup> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var app = await TestApp.StartAsync(provider, postgres);
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        return new Setup(app, meeting!.Id, bob, await TemplateAsync(bob, meeting.Id));
    }

    private static async Task<PublishReport> Publish(Setup s, byte[] docx) =>
        await (await PublishAsync(s.NoteTaker, s.MeetingId, docx)).ReadAsync<PublishReport>();

    private static Task<(int Items, int History, int Publications, int Decisions)> Counts(Setup s) =>
        s.App.WithDbAsync(Tenant, async db => (await db.ActionItems.CountAsync(), await db.ActionItemChanges.CountAsync(),
            await db.MinutesPublications.CountAsync(), await db.Decisions.CountAsync()));

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Publishing_creates_the_items_decisions_and_attendance_with_history_from_the_minutes(DatabaseProvider provider)
    {
        var s = await StartAsync(provider);
        await using var _ = s.App;

        var report = await Publish(s, FirstDraft(s.Template));

        Assert.Equal(["Draft the campaign", "Book the venue"], report.Created.Select(c => c.Title));
        Assert.Equal(["Action items, row 2", "Action items, row 3"], report.Rows.Select(r => r.Row));
        Assert.Empty(report.Conflicts);
        Assert.Equal(new DecisionCounts(1, 0, 0), report.Decisions);
        Assert.NotNull(report.PublicationId);
        var carol = await s.App.ClientForAsync(Owner);
        var mine = await (await carol.GetAsync("/api/me/action-items")).ReadAsync<ActionItemPage>();
        var campaign = Assert.Single(mine.Items);
        Assert.Equal((new DateOnly(2026, 12, 10), "Marketing", ActionItemStatus.Open), (campaign.DueDate, campaign.LeadDepartment!.Name, campaign.Status));
        Assert.Equal(["Product", "Sales"], campaign.CooperatingDepartments.Select(d => d.Name).Order());
        var venue = report.Created[1].Id;
        var dave = await (await (await s.App.ClientForAsync(Attendee)).GetAsync($"/api/action-items/{venue}")).ReadAsync<ActionItemResponse>();
        Assert.Equal(new DateOnly(2026, 12, 11), dave.DueDate); // 下周五 said on Tuesday 1 Dec: Friday of the following week
        var history = await (await carol.GetAsync($"/api/action-items/{campaign.Id}/history")).ReadAsync<List<ActionItemChangeResponse>>();
        Assert.Equal((ChangeSource.Minutes, NoteTaker, "created"), (history.Single().Source, history.Single().By.Email, history.Single().Field));
        var decisions = await (await carol.GetAsync($"/api/meetings/{s.MeetingId}/decisions")).ReadAsync<List<DecisionResponse>>();
        Assert.Equal(("Launch on 7 December", Organizer), (decisions.Single().Text, decisions.Single().Owner!.Email));
        var attendance = await s.App.WithDbAsync(Tenant, db => db.Meetings.AsNoTracking().Where(m => m.Id == s.MeetingId).Select(m => m.Attendance).SingleAsync());
        Assert.Equal([(Organizer, "present"), (NoteTaker, "present"), (Owner, "present"), (Attendee, "absent")],
            attendance.Select(a => (a.Email!, a.Status)).OrderBy(a => a.Item1 == Attendee).ThenBy(a => a.Item1));
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Publishing_the_same_document_twice_changes_nothing(DatabaseProvider provider)
    {
        var s = await StartAsync(provider);
        await using var _ = s.App;
        var draft = FirstDraft(s.Template);
        var first = await Publish(s, draft);
        var before = await Counts(s);

        var again = await Publish(s, draft); // not stamped: rows are matched by what they say
        var stamped = await Publish(s, Stamp(draft, first));

        foreach (var report in new[] { again, stamped })
        {
            Assert.Empty(report.Created);
            Assert.Empty(report.Updated);
            Assert.Empty(report.Cancelled);
            Assert.Null(report.PublicationId);
            Assert.Equal(first.Created.Select(c => c.Id), report.Unchanged.Select(u => u.Id));
        }
        Assert.Equal(before, await Counts(s));
    }

    [Fact]
    public async Task Editing_a_row_updates_its_item_and_history_says_it_came_from_the_minutes()
    {
        var s = await StartAsync();
        await using var _ = s.App;
        var draft = FirstDraft(s.Template);
        var first = await Publish(s, draft);
        var campaignId = first.Created[0].Id;

        var edited = Edit(Stamp(draft, first), body =>
            Fill(RowTitled(body, "Draft the campaign"), "Draft the final campaign", "Carol Zhang", "2026-12-15", "Sales", "Product", "2", ""));
        var report = await Publish(s, edited);

        var update = Assert.Single(report.Updated);
        Assert.Equal(campaignId, update.Id);
        Assert.Equal(["title", "dueDate", "leadDepartment", "cooperatingDepartments"], update.Fields);
        Assert.Equal([first.Created[1].Id], report.Unchanged.Select(u => u.Id));
        var history = await (await (await s.App.ClientForAsync(Owner)).GetAsync($"/api/action-items/{campaignId}/history")).ReadAsync<List<ActionItemChangeResponse>>();
        Assert.All(history, h => Assert.Equal(ChangeSource.Minutes, h.Source));
        Assert.Contains(history, h => h.Field == "dueDate" && h.OldValue == "2026-12-10" && h.NewValue == "2026-12-15");
        Assert.Contains(history, h => h.Field == "leadDepartment" && h.OldValue == "Marketing" && h.NewValue == "Sales");
    }

    [Fact]
    public async Task A_removed_row_cancels_its_item_unless_the_assignee_already_worked_on_it()
    {
        var s = await StartAsync();
        await using var _ = s.App;
        var draft = FirstDraft(s.Template);
        var first = await Publish(s, draft);
        var (campaign, venue) = (first.Created[0].Id, first.Created[1].Id);
        // Dave starts on the venue from his task pane.
        await (await (await s.App.ClientForAsync(Attendee)).SendAsync(Patch(venue, new { status = "inProgress" }, "\"1\""))).ShouldBeAsync(HttpStatusCode.OK);

        var bothRemoved = Edit(draft, body => { foreach (var row in ActionRows(body).Take(2)) row.Remove(); });
        var report = await Publish(s, bothRemoved);

        Assert.Equal([campaign], report.Cancelled.Select(c => c.Id));
        var conflict = Assert.Single(report.Conflicts);
        Assert.Equal((venue, "leftAlone", "row"), (conflict.Id, conflict.Resolution, conflict.Field));
        Assert.Contains("Dave Chen has already worked on it", conflict.Message);
        var states = await s.App.WithDbAsync(Tenant, db => db.ActionItems.OrderBy(i => i.Title).Select(i => i.Status).ToListAsync());
        Assert.Equal([ActionItemStatus.InProgress, ActionItemStatus.Cancelled], states); // Book the venue, Draft the campaign

        var restored = await Publish(s, draft); // the campaign row comes back
        Assert.Contains(restored.Updated, u => u.Id == campaign && u.Fields.Contains("status"));
        Assert.Equal(ActionItemStatus.Open, await s.App.WithDbAsync(Tenant, db => db.ActionItems.Where(i => i.Id == campaign).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_assignees_status_stands_unless_the_minutes_change_that_same_field_which_is_then_a_conflict()
    {
        var s = await StartAsync();
        await using var _ = s.App;
        var draft = FirstDraft(s.Template);
        var first = await Publish(s, draft);
        var campaign = first.Created[0].Id;
        var carol = await s.App.ClientForAsync(Owner);
        await (await carol.SendAsync(Patch(campaign, new { status = "inProgress", progressNote = "Outline done" }, "\"1\""))).ShouldBeAsync(HttpStatusCode.OK);

        var quiet = await Publish(s, Edit(draft, body => Fill(RowTitled(body, "Book the venue"), "Book the venue", "@dave", "下周五", "Sales", "", "1", "")));
        Assert.Empty(quiet.Conflicts);
        var item = await (await carol.GetAsync($"/api/action-items/{campaign}")).ReadAsync<ActionItemResponse>();
        Assert.Equal((ActionItemStatus.InProgress, "Outline done"), (item.Status, item.ProgressNote));

        var decided = await Publish(s, Edit(draft, body => Fill(RowTitled(body, "Draft the campaign"), "Draft the campaign", "Carol Zhang", "2026-12-10", "Marketing", "Sales, Product", "2", "blocked")));
        var conflict = Assert.Single(decided.Conflicts);
        Assert.Equal(("status", "blocked", "inProgress", "documentWins"), (conflict.Field, conflict.Document, conflict.Current, conflict.Resolution));
        item = await (await carol.GetAsync($"/api/action-items/{campaign}")).ReadAsync<ActionItemResponse>();
        Assert.Equal((ActionItemStatus.Blocked, "Outline done"), (item.Status, item.ProgressNote)); // progress is the assignee's alone
    }

    [Fact]
    public async Task The_template_offers_what_is_already_published_with_ids_so_publishing_it_back_changes_nothing()
    {
        var s = await StartAsync();
        await using var _ = s.App;
        var first = await Publish(s, FirstDraft(s.Template));
        var before = await Counts(s);

        var regenerated = await TemplateAsync(s.NoteTaker, s.MeetingId);
        var report = await Publish(s, regenerated);

        Assert.Equal(first.Created.Select(c => c.Id).Order(), report.Unchanged.Select(u => u.Id).Order());
        Assert.Empty(report.Created);
        Assert.Equal(before, await Counts(s));
        var chinese = CollabAddin.Minutes.MinutesReader.Read(new MemoryStream(await TemplateAsync(s.NoteTaker, s.MeetingId, "zh-CN")),
            new CollabAddin.Minutes.MinutesContext(new DateOnly(2026, 12, 1), [], []));
        Assert.Equal(first.Created.Select(c => c.Id).Order(), chinese.ActionItems.Select(a => a.Id!.Value).Order());
        Assert.Equal(["present", "present", "present", "absent"], chinese.Attendance.Select(a => a.Status)); // recorded attendance comes back too
    }

    [Fact]
    public async Task Decisions_removed_from_the_minutes_stay_in_the_register_as_revoked()
    {
        var s = await StartAsync();
        await using var _ = s.App;
        var draft = FirstDraft(s.Template);
        await Publish(s, draft);
        var withoutDecision = Edit(draft, body => body.Descendants<DocumentFormat.OpenXml.Wordprocessing.SdtRow>()
            .First(r => r.SdtProperties!.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.Tag>()!.Val == CollabAddin.Minutes.MinutesTags.DecisionRow).Remove());

        var report = await Publish(s, withoutDecision);

        Assert.Equal(new DecisionCounts(0, 0, 1), report.Decisions);
        var decisions = await (await s.NoteTaker.GetAsync($"/api/meetings/{s.MeetingId}/decisions")).ReadAsync<List<DecisionResponse>>();
        Assert.Equal(DecisionStatus.Revoked, decisions.Single().Status);
    }

    [Fact]
    public async Task Rows_the_store_cannot_take_are_reported_not_guessed()
    {
        var s = await StartAsync();
        await using var _ = s.App;
        var draft = Edit(s.Template, body =>
        {
            Fill(ActionRows(body)[0], "Ship it", "Zhang San", "soon", "Brand-new dept", "", "9", "");
            Fill(ActionRows(body)[1], new string('长', 600), "Carol Zhang", "2026-12-10", "", "", "", "");
        });

        var report = await Publish(s, draft);

        Assert.Equal("Action items, row 2", Assert.Single(report.Skipped).Row);
        var created = Assert.Single(report.Created);
        Assert.Equal(500, created.Title.Length);
        Assert.Contains(report.Warnings, w => w.Location == "Action items, row 3" && w.Message.Contains("shortened"));
        Assert.Contains(report.Warnings, w => w.Location == "Action items, row 2, owner");
        Assert.Contains(report.Warnings, w => w.Location == "Action items, row 2, agenda item");
    }

    [Fact]
    public async Task Departments_the_plan_names_are_known_and_only_a_department_nobody_named_is_announced()
    {
        var s = await StartAsync();
        await using var _ = s.App;
        var draft = Edit(s.Template, body =>
        {
            Fill(ActionRows(body)[0], "Draft the campaign", "Carol Zhang", "2026-12-10", "marketing", "Engineering", "", ""); // the plan's departments, any case
            Fill(ActionRows(body)[1], "Book the venue", "Dave Chen", "2026-12-11", "Facilities", "", "", "");
        });

        var report = await Publish(s, draft);

        var warning = Assert.Single(report.Warnings);
        Assert.Equal(("newDepartment", "Action items, row 3"), (warning.Code, warning.Location));
        Assert.Contains("'Facilities'", warning.Message, StringComparison.Ordinal);
        Assert.Equal(3, await s.App.WithDbAsync(Tenant, db => db.Departments.CountAsync())); // all set up, none lost
    }

    [Fact]
    public async Task A_publish_that_changes_only_the_notes_is_kept_so_the_mail_carries_the_new_notes()
    {
        var s = await StartAsync();
        await using var _ = s.App;
        var first = await Publish(s, s.Template); // nothing in the store changes: still the first minutes
        var noted = Edit(s.Template, body => body.Descendants<DocumentFormat.OpenXml.Wordprocessing.SdtBlock>()
            .First(b => CollabAddin.Minutes.MinutesTags.Parse(b.SdtProperties!.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.Tag>()?.Val?.Value).Kind == CollabAddin.Minutes.MinutesTags.Notes)
            .Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().First()
            .Append(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("Agreed to keep the date."))));

        var second = await Publish(s, noted);
        var repeat = await Publish(s, noted);

        Assert.NotNull(first.PublicationId);
        Assert.NotNull(second.PublicationId);
        Assert.NotEqual(first.PublicationId, second.PublicationId);
        Assert.Null(repeat.PublicationId); // the same notes again: nothing new to keep
        await (await s.NoteTaker.PostAsync($"/api/meetings/{s.MeetingId}/minutes/mail", null)).ShouldBeAsync(HttpStatusCode.OK);
        Assert.All(s.App.Graph.State.SentMail, m => MarkedCopyOf(noted, Assert.Single(m.Attachments).Content));
    }

    [Theory]
    [InlineData("en-US", "Could not match 'Zhang Carol' to an attendee. Did you mean Carol Zhang <carol@contoso.example>?")]
    [InlineData("zh-CN", "无法将“Zhang Carol”对应到参会人。您是否指的是 Carol Zhang <carol@contoso.example>？")]
    public async Task An_owner_written_another_way_is_reported_with_the_attendee_it_may_mean_and_not_guessed(string language, string expected)
    {
        var s = await StartAsync();
        await using var _ = s.App;
        var draft = Edit(s.Template, body => Fill(ActionRows(body)[0], "Draft the campaign", "Zhang Carol", "2026-12-10", "", "", "", ""));
        var content = new ByteArrayContent(draft);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(MinutesApi.DocxType);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{s.MeetingId}/minutes") { Content = content };
        request.Headers.AcceptLanguage.ParseAdd(language);

        var report = await (await s.NoteTaker.SendAsync(request)).ReadAsync<PublishReport>();

        var warning = report.Warnings.Single(w => w.Code == "unknownPersonClose");
        Assert.StartsWith(expected, warning.Message, StringComparison.Ordinal);
        Assert.Single(report.Skipped); // no owner: not stored under a guessed one
    }
}
