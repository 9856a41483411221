using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.Data;
using CollabAddin.Api.Feedback;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Feedback;

/// <summary>
/// Meeting feedback: attendees rate a meeting 1–5 on three questions; the organizer never learns who gave which score —
/// nothing but the count until three have answered — and the report groups the scores by organizer and department.
/// </summary>
public sealed class FeedbackTests(PostgresServer postgres)
{
    private static Task<HttpResponseMessage> Rate(HttpClient client, Guid meeting, object answer, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{meeting}/feedback/mine") { Content = JsonContent.Create(answer) };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return client.SendAsync(request);
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task The_organizer_sees_only_how_many_answered_until_three_did_then_averages_and_comments_without_names(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var s = await MeetingWithItemAsync(app);
        var alice = await app.ClientForAsync(Organizer);
        var (bob, carol, dave) = (await app.ClientForAsync(NoteTaker), await app.ClientForAsync(Owner), await app.ClientForAsync(Attendee));

        await (await Rate(bob, s.MeetingId, new { goalReached = 2, agendaKept = 3, timeWellUsed = 2, comment = "Too long on item 1." })).ShouldBeAsync(HttpStatusCode.OK);
        await (await Rate(carol, s.MeetingId, new { goalReached = 4, agendaKept = 4, timeWellUsed = 5 })).ShouldBeAsync(HttpStatusCode.OK);
        var two = await (await alice.GetAsync($"/api/meetings/{s.MeetingId}/feedback")).ReadAsync<FeedbackSummary>();
        Assert.Equal((2, 3), (two.Answers, two.Invited));
        Assert.Null(two.Scores);
        Assert.Null(two.Distribution);
        Assert.Null(two.Comments); // a comment would tell who wrote it as surely as a score

        // Bob changes his mind: his answer is replaced, not counted twice.
        await (await Rate(bob, s.MeetingId, new { goalReached = 3, agendaKept = 3, timeWellUsed = 3, comment = "Too long on item 1." })).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(2, (await (await alice.GetAsync($"/api/meetings/{s.MeetingId}/feedback")).ReadAsync<FeedbackSummary>()).Answers);
        var bobs = await (await bob.GetAsync($"/api/meetings/{s.MeetingId}/feedback/mine")).ReadAsync<MyFeedback>();
        Assert.Equal((3, "Too long on item 1."), (bobs.GoalReached, bobs.Comment));
        await (await dave.GetAsync($"/api/meetings/{s.MeetingId}/feedback/mine")).ShouldBeAsync(HttpStatusCode.NoContent);

        await (await Rate(dave, s.MeetingId, new { goalReached = 5, agendaKept = 2, timeWellUsed = 4, comment = "A clear decision at last." })).ShouldBeAsync(HttpStatusCode.OK);
        var three = await (await alice.GetAsync($"/api/meetings/{s.MeetingId}/feedback")).ReadAsync<FeedbackSummary>();
        Assert.Equal(3, three.Answers);
        Assert.Equal((4.0, 3.0, 4.0), (three.Scores!.GoalReached, three.Scores.AgendaKept, three.Scores.TimeWellUsed));
        Assert.Equal([0, 0, 1, 1, 1], three.Distribution!["goalReached"]);
        Assert.Equal(["A clear decision at last.", "Too long on item 1."], three.Comments); // by text, not by who or when
        var raw = await (await alice.GetAsync($"/api/meetings/{s.MeetingId}/feedback")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(NoteTaker, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("answeredAt", raw, StringComparison.Ordinal);

        // Attendees do not see the others' answers.
        await (await bob.GetAsync($"/api/meetings/{s.MeetingId}/feedback")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Who_may_rate_and_when_is_refused_with_reasons_in_the_callers_language()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        var alice = await app.ClientForAsync(Organizer);
        var carol = await app.ClientForAsync(Owner);
        var good = new { goalReached = 4, agendaKept = 4, timeWellUsed = 4 };

        var own = await (await Rate(alice, s.MeetingId, good, "zh-CN")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("发起人不评价自己的会议", own.GetProperty("title").GetString(), StringComparison.Ordinal);
        await (await Rate(await app.ClientForAsync("erin@contoso.example"), s.MeetingId, good)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await Rate(await app.ClientForAsync(Owner, OtherTenant), s.MeetingId, good)).ProblemAsync(HttpStatusCode.NotFound);
        var incomplete = await (await Rate(carol, s.MeetingId, new { goalReached = 6, agendaKept = 0 }, "zh-CN")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["请打 1 到 5 分。"], incomplete.ErrorsFor("goalReached"));
        Assert.NotEmpty(incomplete.ErrorsFor("agendaKept"));
        Assert.NotEmpty(incomplete.ErrorsFor("timeWellUsed"));
        await (await Rate(carol, s.MeetingId, new { goalReached = 4, agendaKept = 4, timeWellUsed = 4, name = "Carol" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await Rate(carol, s.MeetingId, new { goalReached = 4, agendaKept = 4, timeWellUsed = 4, comment = new string('x', 1001) })).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        // Not yet held, or cancelled: nothing to rate.
        var future = NewMeeting();
        (future.StartUtc, future.EndUtc) = (new DateTime(2027, 1, 5, 2, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 5, 3, 0, 0, DateTimeKind.Utc));
        var cancelled = NewMeeting();
        cancelled.Invite.State = InviteState.Cancelled;
        await app.WithDbAsync(Tenant, async db => { db.Meetings.AddRange(future, cancelled); await db.SaveChangesAsync(); });
        await (await Rate(carol, future.Id, good)).ProblemAsync(HttpStatusCode.Conflict);
        await (await Rate(carol, cancelled.Id, good)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, await app.WithDbAsync(Tenant, db => db.Feedback.CountAsync())); // nothing half-stored by any refusal
    }

    [Fact]
    public async Task The_report_groups_scores_by_organizer_and_department_each_only_from_three_answers_and_only_admins_see_everyone()
    {
        await using var app = await TestApp.StartAsync();
        var first = await MeetingWithItemAsync(app);
        var second = NewMeeting();
        second.OrganizerEmail = Attendee; // Dave organizes a Sales meeting; Alice attends
        second.OrganizerName = NameOf(Attendee);
        await app.WithDbAsync(Tenant, async db => { db.Meetings.Add(second); await db.SaveChangesAsync(); });
        foreach (var who in new[] { NoteTaker, Owner, Attendee })
            await (await Rate(await app.ClientForAsync(who), first.MeetingId, new { goalReached = 4, agendaKept = 5, timeWellUsed = 3 })).ShouldBeAsync(HttpStatusCode.OK);
        await (await Rate(await app.ClientForAsync(Organizer), second.Id, new { goalReached = 1, agendaKept = 1, timeWellUsed = 1 })).ShouldBeAsync(HttpStatusCode.OK);

        var alices = await (await (await app.ClientForAsync(Organizer)).GetAsync("/api/reports/feedback?from=2026-11-01&to=2026-11-30")).ReadAsync<FeedbackReport>();
        var mine = Assert.Single(alices.ByOrganizer); // her own meetings only: not Dave's, though she rated it
        Assert.Equal((Organizer, 1, 3, 4.0), (mine.Key, mine.Meetings, mine.Answers, mine.Scores!.Overall));
        Assert.Equal("Product", Assert.Single(alices.ByDepartment).Name);

        var admin = await (await (await app.AdminClientAsync()).GetAsync("/api/reports/feedback?from=2026-11-01&to=2026-11-30")).ReadAsync<FeedbackReport>();
        Assert.Equal([Organizer, Attendee], admin.ByOrganizer.Select(g => g.Key).Order(StringComparer.Ordinal));
        var daves = admin.ByOrganizer.Single(g => g.Key == Attendee);
        Assert.Equal((1, null), (daves.Answers, daves.Scores)); // one answer: counted, never shown
        Assert.Equal(["Product", "Sales"], admin.ByDepartment.Select(g => g.Name));
    }

    [Fact]
    public async Task The_minutes_mail_offers_attendees_a_one_click_rating_and_not_the_organizer()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        await app.WithDbAsync(Tenant, async db =>
        {
            db.MinutesPublications.Add(new Api.Minutes.MinutesPublication { TenantId = Tenant, MeetingId = s.MeetingId, ByEmail = NoteTaker, Sha256 = "x", Document = [1, 2, 3] });
            await db.SaveChangesAsync();
        });

        await (await (await app.ClientForAsync(NoteTaker)).PostAsync($"/api/meetings/{s.MeetingId}/minutes/mail", null)).ShouldBeAsync(HttpStatusCode.OK);

        var carols = app.Graph.State.SentMail.Single(m => m.To.Single() == Owner).Body;
        foreach (var score in Enumerable.Range(1, 5))
            Assert.Contains($"/feedback.html?meeting={s.MeetingId}&amp;goal={score}\"", carols, StringComparison.Ordinal);
        Assert.DoesNotContain("feedback.html", app.Graph.State.SentMail.Single(m => m.To.Single() == Organizer).Body, StringComparison.Ordinal);
    }
}
