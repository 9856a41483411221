using System.Net;
using CollabAddin.Api.Minutes;
using CollabAddin.Api.Tests.Infrastructure;
using CollabAddin.GraphEmulator;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static CollabAddin.Api.Tests.Minutes.MinutesDocs;

namespace CollabAddin.Api.Tests.Minutes;

public sealed class MailMinutesTests
{
    [Fact]
    public async Task Each_attendee_gets_the_published_minutes_and_their_own_action_items()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        var draft = Edit(FirstDraft(await TemplateAsync(bob, meeting!.Id)), body =>
            Fill(ActionRows(body)[2], "Check <the> \"budget\" & costs", "Carol Zhang", "2026-12-12", "", "", "", ""));
        await (await PublishAsync(bob, meeting.Id, draft)).ShouldBeAsync(HttpStatusCode.OK);

        var report = await (await bob.PostAsync($"/api/meetings/{meeting.Id}/minutes/mail", null)).ReadAsync<MailReport>();

        Assert.Equal([Organizer, NoteTaker, Owner, Attendee], report.Sent);
        Assert.Empty(report.Failed);
        var mails = app.Graph.State.SentMail.ToList();
        Assert.Equal(4, mails.Count);
        Assert.All(mails, m =>
        {
            Assert.Equal((NoteTaker, "[Draft] Minutes: Q3 launch plan"), (m.From, m.Subject)); // not approved yet (SignOffTests)
            var attachment = Assert.Single(m.Attachments);
            Assert.Equal("Q3 launch plan - minutes.docx", attachment.Name);
            Assert.Equal("DRAFT: awaiting approval by Alice Wang", MarkedCopyOf(draft, attachment.Content));
        });
        var carol = mails.Single(m => m.To.Single() == Owner).Body;
        Assert.Contains("Draft the campaign", carol);
        Assert.Contains("Check &lt;the&gt; &quot;budget&quot; &amp; costs", carol);
        Assert.DoesNotContain("Book the venue", carol);
        Assert.Contains("Book the venue", mails.Single(m => m.To.Single() == Attendee).Body);
        Assert.Contains("You have no action items", mails.Single(m => m.To.Single() == Organizer).Body);
    }

    [Fact]
    public async Task The_first_minutes_are_kept_and_can_be_mailed_even_when_they_change_no_item_but_a_repeat_is_not_kept()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        var template = await TemplateAsync(bob, meeting!.Id); // no action rows filled: nothing for the store

        var first = await (await PublishAsync(bob, meeting.Id, template)).ReadAsync<PublishReport>();
        var again = await (await PublishAsync(bob, meeting.Id, template)).ReadAsync<PublishReport>();

        Assert.Empty(first.Created);
        Assert.NotNull(first.PublicationId);
        Assert.Null(again.PublicationId);
        var report = await (await bob.PostAsync($"/api/meetings/{meeting.Id}/minutes/mail", null)).ReadAsync<MailReport>();
        Assert.Equal(4, report.Sent.Count);
        Assert.All(app.Graph.State.SentMail, m => MarkedCopyOf(template, Assert.Single(m.Attachments).Content));
    }

    [Fact]
    public async Task Before_anything_is_published_there_is_nothing_to_mail()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        await (await (await app.ClientForAsync(NoteTaker)).PostAsync($"/api/meetings/{meeting!.Id}/minutes/mail", null)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Empty(app.Graph.State.SentMail);
    }

    [Fact]
    public async Task Mail_graph_refuses_for_one_person_is_reported_and_the_rest_still_go()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        await (await PublishAsync(bob, meeting!.Id, FirstDraft(await TemplateAsync(bob, meeting.Id)))).ShouldBeAsync(HttpStatusCode.OK);
        app.Graph.State.Faults.Add(new FaultRule(FaultKind.Refuse, "POST", "/sendMail", Times: 1));

        var report = await (await bob.PostAsync($"/api/meetings/{meeting.Id}/minutes/mail", null)).ReadAsync<MailReport>();

        Assert.Equal(Organizer, Assert.Single(report.Failed).Email);
        Assert.Equal(3, report.Sent.Count);
        Assert.Equal(3, app.Graph.State.SentMail.Count);
    }

    [Theory]
    [InlineData("Q3 launch plan / 第三季度发布计划", true, "Q3 launch plan - 第三季度发布计划 - 会议纪要.docx")]
    [InlineData("Budget: \"final\" <v2>?", false, "Budget- -final- -v2-- - minutes.docx")]
    public void The_file_name_keeps_the_subject_but_no_character_a_file_system_refuses(string subject, bool chinese, string expected) =>
        Assert.Equal(expected, MinutesApi.FileName(subject, chinese));
}
