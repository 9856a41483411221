using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.FollowUp;
using CollabAddin.Api.Projects;
using CollabAddin.Api.Reports;
using CollabAddin.Api.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CollabAddin.Api.Tests.Projects.ProjectData;
using static CollabAddin.Api.Tests.Projects.ProjectLifecycleTests;

namespace CollabAddin.Api.Tests.Projects;

/// <summary>
/// A running project to its close: a blocked task's issue climbs to the executive (once by its time limit, once by
/// hand) and is resolved; a risk is reviewed after a milestone; a deliverable fails, is reworked and passes; the project
/// closes with its retrospective, is rated, and its archive is a valid Word document LibreOffice renders.
/// </summary>
public sealed class ProjectFollowThroughTests
{
    [Fact]
    public async Task An_issue_climbs_to_the_executive_a_deliverable_is_reworked_and_the_project_closes_with_its_archive()
    {
        await using var app = await TestApp.StartAsync();
        var s = await ActiveProjectAsync(app);
        var project = $"/api/projects/{s.ProjectId}";
        var tom = await app.ClientForAsync(TaskOwner);
        var sam = await app.ClientForAsync(SupplyContact);
        var sara = await app.ClientForAsync(SupplyHead);
        var henry = await app.ClientForAsync(InitiatingHead);
        var victor = await app.ClientForAsync(Executive);
        var paula = await app.ClientForAsync(Initiator);
        var max = await app.ClientForAsync(MarketingContact);
        var outsider = await app.ClientForAsync(TestData.Outsider);
        Task<int> Pass() => app.Services.GetRequiredService<FollowUpWorker>().RunOnceAsync(default);

        // 1. Tom's task is held up by Marketing: he raises it; the two departments' contacts are asked to settle it.
        var raised = await (await tom.PostAsJsonAsync($"{project}/issues", new
        {
            kind = "blockedDependency", title = "Campaign dates not known", description = "Supply cannot plan without them", taskId = s.TaskId,
            departmentIds = new[] { s.Departments.Supply, s.Departments.Marketing },
        })).ReadAsync<IssueResponse>(HttpStatusCode.Created);
        Assert.Equal(IssueLevel.Contacts, raised.Level);
        Assert.Equal([SupplyContact, MarketingContact], raised.Handlers);
        await (await outsider.PostAsJsonAsync($"{project}/issues", new { kind = "other", title = "X", departmentIds = new[] { s.Departments.Supply } })).ProblemAsync(HttpStatusCode.Forbidden);
        await Pass();
        Assert.Contains(app.Graph.State.SentMail, m => m.To.Contains(MarketingContact) && m.Subject.Contains("Campaign dates not known", StringComparison.Ordinal));
        // The project's weekly progress report, to its initiator and the departments' heads, with the table attached.
        var weekly = Assert.Single(app.Graph.State.SentMail, m => m.Subject.StartsWith("[XT-2026-0001] Weekly progress report", StringComparison.Ordinal));
        Assert.Contains(SupplyHead, weekly.To);
        Assert.Contains(Initiator, weekly.To);

        // 2. The contacts' 24 hours run out: the worker takes it to the heads.
        app.Clock.Advance(TimeSpan.FromHours(25));
        await Pass();
        var atHeads = Assert.Single(await (await sara.GetAsync($"{project}/issues")).ReadAsync<List<IssueResponse>>());
        Assert.Equal((IssueLevel.Heads, "timedOut"), (atHeads.Level, atHeads.Steps[^1].Action));
        Assert.Contains(app.Graph.State.SentMail, m => m.To.Contains(MarketingHead) && m.Subject.Contains("Escalated to the department heads", StringComparison.Ordinal));

        // 3. The heads cannot agree: Sara takes it to the executive, who decides.
        var noWhy = await (await sara.SendAsync(WithETag(HttpMethod.Post, $"{project}/issues/{raised.Id}/escalate", atHeads.Version, new { comment = "" }))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(noWhy.ErrorsFor("comment"));
        await (await max.SendAsync(WithETag(HttpMethod.Post, $"{project}/issues/{raised.Id}/escalate", atHeads.Version, new { comment = "x" }))).ProblemAsync(HttpStatusCode.Forbidden);
        var atTop = await (await sara.SendAsync(WithETag(HttpMethod.Post, $"{project}/issues/{raised.Id}/escalate", atHeads.Version,
            new { comment = "Marketing keeps the March slot; Supply needs the dates now" }))).ReadAsync<IssueResponse>();
        Assert.Equal(IssueLevel.Executive, atTop.Level);
        Assert.Equal([Executive], atTop.Handlers);
        await (await victor.SendAsync(WithETag(HttpMethod.Post, $"{project}/issues/{raised.Id}/escalate", atTop.Version, new { comment = "again" }))).ProblemAsync(HttpStatusCode.Conflict);
        var resolved = await (await victor.SendAsync(WithETag(HttpMethod.Post, $"{project}/issues/{raised.Id}/resolve", atTop.Version,
            new { comment = "Campaign moves to 10 March; dates to Supply by Friday" }))).ReadAsync<IssueResponse>();
        Assert.Equal(["raised", "timedOut", "escalated", "resolved"], resolved.Steps.Select(x => x.Action));
        Assert.Equal([TaskOwner, "system", SupplyHead, Executive], resolved.Steps.Select(x => x.By.Email));

        // 4. A risk, flagged for review once the milestone (15 January) has passed, reviewed by its owner.
        var risk = await (await sam.PostAsJsonAsync($"{project}/risks", new
        {
            description = "Warehouse capacity in March", probability = "medium", impact = "high", ownerEmail = SupplyContact, ownerName = "Sam", response = "Book overflow space",
        })).ReadAsync<RiskResponse>(HttpStatusCode.Created);
        Assert.Equal((RiskStatus.Responding, false), (risk.Status, risk.NeedsReview));
        app.Clock.Set(new DateTimeOffset(2027, 1, 16, 2, 0, 0, TimeSpan.Zero));
        var due = Assert.Single(await (await paula.GetAsync($"{project}/risks")).ReadAsync<List<RiskResponse>>());
        Assert.True(due.NeedsReview);
        await (await tom.SendAsync(WithETag(HttpMethod.Post, $"{project}/risks/{risk.Id}/review", due.Version, new { note = "ok" }))).ProblemAsync(HttpStatusCode.Forbidden);
        var reviewed = await (await sam.SendAsync(WithETag(HttpMethod.Post, $"{project}/risks/{risk.Id}/review", due.Version, new { note = "Overflow booked", status = "closed" })))
            .ReadAsync<RiskResponse>();
        Assert.Equal((RiskStatus.Closed, false), (reviewed.Status, reviewed.NeedsReview));

        // 5. Acceptance: failed, sent back for rework with a new date, then passed jointly.
        object SelfCheck(bool met) => new { note = "Plan attached", selfChecks = new[] { new { standard = "Covers every store", met, evidence = "https://contoso.example/plan" } } };
        var first = await (await tom.PostAsJsonAsync($"{project}/tasks/{s.TaskId}/acceptance", SelfCheck(false))).ReadAsync<AcceptanceResponse>(HttpStatusCode.Created);
        await (await tom.PostAsJsonAsync($"{project}/tasks/{s.TaskId}/acceptance", SelfCheck(true))).ProblemAsync(HttpStatusCode.Conflict); // one waits already
        await (await sara.SendAsync(WithETag(HttpMethod.Post, $"{project}/acceptances/{first.Id}/decide", first.Version, new { outcome = "pass" }))).ProblemAsync(HttpStatusCode.Forbidden);
        var failed = await (await henry.SendAsync(WithETag(HttpMethod.Post, $"{project}/acceptances/{first.Id}/decide", first.Version,
            new { outcome = "fail", comment = "The north region is missing" }))).ReadAsync<AcceptanceResponse>();
        Assert.Equal(AcceptanceOutcome.Fail, failed.Outcome);
        var second = await (await tom.PostAsJsonAsync($"{project}/tasks/{s.TaskId}/acceptance", SelfCheck(true))).ReadAsync<AcceptanceResponse>(HttpStatusCode.Created);
        Assert.Equal(2, second.Round);
        var noDate = await (await henry.SendAsync(WithETag(HttpMethod.Post, $"{project}/acceptances/{second.Id}/decide", second.Version,
            new { outcome = "rework", reworkWhat = "Add store opening hours" }))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(noDate.ErrorsFor("reworkDue"));
        await (await henry.SendAsync(WithETag(HttpMethod.Post, $"{project}/acceptances/{second.Id}/decide", second.Version,
            new { outcome = "rework", reworkWhat = "Add store opening hours", reworkDue = new DateOnly(2027, 1, 22) }))).ShouldBeAsync(HttpStatusCode.OK);
        var reopened = await (await tom.GetAsync($"/api/action-items/{s.TaskId}")).ReadAsync<ActionItemResponse>();
        Assert.Equal((ActionItemStatus.InProgress, (DateOnly?)new DateOnly(2027, 1, 22)), (reopened.Status, reopened.DueDate));
        var third = await (await tom.PostAsJsonAsync($"{project}/tasks/{s.TaskId}/acceptance", SelfCheck(true))).ReadAsync<AcceptanceResponse>(HttpStatusCode.Created);
        var concurred = await (await sara.SendAsync(WithETag(HttpMethod.Post, $"{project}/acceptances/{third.Id}/concur", third.Version))).ReadAsync<AcceptanceResponse>();
        Assert.Equal([SupplyHead], concurred.JointlyWith);
        await (await henry.SendAsync(WithETag(HttpMethod.Post, $"{project}/acceptances/{third.Id}/decide", concurred.Version, new { outcome = "pass" }))).ShouldBeAsync(HttpStatusCode.OK);
        var history = await (await tom.GetAsync($"/api/action-items/{s.TaskId}/history")).ReadAsync<List<ActionItemChangeResponse>>();
        // Failed: reopened; rework: already in progress, a new due date; passed: done — each from the acceptance.
        Assert.Equal(["done", "inProgress"], history.Where(h => h.Field == "status" && h.Source == ChangeSource.Acceptance).Select(h => h.NewValue));
        Assert.Equal("2027-01-22", Assert.Single(history, h => h.Field == "dueDate" && h.Source == ChangeSource.Acceptance).NewValue);
        await (await tom.PostAsJsonAsync($"{project}/tasks/{s.TaskId}/acceptance", SelfCheck(true))).ProblemAsync(HttpStatusCode.Conflict); // passed: nothing to accept

        // 6. The figures: resolved at the executive level, no first-time pass, one rework, one fail.
        var dashboard = await (await henry.GetAsync($"{project}/dashboard")).ReadAsync<ProjectDashboard>();
        Assert.Equal((1, 1, 0.0, 1, 1), (dashboard.Collaboration.ResolvedAtExecutive, dashboard.Collaboration.DeliverablesDecided, dashboard.Collaboration.FirstPassRate!.Value,
            dashboard.Collaboration.Reworks, dashboard.Collaboration.Fails));
        // Per department: Supply leads the task and was named in the issue; Marketing only in the issue.
        var supply = dashboard.Collaboration.ByDepartment.Single(x => x.Department.Id == s.Departments.Supply);
        Assert.Equal((1, 0, 1, 1, (double?)0.0, 2), (supply.IssuesNamedIn, supply.IssuesOpen, supply.ReachedExecutive, supply.DeliverablesDecided, supply.FirstPassRate, supply.SentBack));
        var marketing = dashboard.Collaboration.ByDepartment.Single(x => x.Department.Id == s.Departments.Marketing);
        Assert.Equal((1, 0, (double?)null), (marketing.IssuesNamedIn, marketing.DeliverablesDecided, marketing.FirstPassRate));

        // 7. Closed with the retrospective; the improvement is a live item, the rest is read-only.
        var current = await (await paula.GetAsync(project)).ReadAsync<ProjectResponse>();
        var closed = await (await paula.SendAsync(WithETag(HttpMethod.Post, $"{project}/close", current.Version, new
        {
            wentWell = "Weekly sync kept everyone informed", problems = "Campaign dates came late",
            improvements = new[] { new { text = "Share campaign calendars at kickoff", ownerEmail = MarketingContact, ownerName = "Max", dueDate = new DateOnly(2027, 2, 15) } },
        }))).ReadAsync<ProjectResponse>();
        Assert.Equal(ProjectState.Closed, closed.State);
        var improvement = Assert.Single((await (await max.GetAsync("/api/me/action-items")).ReadAsync<ActionItemPage>()).Items);
        Assert.Equal(("Share campaign calendars at kickoff", true), (improvement.Title, improvement.Improvement));
        await (await max.SendAsync(WithETag(HttpMethod.Patch, $"/api/action-items/{improvement.Id}", improvement.Version, new { status = "inProgress" }))).ShouldBeAsync(HttpStatusCode.OK);
        var task = await (await tom.GetAsync($"/api/action-items/{s.TaskId}")).ReadAsync<ActionItemResponse>();
        Assert.False(task.Improvement);
        await (await tom.SendAsync(WithETag(HttpMethod.Patch, $"/api/action-items/{s.TaskId}", task.Version, new { progressNote = "late" }))).ProblemAsync(HttpStatusCode.Conflict);
        await (await sam.PostAsJsonAsync($"{project}/risks", new { description = "R", probability = "low", impact = "low", ownerEmail = SupplyContact })).ProblemAsync(HttpStatusCode.Conflict);

        // 8. Satisfaction: anonymous until three have answered.
        foreach (var (client, score) in new[] { (tom, 4), (sam, 5) })
            await (await client.PutAsJsonAsync($"{project}/satisfaction/mine", new { score })).ShouldBeAsync(HttpStatusCode.OK);
        var two = await (await paula.GetAsync($"{project}/satisfaction")).ReadAsync<SatisfactionResponse>();
        Assert.Equal((2, (double?)null), (two.Answers, two.Average));
        await (await henry.PutAsJsonAsync($"{project}/satisfaction/mine", new { score = 9 })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var three = await (await henry.PutAsJsonAsync($"{project}/satisfaction/mine", new { score = 3 })).ReadAsync<SatisfactionResponse>();
        Assert.Equal((3, (double?)4.0, (int?)3), (three.Answers, three.Average, three.Mine));
        var metrics = await (await paula.GetAsync($"/api/reports/metrics?projectId={s.ProjectId}")).ReadAsync<Figures>();
        Assert.Equal(4.0, metrics.Collaboration!.SatisfactionAverage);

        // 9. The archive: one valid Word document with every part, that LibreOffice renders; and the whole set as a zip.
        foreach (var language in new[] { "zh-CN", "en-US" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{project}/documents/archive");
            request.Headers.AcceptLanguage.ParseAdd(language);
            var response = await paula.SendAsync(request);
            await response.ShouldBeAsync(HttpStatusCode.OK);
            var docx = await response.Content.ReadAsByteArrayAsync();
            using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
                Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document).Select(e => e.Description));
            var text = await LibreOffice.RenderAsync(docx, $"archive-{language}", "project-render");
            string[] expected = language == "zh-CN"
                ? ["协作资料归档清单", "部门协作需求申请表", "部门协作职责分工表", "沟通机制确认表", "关键节点确认表", "任务进度跟踪表", "问题处理记录表", "风险登记表", "成果验收确认表", "协作复盘表", "Campaign dates", "超过处理时限"]
                : ["Collaboration archive list", "Collaboration request", "Responsibilities", "Communication mechanism", "Milestones", "Issue log", "Risk register", "Acceptance records", "Retrospective", "Add store", "time limit passed"];
            foreach (var word in expected) Assert.Contains(word, text, StringComparison.Ordinal);
        }
        var set = await (await paula.GetAsync($"{project}/documents/set")).Content.ReadAsByteArrayAsync();
        using var zip = new ZipArchive(new MemoryStream(set));
        Assert.Equal(ProjectDocuments.Forms.Length + 1, zip.Entries.Count);
        await (await paula.GetAsync($"{project}/documents/minutes")).ProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.GetAsync($"{project}/documents/archive")).ProblemAsync(HttpStatusCode.Forbidden);
    }
}
