using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.Minutes;
using CollabAddin.Api.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static CollabAddin.Api.Tests.Minutes.MinutesDocs;

namespace CollabAddin.Api.Tests.Minutes;

/// <summary>
/// Minutes sign-off: the host approves a publication; until then the minutes are a draft in the mail and on the
/// document; a publish kept after the approval is a new draft; the history shows each step.
/// </summary>
public sealed class SignOffTests
{
    private static string FirstLine(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().First().InnerText;
    }

    [Fact]
    public async Task The_host_approves_the_latest_minutes_the_mail_says_draft_until_then_and_a_new_publish_needs_approval_again()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app); // Alice hosts, Bob takes notes
        var bob = await app.ClientForAsync(NoteTaker);
        var alice = await app.ClientForAsync(Organizer);
        var template = await TemplateAsync(bob, meeting!.Id);
        var first = await (await PublishAsync(bob, meeting.Id, FirstDraft(template))).ReadAsync<PublishReport>();

        // A draft: the mail's subject and the attached document say so, and who is to approve.
        await (await bob.PostAsync($"/api/meetings/{meeting.Id}/minutes/mail", null)).ShouldBeAsync(HttpStatusCode.OK);
        var draft = app.Graph.State.SentMail.First(m => m.To.Single() == Owner);
        Assert.StartsWith("[Draft] Minutes: ", draft.Subject, StringComparison.Ordinal);
        Assert.Equal("DRAFT: awaiting approval by Alice Wang", FirstLine(draft.Attachments.Single().Content));
        Assert.Contains("DRAFT: awaiting approval by Alice Wang", draft.Body, StringComparison.Ordinal);
        Assert.Equal("DRAFT: awaiting approval by Alice Wang", FirstLine(await TemplateAsync(bob, meeting.Id)));

        // Bob takes notes; he does not approve. Alice hosts: she does.
        var refused = await (await bob.PostAsJsonAsync($"/api/meetings/{meeting.Id}/minutes/approve", new { publicationId = first.PublicationId })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Alice Wang", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        var approved = await (await alice.PostAsJsonAsync($"/api/meetings/{meeting.Id}/minutes/approve", new { publicationId = first.PublicationId })).ReadAsync<MinutesStatus>();
        var step = Assert.Single(approved.Publications);
        Assert.Equal((Organizer, (DateTime?)null), (step.ApprovedBy?.Email, step.MailedAt)); // approved; the approved version is still to be mailed
        Assert.True(approved.CanApprove);

        // Mailed again without a "send again" confirmation: attendees get the approved version.
        app.Graph.State.SentMail.Clear();
        await (await bob.PostAsync($"/api/meetings/{meeting.Id}/minutes/mail", null)).ShouldBeAsync(HttpStatusCode.OK);
        var final = app.Graph.State.SentMail.First(m => m.To.Single() == Owner);
        Assert.StartsWith("Minutes: ", final.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Approved by Alice Wang on 2026-11-20", FirstLine(final.Attachments.Single().Content), StringComparison.Ordinal);

        // A publish that changes something is a new draft; approving the old one now is refused.
        var changed = Edit(FirstDraft(template), body => Fill(ActionRows(body)[0], "Draft the campaign", "Carol Zhang", "2026-12-12", "Marketing", "Sales, Product", "2", ""));
        var second = await (await PublishAsync(bob, meeting.Id, changed)).ReadAsync<PublishReport>();
        Assert.NotNull(second.PublicationId);
        await (await alice.PostAsJsonAsync($"/api/meetings/{meeting.Id}/minutes/approve", new { publicationId = first.PublicationId })).ProblemAsync(HttpStatusCode.Conflict);
        var history = await (await (await app.ClientForAsync(Attendee)).GetAsync($"/api/meetings/{meeting.Id}/minutes/publications")).ReadAsync<MinutesStatus>();
        Assert.Equal([(second.PublicationId!.Value, false, true), (first.PublicationId!.Value, true, false)],
            history.Publications.Select(p => (p.Id, p.ApprovedAt is not null, p.Latest)));
        Assert.False(history.CanApprove);
        Assert.Equal(["Alice Wang"], history.Approvers.Select(a => a.DisplayName));
        Assert.Equal("DRAFT: awaiting approval by Alice Wang", FirstLine(await TemplateAsync(bob, meeting.Id)));
    }

    [Fact]
    public async Task In_chinese_the_draft_and_the_approval_read_in_chinese_and_the_marked_document_still_publishes_unchanged()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        var first = await (await PublishAsync(bob, meeting!.Id, FirstDraft(await TemplateAsync(bob, meeting.Id, "zh-CN")))).ReadAsync<PublishReport>();

        var marked = await TemplateAsync(bob, meeting.Id, "zh-CN");
        Assert.Equal("草稿：待Alice Wang批准", FirstLine(marked));
        // The mark is a line of text the reader passes over: publishing the marked template back changes nothing.
        var again = await (await PublishAsync(bob, meeting.Id, marked)).ReadAsync<PublishReport>();
        Assert.Null(again.PublicationId);
        Assert.Empty(again.Warnings);
        await (await (await app.ClientForAsync(Organizer)).PostAsJsonAsync($"/api/meetings/{meeting.Id}/minutes/approve", new { publicationId = first.PublicationId })).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("已批准：Alice Wang，2026-11-20", FirstLine(await TemplateAsync(bob, meeting.Id, "zh-CN")));
    }
}
