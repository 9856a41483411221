using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.Projects;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static CollabAddin.Api.Tests.Projects.ProjectData;
using static Microsoft.Playwright.Assertions;

namespace CollabAddin.Api.Tests.Panes;

public sealed partial class PlainBrowserTests
{
    [Fact]
    public async Task A_request_is_approved_answered_and_given_a_confirmed_milestone_in_the_projects_pane()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var d = await DepartmentsAsync(app);
        var paula = await app.ClientForAsync(Initiator);
        var draft = await (await paula.PostAsJsonAsync("/api/projects", Request(d))).ReadAsync<ProjectResponse>(HttpStatusCode.Created);
        using var submit = Projects.ProjectLifecycleTests.WithETag(HttpMethod.Post, $"/api/projects/{draft.Id}/submit", draft.Version);
        await (await paula.SendAsync(submit)).ShouldBeAsync(HttpStatusCode.OK);

        // Henry, head of Product, finds the request in his list and approves it (Chinese, 320 px).
        var henry = await browser.OpenPlainAsync(app, Link("projects", InitiatingHead, "zh-CN"));
        await henry.GetByRole(AriaRole.Link, new() { Name = "XT-2026-0001", Exact = false }).ClickAsync();
        await Expect(henry.GetByText("审核申请")).ToBeVisibleAsync();
        Assert.Empty(await EnglishLeaks(henry));
        await LooksRight(henry, "plain-projects-review-zh-320");
        await henry.GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync();
        await Expect(henry.GetByText("进行中")).ToBeVisibleAsync();
        Assert.Equal(ProjectState.Active, await app.WithDbAsync(TestData.Tenant, db => db.Projects.Select(p => p.State).SingleAsync()));

        // Sam answers for Supply: a conflict, with the reason.
        var sam = await browser.OpenPlainAsync(app, Link("projects", SupplyContact, "zh-CN", $"#project={draft.Id}"));
        await sam.GetByRole(AriaRole.Combobox, new() { Name = "贵部门的回复" }).SelectOptionAsync(new SelectOptionValue { Label = "有冲突" });
        await sam.GetByRole(AriaRole.Textbox, new() { Name = "说明" }).FillAsync("三月仓储已满");
        await sam.GetByRole(AriaRole.Button, new() { Name = "回复" }).ClickAsync();
        await Expect(sam.GetByText("三月仓储已满")).ToBeVisibleAsync();
        Assert.Empty(await EnglishLeaks(sam));

