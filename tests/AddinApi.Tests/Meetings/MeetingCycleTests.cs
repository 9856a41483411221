using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.Decisions;
using CollabAddin.Api.Feedback;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Minutes;
using CollabAddin.Api.Series;
using CollabAddin.Api.Templates;
using CollabAddin.Api.Tests.Infrastructure;
using DocumentFormat.OpenXml.Wordprocessing;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static CollabAddin.Api.Tests.Minutes.MinutesDocs;

namespace CollabAddin.Api.Tests.Meetings;

/// <summary>
/// The "done when", end to end through the API and the Graph emulator, in both languages: a weekly series from
/// the template, a topic from an attendee, answers to the invite, the clock, hand-typed minutes, sign-off, ratings —
/// and the next meeting carries the open item.
/// </summary>
public sealed class MeetingCycleTests
{
    private static async Task<HttpClient> As(TestApp app, string email, string language)
    {
        var client = await app.ClientForAsync(email);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task A_newcomer_runs_a_weekly_series_from_plan_to_the_next_meetings_open_items(string language)
    {
        var zh = language == "zh-CN";
        await using var app = await TestApp.StartAsync();
        var (alice, bob, carol, dave) = (await As(app, Organizer, language), await As(app, NoteTaker, language), await As(app, Owner, language), await As(app, Attendee, language));

        // Plan from the weekly-sync template, as a series of three.
        var templates = await (await alice.GetAsync($"/api/templates?lang={language}")).ReadAsync<List<TemplateResponse>>();
        var weekly = templates.Single(t => t.Id == "builtin:weeklySync");
        var plan = ValidPlan(zh ? "发布周例会" : "Launch weekly sync") with
        {
            Goal = weekly.Goal.Replace("【日期】", "12月31日", StringComparison.Ordinal).Replace("[date]", "31 December", StringComparison.Ordinal),
            End = "2026-12-01T10:30",
            Agenda = weekly.Agenda.Select(a => new PlannedAgendaItem(null, a.Topic, a.Discussion, Organizer, a.PlannedMinutes, a.ExpectedOutput)).ToList(),
            PreReads = [],
            Recurrence = new PlannedRecurrence("weekly", 1, null, null, null, null, 3),
        };
        var first = await (await alice.PostAsJsonAsync("/api/meetings", plan)).ReadAsync<MeetingResponse>(HttpStatusCode.Created);
        Assert.Equal(3, first.Series!.Count);
        var series = await (await alice.GetAsync($"/api/series/{first.Series.Id}")).ReadAsync<SeriesResponse>();

        // Dave proposes a topic; Alice accepts it: the first meeting's invite is updated once.
        var topic = await (await dave.PostAsJsonAsync($"/api/meetings/{first.Id}/topics",
            new { topic = zh ? "价格表" : "Price list", why = zh ? "销售需要" : "Sales needs it", minutes = 5, expectedOutput = zh ? "确认的价格表" : "An agreed price list" }))
            .ReadAsync<TopicResponse>(HttpStatusCode.Created);
        await (await alice.PostAsync($"/api/meetings/{first.Id}/topics/{topic.Id}/accept", null)).ShouldBeAsync(HttpStatusCode.OK);
        var meeting = await (await alice.GetAsync($"/api/meetings/{first.Id}")).ReadAsync<MeetingResponse>();
        Assert.Equal(4, meeting.Agenda.Count);
        Assert.Equal([meeting.Invite.GraphEventId], app.Graph.State.Notices.Where(n => n.Kind == "update").Select(n => n.EventId));

        // Attendees answer the first meeting in Outlook.
        Assert.True(app.Graph.State.Answer(Owner, meeting.Invite.ICalUId!, "accepted"));
        Assert.True(app.Graph.State.Answer(Attendee, meeting.Invite.ICalUId!, "declined"));
        var answers = await (await alice.GetAsync($"/api/meetings/{first.Id}/responses")).ReadAsync<InviteAnswers>();
        Assert.Equal((2, 1), (answers.Counts.Accepted, answers.Counts.Declined)); // the organizer and Carol; Dave declined

        // Bob keeps time through the four items.
        app.Clock.Set(first.StartUtc);
        for (int? from = null; ; from = (from ?? -1) + 1)
        {
            var clock = await (await bob.PostAsJsonAsync($"/api/meetings/{first.Id}/clock/next", new ClockMove(from))).ReadAsync<ClockState>();
            if (clock.Finished) break;
            app.Clock.Advance(TimeSpan.FromMinutes(7));
        }

        // Bob publishes the minutes: one action item for Carol, and a decision typed by hand under a heading.
        var template = await TemplateAsync(bob, first.Id, language);
        using (var read = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(template), false))
            Assert.Contains(zh ? "实际用时: 7 分钟" : "actual: 7 min", read.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        var minutes = Edit(template, body =>
        {
            Fill(ActionRows(body)[0], zh ? "预订场地" : "Book the venue", NameOf(Owner), "2026-12-05");
            var end = body.GetFirstChild<SectionProperties>()!;
            body.InsertBefore(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }), new Run(new Text(zh ? "会议决议" : "Decisions"))), end);
            body.InsertBefore(new Paragraph(new Run(new Text(zh ? "发布日期定为12月7日。" : "Launch on 7 December."))), end);
        });
        var report = await (await PublishAsync(bob, first.Id, minutes)).ReadAsync<PublishReport>();
        Assert.Single(report.Created);
        Assert.Equal(1, report.Decisions.Created);
        var decisions = await (await carol.GetAsync($"/api/decisions?seriesId={series.Id}")).ReadAsync<DecisionPage>();
        Assert.Equal(zh ? "发布日期定为12月7日。" : "Launch on 7 December.", Assert.Single(decisions.Decisions).Text);

        // Alice (the host) approves them; attendees rate the meeting.
        var status = await (await alice.GetAsync($"/api/meetings/{first.Id}/minutes/publications")).ReadAsync<MinutesStatus>();
        var approved = await (await alice.PostAsJsonAsync($"/api/meetings/{first.Id}/minutes/approve", new ApproveRequest(status.Publications.Single(p => p.Latest).Id)))
            .ReadAsync<MinutesStatus>();
        Assert.NotNull(approved.Publications.Single(p => p.Latest).ApprovedAt);
        app.Clock.Set(first.EndUtc.AddHours(1));
        foreach (var client in new[] { bob, carol, dave })
        {
            using var rate = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{first.Id}/feedback/mine") { Content = JsonContent.Create(new { goalReached = 4, agendaKept = 5, timeWellUsed = 4 }) };
            await (await client.SendAsync(rate)).ShouldBeAsync(HttpStatusCode.OK);
        }
        var feedback = await (await alice.GetAsync($"/api/meetings/{first.Id}/feedback")).ReadAsync<FeedbackSummary>();
        Assert.Equal(3, feedback.Answers);
        Assert.NotNull(feedback.Scores);

        // The next meeting opens with Carol's item, in the meeting and first in its minutes template, with its id.
        var next = await (await carol.GetAsync($"/api/meetings/{series.Occurrences[1].Id}")).ReadAsync<MeetingResponse>();
        var carried = Assert.Single(next.OpenItems);
        Assert.Equal((zh ? "预订场地" : "Book the venue", Owner, first.Id), (carried.Title, carried.OwnerEmail, carried.FromMeetingId));
        var nextTemplate = await TemplateAsync(bob, next.Id, language);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(nextTemplate), false);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.True(text.IndexOf(zh ? "此前会议的未完成事项" : "Open items from earlier meetings", StringComparison.Ordinal)
                    < text.IndexOf(zh ? "议程与记录" : "Agenda and notes", StringComparison.Ordinal));
        Assert.Contains(doc.MainDocumentPart.Document.Body.Descendants<Tag>(), t => t.Val == $"{CollabAddin.Minutes.MinutesTags.ActionRow}:{carried.Id}");
    }
}
