using System.Net;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Tests.Infrastructure;
using CollabAddin.GraphEmulator;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static CollabAddin.Api.Tests.Minutes.MinutesDocs;

namespace CollabAddin.Api.Tests.Meetings;

/// <summary>
/// RSVP: attendees answer the invite in Outlook (the emulator records it on the organizer's event, in Graph's shapes);
/// the people running the meeting see who answered how, who has not, and which declines matter; the minutes template
/// pre-fills attendance from the answers.
/// </summary>
public sealed class InviteAnswersTests
{
    private static async Task<MeetingResponse> SentMeetingAsync(TestApp app)
    {
        var (_, meeting) = await MeetingsApiTests.CreateAsync(app);
        Assert.NotNull(meeting!.Invite.ICalUId); // sent through Graph on create
        return meeting;
    }

    [Fact]
    public async Task The_organizer_sees_each_answer_who_has_not_answered_and_a_warning_when_an_agenda_owner_declines()
    {
        await using var app = await TestApp.StartAsync();
        var meeting = await SentMeetingAsync(app);
        var iCal = meeting.Invite.ICalUId!;
        var proposed = (new DateTime(2026, 12, 2, 2, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 2, 3, 0, 0, DateTimeKind.Utc));
        Assert.True(app.Graph.State.Answer(NoteTaker, iCal, "accepted"));
        Assert.True(app.Graph.State.Answer(Owner, iCal, "declined")); // Carol owns "Campaign"
        Assert.True(app.Graph.State.Answer(Attendee, iCal, "tentativelyAccepted", proposed.Item1, proposed.Item2));

        var alice = await app.ClientForAsync(Organizer);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/meetings/{meeting.Id}/responses");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var answers = await (await alice.SendAsync(request)).ReadAsync<InviteAnswers>();

        Assert.True(answers.Live);
        Assert.Equal(new AnswerCounts(2, 1, 1, 0), answers.Counts); // the organizer's own counts as accepted
        var dave = answers.Attendees.Single(a => a.Email == Attendee);
        Assert.Equal(("tentative", proposed.Item1, proposed.Item2), (dave.Response, dave.ProposedStartUtc, dave.ProposedEndUtc));
        Assert.Equal(["Carol Zhang已拒绝，但负责议程：Campaign。请另找人负责，或调整议程。"], answers.Warnings);

        // Bob changes his mind in Outlook: the next look says so.
        app.Graph.State.Answer(NoteTaker, iCal, "declined");
        var again = await (await (await app.ClientForAsync(NoteTaker)).GetAsync($"/api/meetings/{meeting.Id}/responses")).ReadAsync<InviteAnswers>();
        Assert.Equal("declined", again.Attendees.Single(a => a.Email == NoteTaker).Response);
        Assert.Contains(again.Warnings, w => w.StartsWith("Bob Li, a core attendee, declined", StringComparison.Ordinal));

        // Attendees do not see each other's answers.
        await (await (await app.ClientForAsync(Owner)).GetAsync($"/api/meetings/{meeting.Id}/responses")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task While_graph_is_down_the_last_answers_seen_are_shown_marked_as_not_live()
    {
        await using var app = await TestApp.StartAsync();
        var meeting = await SentMeetingAsync(app);
        app.Graph.State.Answer(Owner, meeting.Invite.ICalUId!, "accepted");
        var alice = await app.ClientForAsync(Organizer);
        await (await alice.GetAsync($"/api/meetings/{meeting.Id}/responses")).ShouldBeAsync(HttpStatusCode.OK);

        app.Graph.State.Faults.Add(new FaultRule(FaultKind.Unavailable, "GET", "/events/", Times: 20));
        var stale = await (await alice.GetAsync($"/api/meetings/{meeting.Id}/responses")).ReadAsync<InviteAnswers>();

        Assert.False(stale.Live);
        Assert.Equal("accepted", stale.Attendees.Single(a => a.Email == Owner).Response);
    }

    [Fact]
    public async Task The_minutes_template_pre_fills_attendance_from_the_answers_and_publishing_it_records_that()
    {
        await using var app = await TestApp.StartAsync();
        var meeting = await SentMeetingAsync(app);
        app.Graph.State.Answer(Owner, meeting.Invite.ICalUId!, "accepted");
        app.Graph.State.Answer(Attendee, meeting.Invite.ICalUId!, "declined");
        var bob = await app.ClientForAsync(NoteTaker);
        await (await (await app.ClientForAsync(Organizer)).GetAsync($"/api/meetings/{meeting.Id}/responses")).ShouldBeAsync(HttpStatusCode.OK);

        var template = await TemplateAsync(bob, meeting.Id);
        await (await PublishAsync(bob, meeting.Id, template)).ShouldBeAsync(HttpStatusCode.OK);

        var recorded = await app.WithDbAsync(Tenant, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.Meetings).Where(m => m.Id == meeting.Id).Select(m => m.Attendance)));
        Assert.Equal([(Organizer, "present"), (Owner, "present"), (Attendee, "absent")], recorded.Select(r => (r.Email!, r.Status)).OrderBy(r => r.Item1, StringComparer.Ordinal));
    }
}
