using System.Net;
using System.Net.Http.Json;
using System.Text;
using CollabAddin.Api.Decisions;
using CollabAddin.Api.Departments;
using CollabAddin.Api.FollowUp;
using CollabAddin.Api.Reports;
using CollabAddin.Api.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Reports;

public sealed class ReportsTests
{
    /// <summary>
    /// A known history, so the figures can be computed by hand: in November, four items were due; two were done on time,
    /// one done late, one is still open (overdue). Carol first updated her item 6 hours after it was assigned, Dave 30 hours.
    /// Two decisions taken, one carried out.
    /// </summary>
    private static async Task<(TestApp App, Scenario S)> KnownHistory()
    {
        var app = await TestApp.StartAsync();
        app.Clock.Set(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var s = await MeetingWithItemAsync(app, due: new DateOnly(2026, 11, 10)); // Carol's, lead Marketing
        var items = new[]
        {
            NewItem(s.MeetingId, Attendee, new DateOnly(2026, 11, 12), title: "Dave on time"),
            NewItem(s.MeetingId, Attendee, new DateOnly(2026, 11, 5), title: "Dave late"),
            NewItem(s.MeetingId, NoteTaker, new DateOnly(2026, 11, 15), title: "Bob still open"),
        };
        await app.WithDbAsync(Tenant, async db =>
        {
            db.ActionItems.AddRange(items);
            var sales = await db.Departments.SingleAsync(d => d.Name == "Sales");
            foreach (var i in items) i.LeadDepartmentId = sales.Id;
            db.Decisions.Add(new Decision { TenantId = Tenant, MeetingId = s.MeetingId, Text = "Carried", Status = DecisionStatus.Implemented, CreatedAt = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync();
        });
        async Task Move(string email, Guid id, object change, DateTimeOffset at)
        {
            app.Clock.Set(at);
            var client = await app.ClientForAsync(email);
            var etag = (await client.GetAsync($"/api/action-items/{id}")).Headers.ETag!.ToString();
            await (await client.SendAsync(ActionItems.PatchActionItemTests.Patch(id, change, etag, client: "taskpane"))).ShouldBeAsync(HttpStatusCode.OK);
        }
        await Move(Owner, s.ItemId, new { status = "inProgress" }, new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero));
        await Move(Owner, s.ItemId, new { status = "done" }, new DateTimeOffset(2026, 11, 9, 6, 0, 0, TimeSpan.Zero));
        await Move(Attendee, items[0].Id, new { status = "done" }, new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero));
        await Move(Attendee, items[1].Id, new { status = "done", deviationReason = "Waited for the supplier (resources)" }, new DateTimeOffset(2026, 11, 8, 6, 0, 0, TimeSpan.Zero));
        app.Clock.Set(new DateTimeOffset(2026, 11, 20, 4, 0, 0, TimeSpan.Zero));
        return (app, s);
    }

    [Fact]
    public async Task The_figures_match_the_hand_computed_ones()
    {
        var (app, _) = await KnownHistory();
        await using var __ = app;
        var figures = await (await (await app.ClientForAsync(Organizer)).GetAsync("/api/reports/metrics?from=2026-11-01&to=2026-11-30")).ReadAsync<Figures>();

        Assert.Equal((4, 2), (figures.DueInPeriod, figures.DoneByDue));
        Assert.Equal(0.5, figures.OnTimeCompletionRate);
        // First updates by the assignee: Carol 6 h after assignment; Dave's first (items created at 00:00 on 1 Nov) 30 h and 174 h.
        Assert.Equal(3, figures.FirstUpdates);
        Assert.Equal(Math.Round((6 + 30 + 174) / 3.0, 1), figures.AverageHoursToFirstUpdate);
        Assert.Equal([new DepartmentFigures("Marketing", 0, 0), new DepartmentFigures("Sales", 1, 0)], figures.ByDepartment);
        Assert.Equal((2, 1, 0.5), (figures.DecisionsTaken, figures.DecisionsCarriedOut, figures.DecisionsCarriedOutRate));
    }

    [Fact]
    public async Task The_progress_table_shows_days_late_and_deviation_and_each_role_sees_its_own_rows()
    {
        var (app, s) = await KnownHistory();
        await using var __ = app;
        async Task<ProgressReport> As(string email) => await (await (await app.ClientForAsync(email)).GetAsync("/api/reports/progress")).ReadAsync<ProgressReport>();

        var organizer = await As(Organizer);
        Assert.Equal(4, organizer.Rows.Count);
        var late = organizer.Rows.Single(r => r.Item == "Dave late");
        Assert.Equal((3, "Waited for the supplier (resources)", "done"), (late.DaysLate, late.DeviationReason, late.Status));
        Assert.Equal(5, organizer.Rows.Single(r => r.Item == "Bob still open").DaysLate);
        Assert.Equal(0, organizer.Rows.Single(r => r.Item == "Dave on time").DaysLate);

        Assert.Equal(["Bob still open"], (await As(NoteTaker)).Rows.Select(r => r.Item)); // an attendee: their own rows only
        Assert.Equal(["Draft the launch campaign"], (await As(Owner)).Rows.Select(r => r.Item));
        await app.WithDbAsync(Tenant, async db =>
        {
            (await db.Departments.SingleAsync(d => d.Name == "Sales")).ContactEmail = Outsider;
            await db.SaveChangesAsync();
        });
        // Sales' contact: the items Sales leads, and Carol's, on which Sales cooperates.
        Assert.Equal(["Bob still open", "Dave late", "Dave on time", "Draft the launch campaign"], (await As(Outsider)).Rows.Select(r => r.Item).Order());
        var filtered = await (await (await app.ClientForAsync(Organizer)).GetAsync($"/api/reports/progress?department=Marketing")).ReadAsync<ProgressReport>();
        Assert.Equal(["Draft the launch campaign"], filtered.Rows.Select(r => r.Item));
    }

    [Fact]
    public async Task The_docx_export_is_a_valid_word_document_and_the_csv_opens_cleanly_in_excel()
    {
        var (app, s) = await KnownHistory();
        await using var __ = app;
        await app.WithDbAsync(Tenant, async db =>
        {
            db.ActionItems.Add(NewItem(s.MeetingId, Owner, new DateOnly(2026, 11, 18), title: "准备\"宣传\", 方案\n第二行"));
            db.ActionItems.Add(NewItem(s.MeetingId, Owner, new DateOnly(2026, 11, 19), title: "=HYPERLINK(\"http://evil\")"));
            await db.SaveChangesAsync();
        });
        var alice = await app.ClientForAsync(Organizer);

        var docx = await (await alice.GetAsync("/api/reports/progress?format=docx")).Content.ReadAsByteArrayAsync();
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document));
            Assert.Contains("Dave late", document.MainDocumentPart!.Document.Body!.InnerText);
        }

        var response = await alice.GetAsync("/api/reports/progress?format=csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Meeting,Item,Owner,Owner email,Lead department,", text);
        Assert.Contains("\"准备\"\"宣传\"\", 方案\n第二行\"", text);
        Assert.Contains("'=HYPERLINK(\"\"http://evil\"\")", text); // never a live formula
        await (await alice.GetAsync("/api/reports/progress?format=pdf")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_weekly_report_goes_to_the_organizer_on_friday_at_five_in_their_zone_with_the_table_attached()
    {
        var (app, _) = await KnownHistory();
        await using var __ = app;
        await app.WithDbAsync(Tenant, db => db.OutboxMails.IgnoreQueryFilters().ExecuteDeleteAsync()); // start from a clean week
        app.Clock.Set(new DateTimeOffset(2026, 11, 27, 8, 59, 0, TimeSpan.Zero)); // Friday 16:59 in Shanghai
        var worker = app.Services.GetRequiredService<FollowUpWorker>();
        await worker.RunOnceAsync(default);
        Assert.DoesNotContain(app.Graph.State.SentMail, m => m.Subject == "Weekly progress report (2026-W48)");

        app.Clock.Set(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)); // 17:00
        await worker.RunOnceAsync(default);
        await worker.RunOnceAsync(default);

        var report = Assert.Single(app.Graph.State.SentMail, m => m.Subject == "Weekly progress report (2026-W48)");
        Assert.Equal([Organizer], report.To);
        Assert.Contains("On-time completion: 50", report.Body);
        Assert.Contains("Dave late", report.Body);
        // The shared mail frame: its footer points at the attachment and the pane, then the document closes once.
        Assert.EndsWith("The full table is attached as a Word document. Update progress from the CollabAddin pane in Outlook.</p></body></html>", report.Body);
        Assert.StartsWith(Api.Http.MailHtml.Open, report.Body);
        var attachment = Assert.Single(report.Attachments);
        using var document = WordprocessingDocument.Open(new MemoryStream(attachment.Content), false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document));
    }
}

