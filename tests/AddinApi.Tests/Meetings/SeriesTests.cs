using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Minutes;
using CollabAddin.Api.Series;
using CollabAddin.Api.Tests.Infrastructure;
using CollabAddin.Minutes;
using DocumentFormat.OpenXml.Wordprocessing;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static CollabAddin.Api.Tests.Minutes.MinutesDocs;

namespace CollabAddin.Api.Tests.Meetings;

/// <summary>
/// A series is one recurring Outlook event (Graph's recurrence, played by the emulator, which expands patterns on its
/// own) and one meeting of ours per occurrence: changing or cancelling one occurrence reaches that occurrence only,
/// lookups work as Outlook hands ids, and open items carry forward into the next occurrences without being copied.
/// </summary>
public sealed class SeriesTests
{
    /// <summary>ValidPlan starts Tuesday 1 December 2026, 10:00 Shanghai.</summary>
    public static MeetingPlan Weekly(int count = 4, string? endDate = null, int interval = 1) =>
        ValidPlan("Weekly launch sync") with { Recurrence = new PlannedRecurrence("weekly", interval, null, null, null, endDate, endDate is null ? count : null) };

    public static async Task<(MeetingResponse First, SeriesResponse Series)> CreateAsync(TestApp app, MeetingPlan plan)
    {
        var alice = await app.ClientForAsync(Organizer);
        var first = await (await alice.PostAsJsonAsync("/api/meetings", plan)).ReadAsync<MeetingResponse>(HttpStatusCode.Created);
        var series = await (await alice.GetAsync($"/api/series/{first.Series!.Id}")).ReadAsync<SeriesResponse>();
        return (first, series);
    }

