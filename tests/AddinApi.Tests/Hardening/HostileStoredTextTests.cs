using System.Net;
using CollabAddin.Api.FollowUp;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Tests.Infrastructure;
using CollabAddin.Api.Tests.Minutes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Hardening;

/// <summary>
/// Text the API now refuses may already be stored (from before, or from another writer). Stored straight into the
/// database, bypassing validation, it must not make any read endpoint, document or mail fail: no 500, valid .docx.
/// </summary>
public sealed class HostileStoredTextTests
{
    private const string Bad = "\u0001\u0000\u007f\u001b\ufffe";

    [Fact]
    public async Task Every_read_endpoint_document_and_mail_survives_hostile_stored_text()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app, due: new DateOnly(2026, 11, 18));
        var bob = await app.ClientForAsync(NoteTaker);
        var minutes = MinutesDocs.Edit(await MinutesDocs.TemplateAsync(bob, s.MeetingId),
            body => MinutesDocs.Fill(MinutesDocs.ActionRows(body)[0], "Book the venue", "Dave Chen", "2026-12-20"));
        await (await MinutesDocs.PublishAsync(bob, s.MeetingId, minutes)).ShouldBeAsync(HttpStatusCode.OK);
        await app.WithDbAsync(Tenant, async db =>
        {
            var meeting = await db.Meetings.SingleAsync();
            meeting.Subject = $"Q{Bad}3 plan";
            meeting.Goal = $"Agree{Bad} the plan by 30 Sept";
            meeting.Location = $"Room{Bad}";
            foreach (var a in meeting.Attendees) { a.DisplayName += Bad; a.Department += Bad; a.Preparation = $"Bring{Bad}"; }
            meeting.Agenda.Add(new AgendaItem { Topic = $"Launch{Bad}", Discussion = Bad, OwnerEmail = Organizer, PlannedMinutes = 20, ExpectedOutput = $"Date{Bad}" });
            meeting.PreReads.Add(new PreRead { Title = $"Time{Bad}line", Url = "https://contoso.example/t" });
            var item = await db.ActionItems.SingleAsync(i => i.Id == s.ItemId);
            (item.Title, item.ProgressNote, item.DeviationReason, item.OwnerName) = ($"Slides{Bad}ready", $"Slides{Bad}ready", $"Resources{Bad}", $"Carol{Bad}");
            (item.NeedsHelp, item.NeedsHelpReason, item.OwnerEmail, item.DueDate) = (true, $"Help{Bad}", Owner, new DateOnly(2026, 11, 18)); // Carol's again, 2 days late
            foreach (var d in db.Departments) d.Name += Bad;
            foreach (var d in db.Decisions) d.Text += Bad;
            await db.SaveChangesAsync(); // raises an alert, written from the hostile text too
        });
        var alice = await app.ClientForAsync(Organizer);
        var carol = await app.ClientForAsync(Owner);
        var admin = await app.AdminClientAsync();

        var reads = new (HttpClient Client, string Path)[]
        {
            (alice, "/api/meetings"), (alice, "/api/meetings?as=organizer"), (alice, $"/api/meetings/{s.MeetingId}"),
            (alice, $"/api/meetings/lookup?eventId=event-{Tenant}"), (alice, $"/api/meetings/{s.MeetingId}/action-items"),
            (alice, $"/api/meetings/{s.MeetingId}/decisions"), (carol, "/api/me/action-items"), (carol, $"/api/action-items/{s.ItemId}"),
            (carol, $"/api/action-items/{s.ItemId}/history"), (alice, "/api/reports/progress"), (alice, "/api/reports/progress?format=csv"),
            (alice, "/api/reports/metrics"), (admin, "/api/departments"),
        };
        foreach (var (client, path) in reads)
            await (await client.GetAsync(path)).ShouldBeAsync(HttpStatusCode.OK);

        foreach (var path in new[] { "/api/reports/progress?format=docx", $"/api/meetings/{s.MeetingId}/minutes/template", $"/api/meetings/{s.MeetingId}/minutes/template?lang=zh-CN" })
        {
            var response = await alice.GetAsync(path);
            await response.ShouldBeAsync(HttpStatusCode.OK);
            AssertValidDocx(await response.Content.ReadAsByteArrayAsync());
            // The test server does not check headers as Kestrel does: a control character there fails the real response.
            Assert.DoesNotContain(response.Content.Headers.ContentDisposition!.ToString(), char.IsControl);
        }
        await (await bob.PostAsync($"/api/meetings/{s.MeetingId}/minutes/mail", null)).ShouldBeAsync(HttpStatusCode.OK);

        // The invite goes out again with the hostile plan; the follow-up pass writes the alert, digest, escalation and weekly report.
        await app.WithDbAsync(Tenant, async db =>
        {
            var m = await db.Meetings.SingleAsync();
            (m.StartUtc, m.EndUtc) = (new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc));
            (m.Invite.State, m.Invite.GraphEventId, m.Invite.NextAttemptAt) = (InviteState.CreatePending, null, TestApp.DefaultNow.UtcDateTime);
            await db.SaveChangesAsync();
        });
        await app.Services.GetRequiredService<InviteWorker>().RunOnceAsync(default);
        var invite = await app.WithDbAsync(Tenant, db => db.Meetings.AsNoTracking().Select(m => m.Invite).SingleAsync());
        Assert.True(invite.State == InviteState.Sent, $"{invite.State}: {invite.Error}");
        Assert.DoesNotContain('\u0001', Assert.Single(app.Graph.State.EventsOf(Organizer))["body"]!["content"]!.GetValue<string>());
        await app.Services.GetRequiredService<FollowUpWorker>().RunOnceAsync(default);
        var mails = await app.WithDbAsync(Tenant, db => db.OutboxMails.AsNoTracking().ToListAsync());
        var failures = await app.WithDbAsync(Tenant, db => db.PlanningFailures.ToListAsync());
        Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f => $"{f.Key}: {f.Error}")));
        Assert.Equal(["alert", "digest", "escalation", "weekly"], mails.Select(m => m.Kind).Order());
        Assert.All(mails, m => Assert.Equal(OutboxState.Sent, m.State));
        AssertValidDocx(mails.Single(m => m.Kind == "weekly").Attachment!);
        Assert.All(app.Graph.State.SentMail, m => Assert.DoesNotContain('\u0001', m.Body));
    }

    private static void AssertValidDocx(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document));
        Assert.True(CollabAddin.Minutes.TypedText.IsClean(document.MainDocumentPart!.Document.Body!.InnerText));
    }
}