        // Paula adds a milestone (English, dark, 350 px); Sara confirms it for Supply.
        var planner = await browser.OpenPlainAsync(app, Link("projects", Initiator, "en-US", $"&theme=dark#project={draft.Id}"), width: 350);
        await planner.GetByRole(AriaRole.Tab, new() { Name = "Milestones" }).ClickAsync();
        await planner.GetByRole(AriaRole.Textbox, new() { Name = "Milestone" }).FillAsync("Requirements confirmed");
        await planner.GetByLabel("Date").FillAsync("2026-12-15");
        await planner.GetByRole(AriaRole.Button, new() { Name = "Add milestone" }).ClickAsync();
        await Expect(planner.GetByText("Awaiting confirmation")).ToBeVisibleAsync();
        await LooksRight(planner, "plain-projects-milestones-en-350-dark");
        var sara = await browser.OpenPlainAsync(app, Link("projects", SupplyHead, "en-US", $"#project={draft.Id}"));
        await sara.GetByRole(AriaRole.Tab, new() { Name = "Milestones" }).ClickAsync();
        await sara.GetByRole(AriaRole.Button, new() { Name = "Confirm for my department" }).ClickAsync();
        await Expect(sara.GetByText("✓ 供应链部 Supply: Sara")).ToBeVisibleAsync();
        await sara.GetByRole(AriaRole.Tab, new() { Name = "Documents" }).ClickAsync();
        await Expect(sara.GetByRole(AriaRole.Button, new() { Name = "Download: Archive (all forms)" })).ToBeVisibleAsync();
        await LooksRight(sara, "plain-projects-documents-en-320");
    }

    /// <summary>
    /// "Raise an issue" starts from the blocked task (and its lead department) even when it is clicked before the tab's
    /// tasks have arrived: the form waits for them instead of opening on "the project as a whole". (A loaded CI
    /// machine once raised the walk's issue about nothing this way.)
    /// </summary>
    [Fact]
    public async Task Raising_an_issue_before_the_tasks_have_arrived_still_starts_from_the_blocked_task()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var s = await ActiveProjectAsync(app);
        await app.WithDbAsync(TestData.Tenant, async db =>
        {
            (await db.ActionItems.SingleAsync(i => i.Id == s.TaskId)).Status = CollabAddin.Api.ActionItems.ActionItemStatus.Blocked;
            await db.SaveChangesAsync();
        });
        var context = await browser.NewContextAsync();
        var tasksMayArrive = new TaskCompletionSource();
        await context.RouteAsync($"**/api/projects/{s.ProjectId}/tasks", async route =>
        {
            await tasksMayArrive.Task;
            await route.ContinueAsync();
        });
        var tom = await browser.OpenPlainAsync(app, Link("projects", TaskOwner, "en-US", $"#project={s.ProjectId}"), context: context);
        await tom.GetByRole(AriaRole.Tab, new() { Name = "Issues" }).ClickAsync();
        await tom.GetByRole(AriaRole.Button, new() { Name = "Raise an issue" }).ClickAsync();
        await Expect(tom.GetByText("Loading…")).ToBeVisibleAsync(); // the form is not there yet
        await Expect(tom.GetByRole(AriaRole.Textbox, new() { Name = "Issue", Exact = true })).ToHaveCountAsync(0);
        tasksMayArrive.SetResult();
        await Expect(tom.GetByRole(AriaRole.Combobox, new() { Name = "About", Exact = true })).ToHaveValueAsync(s.TaskId.ToString());
        await Expect(tom.GetByRole(AriaRole.Checkbox, new() { Name = "供应链部 Supply" })).ToBeCheckedAsync();
        await LooksRight(tom, "plain-projects-raise-issue-en-320");
    }

    [Fact]
    public async Task A_tenant_admin_names_a_departments_head_and_contact_and_adds_one_in_the_projects_pane_in_chinese()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var d = await DepartmentsAsync(app);

        // Someone without the admin role has no way there.
        var paula = await browser.OpenPlainAsync(app, Link("projects", Initiator, "zh-CN"));
        await Expect(paula.GetByText("暂无项目", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(paula.GetByRole(AriaRole.Link, new() { Name = "部门、负责人与对接人" })).ToHaveCountAsync(0);

        var admin = await browser.OpenPlainAsync(app, Link("projects", "it.admin@contoso.example", "zh-CN", "&demoRole=admin"));
        await admin.GetByRole(AriaRole.Link, new() { Name = "部门、负责人与对接人" }).ClickAsync();
        var supply = admin.GetByRole(AriaRole.Form, new() { Name = "供应链部 Supply" });
        await Expect(supply.GetByRole(AriaRole.Textbox, new() { Name = "负责人邮箱" })).ToHaveValueAsync(SupplyHead);
        // A mistyped address is refused in Chinese, and nothing changes.
        await supply.GetByRole(AriaRole.Textbox, new() { Name = "负责人邮箱" }).FillAsync("sara.contoso");
        await supply.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(supply.GetByRole(AriaRole.Alert)).ToContainTextAsync("sara.contoso");
        Assert.Equal(SupplyHead, await app.WithDbAsync(TestData.Tenant, db => db.Departments.Where(x => x.Id == d.Supply).Select(x => x.HeadEmail).SingleAsync()));
        // The new head of Supply.
        await supply.GetByRole(AriaRole.Textbox, new() { Name = "负责人", Exact = true }).FillAsync("周敏");
        await supply.GetByRole(AriaRole.Textbox, new() { Name = "负责人邮箱" }).FillAsync("zhou.min@contoso.example");
        await supply.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(supply.GetByText("已保存。")).ToBeVisibleAsync();
        var head = await app.WithDbAsync(TestData.Tenant, db => db.Departments.Where(x => x.Id == d.Supply).Select(x => new { x.HeadEmail, x.HeadName, x.ContactEmail }).SingleAsync());
        Assert.Equal(("zhou.min@contoso.example", "周敏", SupplyContact), (head.HeadEmail, head.HeadName, head.ContactEmail));
        // A new department, with its contact.
        await admin.GetByRole(AriaRole.Button, new() { Name = "添加部门" }).ClickAsync();
        var legal = admin.GetByRole(AriaRole.Form, new() { Name = "添加部门" });
        await legal.GetByRole(AriaRole.Textbox, new() { Name = "部门", Exact = true }).FillAsync("法务部 Legal");
        await legal.GetByRole(AriaRole.Textbox, new() { Name = "对接人邮箱" }).FillAsync("lawyer@contoso.example");
        await legal.GetByRole(AriaRole.Button, new() { Name = "添加部门" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Form, new() { Name = "法务部 Legal" })).ToBeVisibleAsync();
        Assert.Equal("lawyer@contoso.example", await app.WithDbAsync(TestData.Tenant, db => db.Departments.Where(x => x.Name == "法务部 Legal").Select(x => x.ContactEmail).SingleAsync()));
        Assert.Empty(await EnglishLeaks(admin));
        await LooksRight(admin, "plain-projects-departments-zh-320");
    }
}
