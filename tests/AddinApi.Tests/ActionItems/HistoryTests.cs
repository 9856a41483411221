using System.Net;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Data;
using CollabAddin.Api.Departments;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CollabAddin.Api.Tests.ActionItems.PatchActionItemTests;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.ActionItems;

public sealed class HistoryTests(PostgresServer postgres)
{
    private static async Task<List<ActionItemChangeResponse>> HistoryOf(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/action-items/{id}/history")).ReadAsync<List<ActionItemChangeResponse>>();

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Every_change_is_recorded_newest_first_with_who_when_what_and_from_where(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var s = await MeetingWithItemAsync(app);
        var owner = await app.ClientForAsync(Owner);
        var organizer = await app.ClientForAsync(Organizer);

        await (await owner.SendAsync(Patch(s.ItemId, new { status = "inProgress" }, "\"1\"", client: "taskpane"))).ShouldBeAsync(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromHours(3));
        await (await organizer.SendAsync(Patch(s.ItemId, new { needsHelp = true, needsHelpReason = "Budget not approved" }, "\"2\""))).ShouldBeAsync(HttpStatusCode.OK);

        var history = await HistoryOf(owner, s.ItemId);

        Assert.Equal(["needsHelpReason", "needsHelp", "status", "created"], history.Select(h => h.Field));
        var help = history[1];
        Assert.Equal((Organizer, "Alice Wang", ChangeSource.Api, "false", "true"), (help.By.Email, help.By.DisplayName, help.Source, help.OldValue, help.NewValue));
        Assert.Equal(TestApp.DefaultNow.UtcDateTime.AddHours(3), help.At);
        var status = history[2];
        Assert.Equal((Owner, ChangeSource.TaskPane, "open", "inProgress"), (status.By.Email, status.Source, status.OldValue, status.NewValue));
        Assert.Equal(TestApp.DefaultNow.UtcDateTime, status.At);
        Assert.Equal(ChangeSource.System, history[3].Source);
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.Id > p.Second.Id));
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Department_changes_are_recorded_by_name_in_the_same_save(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var s = await MeetingWithItemAsync(app);
        await app.WithDbAsync(Tenant, async db =>
        {
            var finance = new Department { TenantId = Tenant, Name = "Finance" };
            db.Departments.Add(finance);
            var item = await db.ActionItems.Include(i => i.CooperatingDepartments).SingleAsync(i => i.Id == s.ItemId);
            item.LeadDepartmentId = finance.Id;
            item.CooperatingDepartments.Add(new CooperatingDepartment { DepartmentId = s.LeadDepartmentId });
            item.CooperatingDepartments.RemoveAll(c => c.DepartmentId == s.CooperatingDepartmentId);
            db.Origin = new ChangeOrigin(NoteTaker, "Bob Li", ChangeSource.Minutes);
            await db.SaveChangesAsync();
        });

        var history = await HistoryOf(await app.ClientForAsync(Owner), s.ItemId);

        var lead = history.Single(h => h.Field == "leadDepartment");
        Assert.Equal(("Marketing", "Finance", ChangeSource.Minutes), (lead.OldValue, lead.NewValue, lead.Source));
        var cooperating = history.Single(h => h.Field == "cooperatingDepartments");
        Assert.Equal(("Sales", "Marketing"), (cooperating.OldValue, cooperating.NewValue));
        var version = await app.WithDbAsync(Tenant, db => db.ActionItems.Where(i => i.Id == s.ItemId).Select(i => i.Version).SingleAsync());
        Assert.Equal(2, version);
    }

    [Fact]
    public async Task Saving_an_item_change_without_saying_who_made_it_is_refused_and_nothing_is_written()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(Tenant, async db =>
        {
            db.Origin = null;
            (await db.ActionItems.SingleAsync(i => i.Id == s.ItemId)).Title = "sneaky";
            await db.SaveChangesAsync();
        }));

        Assert.Contains("Origin", error.Message);
        var title = await app.WithDbAsync(Tenant, db => db.ActionItems.Where(i => i.Id == s.ItemId).Select(i => i.Title).SingleAsync());
        Assert.Equal("Draft the launch campaign", title);
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task A_failed_save_writes_neither_the_change_nor_its_history(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var s = await MeetingWithItemAsync(app);

        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(Tenant, async db =>
        {
            (await db.ActionItems.SingleAsync(i => i.Id == s.ItemId)).Status = ActionItemStatus.Done;
            db.Departments.Add(new Department { TenantId = Tenant, Name = "Marketing" }); // duplicate name: the save fails
            await db.SaveChangesAsync();
        }));

        var (status, rows) = await app.WithDbAsync(Tenant, async db => (
            await db.ActionItems.Where(i => i.Id == s.ItemId).Select(i => i.Status).SingleAsync(),
            await db.ActionItemChanges.CountAsync(c => c.ActionItemId == s.ItemId)));
        Assert.Equal((ActionItemStatus.Open, 1), (status, rows));
    }
}
