using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Http;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Projects;
using CollabAddin.Api.Reports;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CollabAddin.Api.Tests.Projects.ProjectData;

namespace CollabAddin.Api.Tests.Projects;

/// <summary>
/// A project from request to a running plan, through the API as its people use it: a draft with an unmeasurable goal,
/// a returned request, resubmission, approval, the departments' responses, the communication mechanism,
/// responsibilities, milestones confirmed by every head, the kickoff sent, the dashboard, the project's report.
/// </summary>
public sealed class ProjectLifecycleTests
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task A_request_is_returned_resubmitted_approved_and_planned(string language)
    {
        await using var app = await TestApp.StartAsync();
        var culture = CultureInfo.GetCultureInfo(language);
        var d = await DepartmentsAsync(app);
        async Task<HttpClient> As(string email)
        {
            var client = await app.ClientForAsync(email);
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            return client;
        }
        var paula = await As(Initiator);
        var henry = await As(InitiatingHead);
        var sam = await As(SupplyContact);
        var sara = await As(SupplyHead);
        var max = await As(MarketingContact);
        var mia = await As(MarketingHead);
        var tom = await As(TaskOwner);
        var outsider = await As(TestData.Outsider);

        // 1. A draft with a goal nobody can measure: stored, numbered, and the submission is refused with the reason.
        var draft = await (await paula.PostAsJsonAsync("/api/projects", new { title = "Q1 launch", initiatingDepartmentId = d.Product, goal = "做好上市工作", timeZone = TestData.Zone }))
            .ReadAsync<ProjectResponse>(HttpStatusCode.Created);
        Assert.Equal("XT-2026-0001", draft.Number);
        Assert.Equal(ProjectState.Draft, draft.State);
        Assert.Equal([Messages.Format("project.goalNotMeasurable", culture)], draft.Missing["goal"]);
        Assert.True(draft.You.CanSubmit);
        await (await henry.GetAsync($"/api/projects/{draft.Id}")).ProblemAsync(HttpStatusCode.Forbidden); // a draft is the initiator's own
        var refused = await (await paula.SendAsync(WithETag(HttpMethod.Post, $"/api/projects/{draft.Id}/submit", draft.Version))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(Messages.Format("project.incomplete", culture), refused.GetProperty("title").GetString());
        Assert.Equal([Messages.Format("project.goalNotMeasurable", culture)], refused.ErrorsFor("goal"));
        Assert.Equal([Messages.Format("project.departmentsMissing", culture)], refused.ErrorsFor("departments"));

        // 2. Completed and submitted: Henry, head of Product, is asked to review it.
        var edited = await Send<ProjectResponse>(paula, HttpMethod.Put, $"/api/projects/{draft.Id}", draft.Version, Request(d));
        Assert.Empty(edited.Missing);
        await (await paula.PutAsJsonAsync($"/api/projects/{draft.Id}", Request(d))).ProblemAsync(HttpStatusCode.PreconditionRequired);
        var stale = await (await paula.SendAsync(WithETag(HttpMethod.Put, $"/api/projects/{draft.Id}", draft.Version, Request(d)))).ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(edited.Version, stale.GetProperty("current").GetProperty("version").GetInt32());
        var submitted = await Send<ProjectResponse>(paula, HttpMethod.Post, $"/api/projects/{draft.Id}/submit", edited.Version);
        Assert.Equal(ProjectState.Submitted, submitted.State);
        Assert.Contains(await MailsAsync(app), m => m.To == InitiatingHead && m.Key.Contains(":submitted:", StringComparison.Ordinal));
        await (await paula.SendAsync(WithETag(HttpMethod.Put, $"/api/projects/{draft.Id}", submitted.Version, Request(d)))).ProblemAsync(HttpStatusCode.Conflict);

        // 3. Returned: the initiator may not review, the reason is required, the initiator hears why.
        await (await paula.SendAsync(WithETag(HttpMethod.Post, $"/api/projects/{draft.Id}/review", submitted.Version, new { outcome = "approve" }))).ProblemAsync(HttpStatusCode.Forbidden);
        var noReason = await (await henry.SendAsync(WithETag(HttpMethod.Post, $"/api/projects/{draft.Id}/review", submitted.Version, new { outcome = "return" }))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal([Messages.Format("project.reasonUnknown", culture)], noReason.ErrorsFor("reason"));
        var returned = await Send<ProjectResponse>(henry, HttpMethod.Post, $"/api/projects/{draft.Id}/review", submitted.Version,
            new { outcome = "return", reason = "resources", comment = "Supply needs two more weeks" });
        Assert.Equal((ProjectState.Returned, "resources"), (returned.State, returned.ReturnReason));
        var returnMail = Assert.Single(await MailsAsync(app), m => m.Key.Contains(":returned:", StringComparison.Ordinal));
        Assert.Equal(Initiator, returnMail.To);
        Assert.Contains("Supply needs two more weeks", returnMail.HtmlBody, StringComparison.Ordinal);
        await (await henry.SendAsync(WithETag(HttpMethod.Post, $"/api/projects/{draft.Id}/review", returned.Version, new { outcome = "approve" }))).ProblemAsync(HttpStatusCode.Conflict);

        // 4. Changed, resubmitted, approved: every involved department's head and contact are told.
        var changed = await Send<ProjectResponse>(paula, HttpMethod.Put, $"/api/projects/{draft.Id}", returned.Version, Request(d, "Q1 launch 2027"));
        var again = await Send<ProjectResponse>(paula, HttpMethod.Post, $"/api/projects/{draft.Id}/submit", changed.Version);
        var approved = await Send<ProjectResponse>(henry, HttpMethod.Post, $"/api/projects/{draft.Id}/review", again.Version, new { outcome = "approve" });
        Assert.Equal(ProjectState.Active, approved.State);
        var approval = Assert.Single(await MailsAsync(app), m => m.Key.Contains(":approved:", StringComparison.Ordinal));
        Assert.Equal([MarketingContact, MarketingHead, Initiator, SupplyContact, SupplyHead], approval.To.Split(';').Order(StringComparer.Ordinal));

        // 5. The departments respond; a conflict says why; nobody answers for another department.
        var agreed = await Send<ProjectResponse>(sam, HttpMethod.Post, $"/api/projects/{draft.Id}/departments/{d.Supply}/response", approved.Version, new { response = "agree" });
        var noWhy = await (await max.SendAsync(WithETag(HttpMethod.Post, $"/api/projects/{draft.Id}/departments/{d.Marketing}/response", agreed.Version, new { response = "conflict" })))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal([Messages.Format("project.commentMissing", culture)], noWhy.ErrorsFor("comment"));
        await (await sara.SendAsync(WithETag(HttpMethod.Post, $"/api/projects/{draft.Id}/departments/{d.Marketing}/response", agreed.Version, new { response = "agree" })))
            .ProblemAsync(HttpStatusCode.Forbidden);
        var answered = await Send<ProjectResponse>(max, HttpMethod.Post, $"/api/projects/{draft.Id}/departments/{d.Marketing}/response", agreed.Version,
            new { response = "conflict", comment = "The March campaign slot is taken" });
        Assert.Equal([(d.Marketing, DepartmentResponse.Conflict), (d.Supply, DepartmentResponse.Agree)],
            answered.Departments.Select(x => (x.Id, x.Response)).OrderBy(x => x.Id != d.Marketing));

        // 6. The communication mechanism.
        var talking = await Send<ProjectResponse>(paula, HttpMethod.Put, $"/api/projects/{draft.Id}/communication", answered.Version,
            new { cadence = "Mondays 10:00, 30 min", channels = "Teams channel 'Q1 launch'", routineContacts = "Department contacts", majorDecisions = "Department heads" });
        Assert.Equal("Mondays 10:00, 30 min", talking.Communication.Cadence);

        // 7. Milestones and a task: Sam plans Supply's work; a task due after its milestone puts the milestone at risk.
        var requirements = await (await paula.PostAsJsonAsync($"/api/projects/{draft.Id}/milestones", new { name = "Requirements confirmed", date = new DateOnly(2026, 12, 15) }))
            .ReadAsync<MilestoneResponse>(HttpStatusCode.Created);
        await (await sam.PostAsJsonAsync($"/api/projects/{draft.Id}/milestones", new { name = "X", date = new DateOnly(2026, 12, 15) })).ProblemAsync(HttpStatusCode.Forbidden);
        var missingTask = await (await sam.PostAsJsonAsync($"/api/projects/{draft.Id}/tasks", new { title = "Supply plan", leadDepartmentId = d.Supply })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal([Messages.Format("project.standardMissing", culture)], missingTask.ErrorsFor("acceptanceStandard"));
        var task = await (await sam.PostAsJsonAsync($"/api/projects/{draft.Id}/tasks", new
        {
            title = "Supply plan", duty = "Plan supply for 300 stores", leadDepartmentId = d.Supply, cooperatingDepartmentIds = new[] { d.Marketing },
            deliverable = "Supply plan", acceptanceStandard = "Covers every store; signed off by Supply's head", dueDate = new DateOnly(2026, 12, 18),
            ownerEmail = TaskOwner, ownerName = "Tom", milestoneId = requirements.Id,
        })).ReadAsync<ActionItemResponse>(HttpStatusCode.Created);
        Assert.Equal((draft.Id, (Guid?)null, "Covers every store; signed off by Supply's head"), (task.Project!.Id, task.MeetingId, task.AcceptanceStandard));
        await (await sam.PostAsJsonAsync($"/api/projects/{draft.Id}/tasks", new
        {
            title = "Campaign", leadDepartmentId = d.Marketing, deliverable = "D", acceptanceStandard = "A", dueDate = new DateOnly(2026, 12, 10), ownerEmail = TaskOwner,
        })).ProblemAsync(HttpStatusCode.Forbidden); // Sam is Supply's contact, not Marketing's
        var atRisk = Assert.Single(await (await paula.GetAsync($"/api/projects/{draft.Id}/milestones")).ReadAsync<List<MilestoneResponse>>());
        Assert.True(atRisk.AtRisk);
        Assert.Equal([task.Id], atRisk.TasksAtRisk);

        // 8. Every department's head confirms the milestone; moving it asks them all again.
        var byHenry = await Send<MilestoneResponse>(henry, HttpMethod.Post, $"/api/projects/{draft.Id}/milestones/{requirements.Id}/confirm", requirements.Version);
        Assert.Equal([d.Marketing, d.Supply], byHenry.Awaiting.Select(a => a.Id).OrderBy(id => id == d.Supply));
        app.Clock.Advance(TimeSpan.FromHours(1));
        var bySara = await Send<MilestoneResponse>(sara, HttpMethod.Post, $"/api/projects/{draft.Id}/milestones/{requirements.Id}/confirm", byHenry.Version);
        await (await sara.SendAsync(WithETag(HttpMethod.Post, $"/api/projects/{draft.Id}/milestones/{requirements.Id}/confirm", bySara.Version))).ProblemAsync(HttpStatusCode.Conflict);
        await (await sam.SendAsync(WithETag(HttpMethod.Post, $"/api/projects/{draft.Id}/milestones/{requirements.Id}/confirm", bySara.Version))).ProblemAsync(HttpStatusCode.Forbidden);
        app.Clock.Advance(TimeSpan.FromHours(1));
        var confirmed = await Send<MilestoneResponse>(mia, HttpMethod.Post, $"/api/projects/{draft.Id}/milestones/{requirements.Id}/confirm", bySara.Version);
        Assert.True(confirmed.Confirmed);
        Assert.Equal([InitiatingHead, SupplyHead, MarketingHead], confirmed.Confirmations.Select(c => c.By.Email));
        var moved = await Send<MilestoneResponse>(paula, HttpMethod.Put, $"/api/projects/{draft.Id}/milestones/{requirements.Id}", confirmed.Version,
            new { name = "Requirements confirmed", date = new DateOnly(2026, 12, 22) });
        Assert.False(moved.Confirmed);
        Assert.Equal(3, moved.Awaiting.Count);
        Assert.False(moved.AtRisk); // the task is due before the new date

        // 9. Tom sees the project and his task among his items; blocking it alerts the initiator and Supply's contact.
        // "My projects" says what each is to them: Tom owns a task; Henry heads the initiating department; Paula runs it.
        Assert.Equal(["owner"], Assert.Single(await (await tom.GetAsync("/api/projects")).ReadAsync<List<ProjectSummary>>(), p => p.Id == draft.Id).YourParts);
        Assert.Equal(["head"], Assert.Single(await (await henry.GetAsync("/api/projects")).ReadAsync<List<ProjectSummary>>()).YourParts);
        Assert.Equal(["initiator"], Assert.Single(await (await paula.GetAsync("/api/projects")).ReadAsync<List<ProjectSummary>>()).YourParts);
        var mine = Assert.Single((await (await tom.GetAsync("/api/me/action-items")).ReadAsync<ActionItemPage>()).Items);
        Assert.Equal(("XT-2026-0001", (string?)null), (mine.Project!.Number, mine.MeetingSubject));
        await Send<ActionItemResponse>(tom, HttpMethod.Patch, $"/api/action-items/{task.Id}", mine.Version, new { status = "blocked", progressNote = "Warehouse slots unknown" });
        var alert = Assert.Single(await MailsAsync(app), m => m.Kind == "alert");
        Assert.Equal([Initiator, SupplyContact], alert.To.Split(';').Order(StringComparer.Ordinal));
        Assert.Contains("XT-2026-0001", alert.HtmlBody, StringComparison.Ordinal);
        Assert.Empty(await (await outsider.GetAsync("/api/projects")).ReadAsync<List<ProjectSummary>>());
        await (await outsider.GetAsync($"/api/action-items/{task.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await mia.GetAsync($"/api/action-items/{task.Id}")).StatusCode); // a head of the project reads its tasks

        // 10. The kickoff, drafted from the project and sent as it comes: the departments' contacts (or heads) are invited.
        var kickoff = await (await paula.GetAsync($"/api/projects/{draft.Id}/kickoff")).ReadAsync<MeetingPlan>();
        Assert.Equal([Initiator, InitiatingHead, SupplyContact, MarketingContact], kickoff.Attendees!.Select(a => a.Email));
        Assert.Equal(4, kickoff.Agenda!.Count);
        var meeting = await (await paula.PostAsJsonAsync("/api/meetings", kickoff)).ReadAsync<MeetingResponse>(HttpStatusCode.Created);
        Assert.Equal(draft.Id, meeting.ProjectId);
        Assert.Single(app.Graph.State.EventsOf(Initiator));
        await (await tom.PostAsJsonAsync("/api/meetings", kickoff)).ProblemAsync(HttpStatusCode.Forbidden); // owners do not plan the project's meetings

        // 11. The dashboard and the project's report.
        var dashboard = await (await henry.GetAsync($"/api/projects/{draft.Id}/dashboard")).ReadAsync<ProjectDashboard>();
        Assert.Equal(new ProgressCounts(1, 0, 1, 0, 1, 0), dashboard.Overall);
        Assert.Equal(1, dashboard.ByDepartment.Single(x => x.Department.Id == d.Supply).Counts.Blocked);
        var report = await (await mia.GetAsync($"/api/reports/progress?projectId={draft.Id}")).ReadAsync<ProgressReport>();
        Assert.Equal(["Supply plan"], report.Rows.Select(r => r.Item));
        Assert.Equal("XT-2026-0001 Q1 launch 2027", report.Rows[0].Meeting);
        await (await outsider.GetAsync($"/api/reports/progress?projectId={draft.Id}")).ProblemAsync(HttpStatusCode.Forbidden);

        // 12. Every state change is in the project's history, in order.
        var history = await (await paula.GetAsync($"/api/projects/{draft.Id}/history")).ReadAsync<List<ProjectEventResponse>>();
        Assert.Equal(["created", "edited", "submitted", "returned", "edited", "resubmitted", "approved", "responded", "responded", "communication",
            "milestoneAdded", "milestoneConfirmed", "milestoneConfirmed", "milestoneConfirmed", "milestoneChanged", "meetingPlanned"], history.Select(h => h.Kind).Reverse());
        Assert.Equal(InitiatingHead, history.Single(h => h.Kind == "returned").By.Email);
    }

    [Fact]
    public async Task Numbers_run_per_tenant_and_year()
    {
        await using var app = await TestApp.StartAsync();
        var d = await DepartmentsAsync(app);
        var other = await DepartmentsAsync(app, TestData.OtherTenant);
        var paula = await app.ClientForAsync(Initiator);
        var first = await (await paula.PostAsJsonAsync("/api/projects", Request(d))).ReadAsync<ProjectResponse>(HttpStatusCode.Created);
        var second = await (await paula.PostAsJsonAsync("/api/projects", Request(d, "Budget round"))).ReadAsync<ProjectResponse>(HttpStatusCode.Created);
        var elsewhere = await (await (await app.ClientForAsync(Initiator, TestData.OtherTenant)).PostAsJsonAsync("/api/projects", Request(other)))
            .ReadAsync<ProjectResponse>(HttpStatusCode.Created);
        Assert.Equal(["XT-2026-0001", "XT-2026-0002", "XT-2026-0001"], new[] { first.Number, second.Number, elsewhere.Number });
        app.Clock.Set(new DateTimeOffset(2027, 1, 4, 2, 0, 0, TimeSpan.Zero));
        var nextYear = await (await paula.PostAsJsonAsync("/api/projects", Request(d, "Spring"))).ReadAsync<ProjectResponse>(HttpStatusCode.Created);
        Assert.Equal("XT-2027-0001", nextYear.Number);
        // Another tenant's project is not there at all.
        await (await (await app.ClientForAsync(Initiator, TestData.OtherTenant)).GetAsync($"/api/projects/{first.Id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_project_task_without_a_meeting_is_changed_by_its_owner_and_its_planners_only()
    {
        await using var app = await TestApp.StartAsync();
        var s = await ActiveProjectAsync(app);
        async Task<HttpStatusCode> Patch(string email)
        {
            var client = await app.ClientForAsync(email);
            var version = await app.WithDbAsync(TestData.Tenant, db => db.ActionItems.Where(i => i.Id == s.TaskId).Select(i => i.Version).SingleAsync());
            return (await client.SendAsync(WithETag(HttpMethod.Patch, $"/api/action-items/{s.TaskId}", version, new { progressNote = $"by {email}" }))).StatusCode;
        }
        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            [await Patch(TaskOwner), await Patch(Initiator), await Patch(InitiatingHead), await Patch(SupplyHead), await Patch(MarketingHead), await Patch(Executive), await Patch(TestData.Outsider)]);
        var history = await app.WithDbAsync(TestData.Tenant, db => db.ActionItemChanges.Where(c => c.ActionItemId == s.TaskId && c.Field == "progressNote").CountAsync());
        Assert.Equal(4, history);
    }

    internal static HttpRequestMessage WithETag(HttpMethod method, string url, int version, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ETags.For(version));
        return request;
    }

    private static async Task<T> Send<T>(HttpClient client, HttpMethod method, string url, int version, object? body = null) =>
        await (await client.SendAsync(WithETag(method, url, version, body))).ReadAsync<T>();

    private static Task<List<Api.FollowUp.OutboxMail>> MailsAsync(TestApp app) =>
        app.WithDbAsync(TestData.Tenant, db => db.OutboxMails.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync());
}