public sealed class DepartmentsTests
{
    private static Task<HttpClient> Admin(TestApp app) => app.AdminClientAsync();

    [Fact]
    public async Task Tenant_admins_manage_departments_and_their_contacts()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await Admin(app);

        var created = await (await admin.PostAsJsonAsync("/api/departments", new { name = "法务部 Legal", contactEmail = "Legal.Lead@Contoso.Example" })).ReadAsync<DepartmentResponse>(HttpStatusCode.Created);
        Assert.Equal("legal.lead@contoso.example", created.ContactEmail);
        await (await admin.PostAsJsonAsync("/api/departments", new { name = "法务部 Legal" })).ProblemAsync(HttpStatusCode.Conflict);
        var renamed = await (await admin.PutAsJsonAsync($"/api/departments/{created.Id}", new { name = "Legal", contactEmail = "" })).ReadAsync<DepartmentResponse>();
        Assert.Equal(("Legal", (string?)null), (renamed.Name, renamed.ContactEmail));
        var problem = await (await admin.PostAsJsonAsync("/api/departments", new { name = "", contactEmail = "not-an-email" })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(problem.ErrorsFor("name"));
        Assert.NotEmpty(problem.ErrorsFor("contactEmail"));
        Assert.Equal(["Legal"], (await (await admin.GetAsync("/api/departments")).ReadAsync<List<DepartmentResponse>>()).Select(d => d.Name));
        await (await (await app.ClientForAsync(Owner)).GetAsync("/api/departments")).ProblemAsync(HttpStatusCode.Forbidden);
    }
}