    private static List<JsonObject> Instances(TestApp app, string masterId)
    {
        var master = app.Graph.State.EventsOf(Organizer).Single(e => e["id"]!.GetValue<string>() == masterId);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "test");
        var page = http.GetFromJsonAsync<JsonObject>($"{app.Graph.GraphBaseUrl}/users/{Organizer}/events/{Uri.EscapeDataString(masterId)}/instances?startDateTime=2026-11-01T00:00:00Z&endDateTime=2027-12-31T00:00:00Z").Result!;
        Assert.Equal("seriesMaster", master["type"]!.GetValue<string>());
        return page["value"]!.AsArray().Select(e => e!.AsObject()).ToList();
    }

    [Fact]
    public async Task A_weekly_series_is_one_recurring_event_with_each_occurrence_a_meeting_linked_to_its_Outlook_occurrence()
    {
        await using var app = await TestApp.StartAsync();
        var (first, series) = await CreateAsync(app, Weekly(count: 4));

        Assert.Equal((1, 4), (first.Series!.Number, first.Series.Count));
        Assert.Equal("Every week on Tuesday, 10:00–11:00 (Asia/Shanghai), 1 Dec 2026 to 22 Dec 2026, 4 meetings", first.Series.Description);
        var masters = app.Graph.State.EventsOf(Organizer);
        var master = Assert.Single(masters);
        Assert.Equal("weekly", master["recurrence"]!["pattern"]!["type"]!.GetValue<string>());
        Assert.Equal("monday", master["recurrence"]!["pattern"]!["firstDayOfWeek"]!.GetValue<string>());
        Assert.Equal(4, master["recurrence"]!["range"]!["numberOfOccurrences"]!.GetValue<int>());
        Assert.Equal(1, app.Graph.State.Notices.Count(n => n.Kind == "invite"));

        // Graph's expansion (the emulator's own) and ours agree on every date, and each meeting holds its occurrence's id.
        var instances = Instances(app, series.Invite.GraphEventId!);
        Assert.Equal(series.Occurrences.Select(o => o.StartUtc), instances.Select(i => DateTime.Parse(i["originalStart"]!.GetValue<string>(), null, System.Globalization.DateTimeStyles.AdjustToUniversal)));
        var alice = await app.ClientForAsync(Organizer);
        foreach (var (occurrence, instance) in series.Occurrences.Zip(instances))
        {
            var meeting = await (await alice.GetAsync($"/api/meetings/{occurrence.Id}")).ReadAsync<MeetingResponse>();
            Assert.Equal((InviteState.Sent, instance["id"]!.GetValue<string>(), instance["iCalUId"]!.GetValue<string>()),
                (meeting.Invite.State, meeting.Invite.GraphEventId, meeting.Invite.ICalUId));
            Assert.Equal(["Launch date", "Campaign"], meeting.Agenda.Select(a => a.Topic)); // the standing topics, fresh ids each
        }
        Assert.Equal(4, series.Occurrences.SelectMany(o => new[] { o.Id }).Distinct().Count());
    }

    [Fact]
    public async Task Changing_one_occurrence_makes_it_an_exception_and_cancelling_one_removes_only_that_occurrence()
    {
        await using var app = await TestApp.StartAsync();
        var (_, series) = await CreateAsync(app, Weekly(count: 4));
        var alice = await app.ClientForAsync(Organizer);
        var second = await alice.GetAsync($"/api/meetings/{series.Occurrences[1].Id}");
        var meeting = await second.ReadAsync<MeetingResponse>();
        var plan = SeriesPlanner.PlanOf(await app.WithDbAsync(Tenant, db => Task.FromResult(db.Meetings.Single(m => m.Id == meeting.Id))))
            with
        { Start = "2026-12-08T15:00", End = "2026-12-08T16:00" };
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{meeting.Id}") { Content = JsonContent.Create(plan) };
        put.Headers.IfMatch.Add(second.Headers.ETag!);
        await (await alice.SendAsync(put)).ShouldBeAsync(HttpStatusCode.OK);
        await (await alice.PostAsJsonAsync($"/api/meetings/{series.Occurrences[2].Id}/cancel", new { message = "Holiday" })).ShouldBeAsync(HttpStatusCode.OK);

        var instances = Instances(app, series.Invite.GraphEventId!);
        Assert.Equal(["occurrence", "exception", "occurrence"], instances.Select(i => i["type"]!.GetValue<string>()));
        Assert.Equal("2026-12-08T07:00:00.0000000", instances[1]["start"]!["dateTime"]!.GetValue<string>()); // 15:00 Shanghai
        var updates = app.Graph.State.Notices.Where(n => n.Kind == "update").ToList();
        Assert.Equal([meeting.Invite.GraphEventId], updates.Select(n => n.EventId));
        var cancel = Assert.Single(app.Graph.State.Notices, n => n.Kind == "cancel");
        Assert.Equal(("Holiday", instances.Select(i => i["id"]!.GetValue<string>()).Contains(cancel.EventId)), (cancel.Comment, false));
        Assert.Single(app.Graph.State.Exchanges, e => e.Method == "POST" && e.Path.EndsWith("/events", StringComparison.Ordinal)); // still one event: the master
    }

    [Fact]
    public async Task Outlook_finds_the_occurrence_by_its_id_by_the_masters_id_and_start_and_by_iCalUId_and_start_for_attendees_too()
    {
        await using var app = await TestApp.StartAsync();
        var (_, series) = await CreateAsync(app, Weekly(count: 3));
        var third = series.Occurrences[2];
        var dave = await app.ClientForAsync(Attendee);
        var alice = await app.ClientForAsync(Organizer);
        var own = await (await alice.GetAsync($"/api/meetings/{third.Id}")).ReadAsync<MeetingResponse>();
        var start = third.StartUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var davesMaster = app.Graph.State.EventsOf(Attendee).Single(e => e["type"]!.GetValue<string>() == "seriesMaster")["id"]!.GetValue<string>();

        Guid Id(MeetingResponse m) => m.Id;
        Assert.Equal(third.Id, Id(await (await alice.GetAsync($"/api/meetings/lookup?eventId={Uri.EscapeDataString(own.Invite.GraphEventId!)}")).ReadAsync<MeetingResponse>()));
        Assert.Equal(third.Id, Id(await (await alice.GetAsync($"/api/meetings/lookup?eventId={Uri.EscapeDataString(series.Invite.GraphEventId!)}&start={start}")).ReadAsync<MeetingResponse>()));
        Assert.Equal(third.Id, Id(await (await dave.GetAsync($"/api/meetings/lookup?iCalUId={series.Invite.ICalUId}&start={start}")).ReadAsync<MeetingResponse>()));
        Assert.Equal(third.Id, Id(await (await dave.GetAsync($"/api/meetings/lookup?iCalUId={own.Invite.ICalUId}")).ReadAsync<MeetingResponse>()));
        // Dave's own copy: its id is his; the series' iCalUId it shares leads to the occurrence on that date.
        var found = await (await dave.GetAsync($"/api/meetings/lookup?eventId={Uri.EscapeDataString(davesMaster)}&start={start}")).ReadAsync<MeetingResponse>();
        Assert.Equal((third.Id, 3), (found.Id, found.Series!.Number));
        // Without a start the master means the next meeting to come.
        Assert.Equal(series.Occurrences[0].Id, Id(await (await alice.GetAsync($"/api/meetings/lookup?eventId={Uri.EscapeDataString(series.Invite.GraphEventId!)}")).ReadAsync<MeetingResponse>()));
        await (await (await app.ClientForAsync(Outsider)).GetAsync($"/api/meetings/lookup?iCalUId={series.Invite.ICalUId}&start={start}")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Changing_the_whole_series_moves_the_meetings_to_come_and_ending_it_earlier_cancels_the_rest()
    {
        await using var app = await TestApp.StartAsync();
        var (_, series) = await CreateAsync(app, Weekly(count: 4));
        var alice = await app.ClientForAsync(Organizer);
        var change = Weekly() with
        {
            Subject = "Weekly launch sync (new time)",
            Start = "2026-12-01T14:00",
            End = "2026-12-01T15:00",
            Recurrence = new PlannedRecurrence("weekly", 1, null, null, null, null, 3),
        };
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/series/{series.Id}") { Content = JsonContent.Create(change) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{series.Version}\""));
        var changed = await (await alice.SendAsync(put)).ReadAsync<SeriesResponse>();

        Assert.Equal("14:00", changed.LocalStart);
        Assert.Equal([InviteState.Sent, InviteState.Sent, InviteState.Sent, InviteState.Cancelled], changed.Occurrences.Select(o => o.State));
        Assert.All(changed.Occurrences.Take(3), o => Assert.Equal(6, o.StartUtc.Hour)); // 14:00 Shanghai
        var instances = Instances(app, changed.Invite.GraphEventId!);
        Assert.Equal(changed.Occurrences.Take(3).Select(o => o.StartUtc), instances.Select(i => DateTime.Parse(i["start"]!["dateTime"]!.GetValue<string>() + "Z", null, System.Globalization.DateTimeStyles.AdjustToUniversal)));
        Assert.Equal("Weekly launch sync (new time)", instances[0]["subject"]!.GetValue<string>());

        // A stale ETag is refused with the current series; no If-Match at all is refused too.
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/series/{series.Id}") { Content = JsonContent.Create(change) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{series.Version}\""));
        await (await alice.SendAsync(stale)).ProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await alice.PutAsJsonAsync($"/api/series/{series.Id}", change)).ProblemAsync(HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task Open_items_carry_forward_across_three_occurrences_and_publishing_updates_them_in_place()
    {
        await using var app = await TestApp.StartAsync();
        var (_, series) = await CreateAsync(app, Weekly(count: 3));
        var bob = await app.ClientForAsync(NoteTaker);
        var (one, two, three) = (series.Occurrences[0].Id, series.Occurrences[1].Id, series.Occurrences[2].Id);

        // Meeting 1 decides two items.
        var minutes1 = Edit(await TemplateAsync(bob, one), body =>
        {
            var rows = ActionRows(body);
            Fill(rows[0], "Book the venue", NameOf(Owner), "2026-12-04");
            Fill(rows[1], "Send the press kit", NameOf(Attendee), "2026-12-10");
        });
        var report1 = await (await PublishAsync(bob, one, minutes1)).ReadAsync<PublishReport>();
        Assert.Equal(2, report1.Created.Count);
        var venue = report1.Created.Single(c => c.Title == "Book the venue").Id;
        var kit = report1.Created.Single(c => c.Title == "Send the press kit").Id;

        // Between meetings Carol reports progress from the pane.
        var carol = await app.ClientForAsync(Owner);
        var got = await carol.GetAsync($"/api/action-items/{venue}");
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/action-items/{venue}") { Content = JsonContent.Create(new { status = "inProgress", progressNote = "Two venues shortlisted" }) };
        patch.Headers.IfMatch.Add(got.Headers.ETag!);
        await (await carol.SendAsync(patch)).ShouldBeAsync(HttpStatusCode.OK);

        // Meeting 2 opens with both, with owner, due, status and the latest progress.
        var alice = await app.ClientForAsync(Organizer);
        var meeting2 = await (await alice.GetAsync($"/api/meetings/{two}")).ReadAsync<MeetingResponse>();
        Assert.Equal([("Book the venue", "inProgress", "Two venues shortlisted"), ("Send the press kit", "open", (string?)null)],
            meeting2.OpenItems.Select(o => (o.Title, o.Status, o.Progress)));
        var template2 = await TemplateAsync(bob, two);
        var open = OpenTable(template2);
        Assert.Equal([$"{MinutesTags.ActionRow}:{venue}", $"{MinutesTags.ActionRow}:{kit}"], open.Elements<SdtRow>().Select(r => r.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value));
        Assert.Contains("Two venues shortlisted", open.InnerText);

        // Meeting 2's minutes: the venue is done, the kit moves to a new date; one new item of its own.
        var minutes2 = Edit(template2, body =>
        {
            var rows = OpenTable(body).Elements<SdtRow>().ToList();
            Fill(rows[0], "Book the venue", NameOf(Owner), "2026-12-04", "done");
            Fill(rows[1], "Send the press kit", NameOf(Attendee), "2026-12-17");
            Fill(ActionRowsBelow(body)[0], "Print the banners", NameOf(Owner), "2026-12-15");
        });
        var report2 = await (await PublishAsync(bob, two, minutes2)).ReadAsync<PublishReport>();
        Assert.Equal(["Print the banners"], report2.Created.Select(c => c.Title));
        Assert.Equal(new[] { venue, kit }.Order(), report2.Updated.Select(u => u.Id).Order());
        var items = await (await alice.GetAsync($"/api/meetings/{one}/action-items")).ReadAsync<List<ActionItemResponse>>();
        Assert.Equal([("Book the venue", ActionItemStatus.Done, new DateOnly(2026, 12, 4)), ("Send the press kit", ActionItemStatus.Open, new DateOnly(2026, 12, 17))],
            items.OrderBy(i => i.Title).Select(i => (i.Title, i.Status, i.DueDate!.Value)));
        var history = await (await alice.GetAsync($"/api/action-items/{kit}/history")).ReadAsync<List<ActionItemChangeResponse>>();
        Assert.Contains(history, h => h.Field == "dueDate" && h.Source == ChangeSource.Minutes && h.NewValue == "2026-12-17");

        // Publishing meeting 2 again duplicates nothing; meeting 3 carries the kit (from 1) and the banners (from 2) only.
        Assert.Empty((await (await PublishAsync(bob, two, minutes2)).ReadAsync<PublishReport>()).Created);
        var meeting3 = await (await alice.GetAsync($"/api/meetings/{three}")).ReadAsync<MeetingResponse>();
        Assert.Equal(["Send the press kit", "Print the banners"], meeting3.OpenItems.Select(o => o.Title));
        Assert.Equal([one, two], meeting3.OpenItems.Select(o => o.FromMeetingId));
        // A minutes copy of meeting 3 without the carried rows cancels nothing of meetings 1 and 2.
        var minutes3 = Edit(await TemplateAsync(bob, three), body => OpenTable(body).Remove());
        Assert.Empty((await (await PublishAsync(bob, three, minutes3)).ReadAsync<PublishReport>()).Cancelled);
        Assert.Equal(2, (await (await alice.GetAsync($"/api/meetings/{three}")).ReadAsync<MeetingResponse>()).OpenItems.Count);
    }

    [Fact]
    public async Task A_parked_topic_moves_to_the_next_occurrence_and_its_invite_is_updated_once()
    {
        await using var app = await TestApp.StartAsync();
        var (first, series) = await CreateAsync(app, Weekly(count: 3));
        var alice = await app.ClientForAsync(Organizer);
        var campaign = first.Agenda.Single(a => a.Topic == "Campaign");

        var next = await (await alice.PostAsJsonAsync($"/api/meetings/{first.Id}/agenda/{campaign.Id}/park", new { })).ReadAsync<MeetingResponse>();

        Assert.Equal(series.Occurrences[1].Id, next.Id);
        Assert.Equal(["Launch date", "Campaign", "Campaign"], next.Agenda.Select(a => a.Topic));
        Assert.Equal([next.Invite.GraphEventId], app.Graph.State.Notices.Where(n => n.Kind == "update").Select(n => n.EventId));
        var moved = await (await alice.GetAsync($"/api/meetings/{first.Id}")).ReadAsync<MeetingResponse>();
        Assert.EndsWith("(Moved to the meeting on 2026-12-08.)", moved.Agenda.Single(a => a.Id == campaign.Id).Discussion);
        // Only the organizer parks, and only to a later meeting.
        await (await (await app.ClientForAsync(NoteTaker)).PostAsJsonAsync($"/api/meetings/{first.Id}/agenda/{campaign.Id}/park", new { })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await alice.PostAsJsonAsync($"/api/meetings/{series.Occurrences[1].Id}/agenda/{next.Agenda[0].Id}/park", new { meeting = first.Id })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Decisions_and_feedback_of_a_series_are_found_and_reported_together()
    {
        await using var app = await TestApp.StartAsync();
        var (_, series) = await CreateAsync(app, Weekly(count: 3));
        var (_, single) = await MeetingsApiTests.CreateAsync(app, ValidPlan("One-off review"));
        var bob = await app.ClientForAsync(NoteTaker);
        foreach (var (meeting, text) in new[] { (series.Occurrences[0].Id, "Launch on 7 December"), (series.Occurrences[1].Id, "Freeze the scope"), (single!.Id, "Not of the series") })
            await (await bob.PostAsJsonAsync($"/api/meetings/{meeting}/capture/decisions", new { text })).ShouldBeAsync(HttpStatusCode.Created);

        var found = await (await (await app.ClientForAsync(Owner)).GetAsync($"/api/decisions?seriesId={series.Id}")).ReadAsync<System.Text.Json.JsonElement>();
        Assert.Equal(["Freeze the scope", "Launch on 7 December"], found.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("text").GetString()).Order(StringComparer.Ordinal));
        var outsider = await (await (await app.ClientForAsync(Outsider)).GetAsync($"/api/decisions?seriesId={series.Id}")).ReadAsync<System.Text.Json.JsonElement>();
        Assert.Empty(outsider.GetProperty("decisions").EnumerateArray()); // not a meeting of theirs

        // Three answers across two meetings of the series: the series shows scores, though neither meeting alone would.
        app.Clock.Set(series.Occurrences[1].EndUtc.AddHours(1));
        foreach (var (who, meeting) in new[] { (NoteTaker, 0), (Owner, 0), (Attendee, 1) })
        {
            using var rate = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{series.Occurrences[meeting].Id}/feedback/mine")
            {
                Content = JsonContent.Create(new { goalReached = 4, agendaKept = 4, timeWellUsed = 5 }),
            };
            await (await (await app.ClientForAsync(who)).SendAsync(rate)).ShouldBeAsync(HttpStatusCode.OK);
        }
        var report = await (await (await app.ClientForAsync(Organizer)).GetAsync("/api/reports/feedback?from=2026-11-01&to=2026-12-31")).ReadAsync<Api.Feedback.FeedbackReport>();
        var weekly = Assert.Single(report.BySeries);
        Assert.Equal((series.Id.ToString(), "Weekly launch sync", 2, 3), (weekly.Key, weekly.Name, weekly.Meetings, weekly.Answers));
        Assert.NotNull(weekly.Scores);
    }

    [Fact]
    public async Task A_bad_recurrence_is_refused_field_by_field_in_the_callers_language()
    {
        await using var app = await TestApp.StartAsync();
        var alice = await app.ClientForAsync(Organizer);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/meetings")
        {
            Content = JsonContent.Create(ValidPlan() with { Recurrence = new PlannedRecurrence("weekly", 1, ["friday"], null, null, "2026-12-01", 5) }),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        var problem = await (await alice.SendAsync(request)).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["首次会议的日期不符合重复规则；请调整首次会议日期或重复规则。"], problem.ErrorsFor("recurrence.daysOfWeek"));
        Assert.Contains("请设置系列的结束方式：结束日期或会议次数（二选一）。", problem.ErrorsFor("recurrence.endDate"));
        Assert.Empty(app.Graph.State.EventsOf(Organizer));
        var tooMany = await (await alice.PostAsJsonAsync("/api/meetings", Weekly(count: 101))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(tooMany.ErrorsFor("recurrence.count"));
        Assert.Equal(0, await app.WithDbAsync(Tenant, db => Task.FromResult(db.Series.Count())));
    }

    [Theory]
    [InlineData("weekly", 2, null, null, null, new[] { "2026-12-01", "2026-12-15", "2026-12-29", "2027-01-12" })]
    [InlineData("absoluteMonthly", 1, null, 31, null, new[] { "2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30" })]
    [InlineData("relativeMonthly", 1, "tuesday", null, "last", new[] { "2026-12-29", "2027-01-26", "2027-02-23", "2027-03-30" })]
    [InlineData("relativeMonthly", 1, "tuesday", null, null, new[] { "2026-12-01", "2027-01-05", "2027-02-02", "2027-03-02" })]
    public void Patterns_give_the_dates_Outlook_gives(string pattern, int interval, string? day, int? dayOfMonth, string? index, string[] expected)
    {
        var first = DateOnly.Parse(expected[0], System.Globalization.CultureInfo.InvariantCulture);
        var errors = new List<string>();
        var r = RecurrenceRules.Read(new PlannedRecurrence(pattern, interval, day is null ? null : [day], dayOfMonth, index, null, 4), first, (f, c, _) => errors.Add($"{f}: {c}"));
        Assert.Empty(errors);
        Assert.Equal(expected, RecurrenceRules.Dates(r!, first).Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    internal static Table OpenTable(byte[] docx)
    {
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        return (Table)OpenTable(doc.MainDocumentPart!.Document!.Body!).CloneNode(true);
    }

    private static Table OpenTable(Body body) => ActionTables(body).First();

    private static List<SdtRow> ActionRowsBelow(Body body) => ActionTables(body).Last().Elements<SdtRow>().Where(r => r.InnerText.Length == 0).ToList();

    private static List<Table> ActionTables(Body body) =>
        body.Descendants<Table>().Where(t => t.GetFirstChild<TableProperties>()?.GetFirstChild<TableCaption>()?.Val == MinutesTags.ActionTable).ToList();
}
