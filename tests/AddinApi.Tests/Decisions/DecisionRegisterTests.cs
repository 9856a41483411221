using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Data;
using CollabAddin.Api.Decisions;
using CollabAddin.Api.Minutes;
using CollabAddin.Api.Reports;
using CollabAddin.Api.Tests.Infrastructure;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static CollabAddin.Api.Tests.Minutes.MinutesDocs;

namespace CollabAddin.Api.Tests.Decisions;

/// <summary>
/// The living decision register: decisions read from minutes as people type them, searched across the meetings the
/// caller may see, kept up to date (status, owner, due date, linked items) and counted in the metrics.
/// </summary>
public sealed class DecisionRegisterTests(PostgresServer postgres)
{
    private sealed record Setup(TestApp App, Guid MeetingId, HttpClient NoteTaker, byte[] Template);

    private async Task<Setup> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var app = await TestApp.StartAsync(provider, postgres);
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        return new Setup(app, meeting!.Id, bob, await TemplateAsync(bob, meeting.Id));
    }

    /// <summary>The template with paragraphs typed at its end, as a note-taker who ignores the decisions table does.</summary>
    private static byte[] Typed(byte[] template, params (string Text, bool Bullet)[] paragraphs) => Edit(template, body =>
    {
        var end = body.GetFirstChild<SectionProperties>();
        foreach (var (text, bullet) in paragraphs)
        {
            var paragraph = new Paragraph(new Run(new Text(text)));
            if (bullet) paragraph.PrependChild(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })));
            if (end is null) body.Append(paragraph);
            else body.InsertBefore(paragraph, end);
        }
    });

    private static async Task<PublishReport> Publish(Setup s, byte[] docx, string? language = null)
    {
        var content = new ByteArrayContent(docx);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(MinutesApi.DocxType);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{s.MeetingId}/minutes") { Content = content };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return await (await s.NoteTaker.SendAsync(request)).ReadAsync<PublishReport>();
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, Guid id, object change, string? etag = null, string? language = null)
    {
        etag ??= (await client.GetAsync($"/api/decisions/{id}")).Headers.ETag?.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/decisions/{id}") { Content = JsonContent.Create(change) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Hand_typed_decisions_land_in_the_register_with_their_owner_and_are_found_by_search(DatabaseProvider provider)
    {
        var s = await StartAsync(provider);
        await using var _ = s.App;

        var report = await Publish(s, Typed(s.Template,
            ("二、会议决议", false),
            ("1. 发布日期定为12月7日（负责人：Carol Zhang）。", false),
            ("2. Marketing books the LAUNCH venue.", false),
            ("三、行动项", false)));

        Assert.Equal(new DecisionCounts(2, 0, 0), report.Decisions);
        Assert.Empty(report.Warnings);
        var carol = await s.App.ClientForAsync(Owner);
        var found = await (await carol.GetAsync("/api/decisions?q=launch%20VENUE")).ReadAsync<DecisionPage>();
        var venue = Assert.Single(found.Decisions); // case-insensitive, on every provider
        Assert.Equal(2, (await (await carol.GetAsync("/api/decisions?q=Q3%20LAUNCH")).ReadAsync<DecisionPage>()).Total); // the meeting's subject
        Assert.Equal(("Marketing books the LAUNCH venue.", DecisionStatus.Agreed, "Q3 launch plan"), (venue.Text, venue.Status, venue.MeetingSubject));
        var all = await (await carol.GetAsync($"/api/decisions?meetingId={s.MeetingId}")).ReadAsync<DecisionPage>();
        Assert.Equal(2, all.Total);
        Assert.Equal(Owner, all.Decisions.Single(d => d.Text.StartsWith("发布日期", StringComparison.Ordinal)).Owner?.Email);
        Assert.Equal(2, (await (await carol.GetAsync("/api/decisions?department=marketing")).ReadAsync<DecisionPage>()).Total); // Carol's department takes part
        Assert.Equal(0, (await (await carol.GetAsync("/api/decisions?department=Legal")).ReadAsync<DecisionPage>()).Total);
        Assert.Equal(0, (await (await carol.GetAsync("/api/decisions?from=2027-01-01")).ReadAsync<DecisionPage>()).Total);
        Assert.Equal(2, (await (await carol.GetAsync("/api/decisions?from=2026-12-01&to=2026-12-01&status=agreed,inProgress")).ReadAsync<DecisionPage>()).Total);

        // Not part of the meeting, or in another tenant: nothing, and no hint.
        var outsider = await (await (await s.App.ClientForAsync("erin@contoso.example")).GetAsync("/api/decisions")).ReadAsync<DecisionPage>();
        Assert.Equal(0, outsider.Total);
        var stranger = await (await (await s.App.ClientForAsync(Owner, OtherTenant)).GetAsync("/api/decisions")).ReadAsync<DecisionPage>();
        Assert.Equal(0, stranger.Total);
        await (await (await s.App.ClientForAsync(Owner, OtherTenant)).GetAsync($"/api/decisions/{venue.Id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_decisions_heading_with_nothing_readable_under_it_is_a_warning_in_the_callers_language()
    {
        var s = await StartAsync();
        await using var _ = s.App;

        var report = await Publish(s, Typed(s.Template, ("决定事项：", false), ("•", false), ("下次会议", false)), "zh-CN");

        var warning = Assert.Single(report.Warnings);
        Assert.Equal(("决议列表（第 2 处）", "decisionsUnread"), (warning.Location, warning.Code)); // the template's own "决议" heading is the first
        Assert.Contains("未能读出任何决议", warning.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task The_owner_keeps_the_decision_living_and_the_metrics_count_what_was_implemented(DatabaseProvider provider)
    {
        var s = await StartAsync(provider);
        await using var _ = s.App;
        var published = await Publish(s, FirstDraft(s.Template));
        var carol = await s.App.ClientForAsync(Owner);
        var decision = (await (await carol.GetAsync($"/api/meetings/{s.MeetingId}/decisions")).ReadAsync<List<DecisionResponse>>()).Single();
        var alice = await s.App.ClientForAsync(Organizer);
        var campaign = published.Created.Single(c => c.Title == "Draft the campaign").Id;

        // The organizer hands it to Carol with a date and links the item that carries it out.
        var linked = await (await PatchAsync(alice, decision.Id, new { owner = Owner, dueDate = "2026-12-07", status = "inProgress", link = new[] { campaign } })).ReadAsync<DecisionResponse>();
        Assert.Equal((Owner, new DateOnly(2026, 12, 7), DecisionStatus.InProgress), (linked.Owner?.Email, linked.DueDate, linked.Status));
        Assert.Equal(("Draft the campaign", 0), (Assert.Single(linked.Items).Title, linked.ItemsDone));
        var history = await (await carol.GetAsync($"/api/action-items/{campaign}/history")).ReadAsync<List<ActionItemChangeResponse>>();
        Assert.Equal(decision.Id.ToString(), history.First().NewValue); // the link is in the item's history

        // Dave attends but neither runs the meeting nor owns the decision.
        var dave = await s.App.ClientForAsync(Attendee);
        Assert.False((await (await dave.GetAsync($"/api/decisions/{decision.Id}")).ReadAsync<DecisionResponse>()).CanChange); // the pane offers him nothing
        Assert.True((await (await carol.GetAsync($"/api/decisions/{decision.Id}")).ReadAsync<DecisionResponse>()).CanChange);
        await (await PatchAsync(dave, decision.Id, new { status = "implemented" })).ProblemAsync(HttpStatusCode.Forbidden);

        // Carol, now its owner, marks it implemented; the metrics count it.
        var done = await (await PatchAsync(carol, decision.Id, new { status = "implemented" })).ReadAsync<DecisionResponse>();
        Assert.Equal(DecisionStatus.Implemented, done.Status);
        var figures = await (await carol.GetAsync("/api/reports/metrics?from=2026-11-01&to=2026-12-31")).ReadAsync<Figures>();
        Assert.Equal((1, 1), (figures.DecisionsTaken, figures.DecisionsCarriedOut));

        // A re-publish of the same minutes leaves what the register decided alone.
        await Publish(s, FirstDraft(s.Template));
        Assert.Equal(DecisionStatus.Implemented, (await (await carol.GetAsync($"/api/decisions/{decision.Id}")).ReadAsync<DecisionResponse>()).Status);
    }

    [Fact]
    public async Task Changes_that_cannot_stand_are_refused_with_reasons_and_a_stale_etag_shows_the_current_decision()
    {
        var s = await StartAsync();
        await using var _ = s.App;
        await Publish(s, FirstDraft(s.Template));
        var alice = await s.App.ClientForAsync(Organizer);
        var decision = (await (await alice.GetAsync($"/api/meetings/{s.MeetingId}/decisions")).ReadAsync<List<DecisionResponse>>()).Single();

        var refused = await (await PatchAsync(alice, decision.Id, new { status = "done", owner = "nobody@contoso.example" }, language: "zh-CN")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("不是有效的决议状态", refused.ErrorsFor("status")[0], StringComparison.Ordinal);
        Assert.Contains("不是作出此决议的会议的参会人", refused.ErrorsFor("owner")[0], StringComparison.Ordinal);
        var noReplacement = await (await PatchAsync(alice, decision.Id, new { status = "superseded" })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(noReplacement.ErrorsFor("supersededBy"));
        var unknownItem = await (await PatchAsync(alice, decision.Id, new { link = new[] { Guid.NewGuid() } })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(unknownItem.ErrorsFor("link"));
        await (await PatchAsync(alice, decision.Id, new { text = "rewritten" })).ProblemAsync(HttpStatusCode.BadRequest); // the minutes own the text
        await (await PatchAsync(alice, decision.Id, new { status = "implemented" }, etag: "")).ProblemAsync(HttpStatusCode.PreconditionRequired);

        var etag = (await alice.GetAsync($"/api/decisions/{decision.Id}")).Headers.ETag!.ToString();
        await (await PatchAsync(alice, decision.Id, new { status = "inProgress" }, etag)).ShouldBeAsync(HttpStatusCode.OK);
        var stale = await (await PatchAsync(alice, decision.Id, new { status = "revoked" }, etag)).ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("inProgress", stale.GetProperty("current").GetProperty("status").GetString());
        var unchanged = await s.App.WithDbAsync(Tenant, db => db.Decisions.AsNoTracking().SingleAsync(d => d.Id == decision.Id));
        Assert.Equal(DecisionStatus.InProgress, unchanged.Status); // nothing half-written by the refusals
    }

    [Fact]
    public async Task A_decision_replaced_by_a_later_one_points_at_it_and_leaves_the_carried_out_rate()
    {
        var s = await StartAsync();
        await using var _ = s.App;
        await Publish(s, Typed(s.Template, ("Decisions", false), ("Launch on 7 December.", false), ("Launch on 14 December instead.", false)));
        var alice = await s.App.ClientForAsync(Organizer);
        var decisions = (await (await alice.GetAsync($"/api/decisions?meetingId={s.MeetingId}")).ReadAsync<DecisionPage>()).Decisions;
        var (old, replacement) = (decisions.Single(d => d.Text.Contains("7 December", StringComparison.Ordinal)), decisions.Single(d => d.Text.Contains("14 December", StringComparison.Ordinal)));

        var superseded = await (await PatchAsync(alice, old.Id, new { status = "superseded", supersededBy = replacement.Id })).ReadAsync<DecisionResponse>();

        Assert.Equal((DecisionStatus.Superseded, replacement.Id), (superseded.Status, superseded.SupersededById));
        var figures = await (await alice.GetAsync("/api/reports/metrics?from=2026-11-01&to=2026-12-31")).ReadAsync<Figures>();
        Assert.Equal((1, 0), (figures.DecisionsTaken, figures.DecisionsCarriedOut)); // only the standing one is counted
        var back = await (await PatchAsync(alice, old.Id, new { status = "agreed" })).ReadAsync<DecisionResponse>();
        Assert.Null(back.SupersededById);
    }

    [Fact]
    public async Task A_decision_revoked_by_leaving_the_minutes_stands_again_when_it_comes_back_but_one_revoked_in_the_register_stays_revoked()
    {
        var s = await StartAsync();
        await using var _ = s.App;
        var with = Typed(s.Template, ("Decisions", false), ("Launch on 7 December.", false), ("Budget cap EUR 80,000.", false));
        var without = Typed(s.Template, ("Decisions", false), ("Launch on 7 December.", false));
        await Publish(s, with);
        var alice = await s.App.ClientForAsync(Organizer);
        DecisionResponse Find(DecisionPage page, string start) => page.Decisions.Single(d => d.Text.StartsWith(start, StringComparison.Ordinal));
        async Task<DecisionPage> All() => await (await alice.GetAsync($"/api/decisions?meetingId={s.MeetingId}")).ReadAsync<DecisionPage>();
        var launch = Find(await All(), "Launch");

        Assert.Equal(new DecisionCounts(0, 0, 1), (await Publish(s, without)).Decisions);
        Assert.Equal(DecisionStatus.Revoked, Find(await All(), "Budget").Status);
        Assert.Equal(new DecisionCounts(0, 1, 0), (await Publish(s, with)).Decisions);
        Assert.Equal(DecisionStatus.Agreed, Find(await All(), "Budget").Status);

        await (await PatchAsync(alice, launch.Id, new { status = "revoked" })).ShouldBeAsync(HttpStatusCode.OK);
        await Publish(s, with);
        Assert.Equal(DecisionStatus.Revoked, Find(await All(), "Launch").Status);
    }
}
