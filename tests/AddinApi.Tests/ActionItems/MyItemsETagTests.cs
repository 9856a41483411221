using System.Net;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Data;
using CollabAddin.Api.Tests.Infrastructure;
using CollabAddin.Api.Tests.Projects;
using Microsoft.EntityFrameworkCore;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.ActionItems;

/// <summary>
/// "My action items" answers 304 to a pane that already has the list, and never to one whose list has changed: every
/// change that shows in the list — the item, its meeting's subject, its project's name, a department's name, an item
/// given to someone else — gives the list a new ETag in the same save.
/// </summary>
public sealed class MyItemsETagTests(PostgresServer postgres)
{
    private const string List = "/api/me/action-items";

    private static async Task<(HttpStatusCode Status, string ETag, ActionItemPage? Page)> GetAsync(HttpClient client, string? ifNoneMatch = null, string url = List)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        var response = await client.SendAsync(request);
        var etag = response.Headers.ETag?.ToString() ?? "";
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            return (response.StatusCode, etag, null);
        }
        await response.ShouldBeAsync(HttpStatusCode.OK);
        return (response.StatusCode, etag, await response.ReadAsync<ActionItemPage>());
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task An_unchanged_list_is_304_and_a_changed_one_comes_back_whole_with_a_new_etag(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var s = await MeetingWithItemAsync(app);
        var carol = await app.ClientForAsync(Owner);

        var first = await GetAsync(carol);
        Assert.StartsWith("W/\"", first.ETag, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(carol, first.ETag)).Status);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(carol, first.ETag, $"{List}?status=open&pageSize=10")).Status);

        // Carol moves her item forward through the API.
        var patch = await carol.SendAsync(PatchActionItemTests.Patch(s.ItemId, new { status = "inProgress" }, await PatchActionItemTests.ETagOf(carol, s.ItemId)));
        await patch.ShouldBeAsync(HttpStatusCode.OK);
        var afterPatch = await GetAsync(carol, first.ETag);
        Assert.Equal(HttpStatusCode.OK, afterPatch.Status);
        Assert.NotEqual(first.ETag, afterPatch.ETag);
        Assert.Equal(ActionItemStatus.InProgress, Assert.Single(afterPatch.Page!.Items).Status);

        // The meeting is renamed: the subject shows on her item.
        await app.WithDbAsync(Tenant, async db =>
        {
            (await db.Meetings.SingleAsync(m => m.Id == s.MeetingId)).Subject = "Q3 launch plan (final)";
            await db.SaveChangesAsync();
        });
        var afterRename = await GetAsync(carol, afterPatch.ETag);
        Assert.Equal("Q3 launch plan (final)", Assert.Single(afterRename.Page!.Items).MeetingSubject);

        // A department is renamed: every list may show it.
        await app.WithDbAsync(Tenant, async db =>
        {
            (await db.Departments.SingleAsync(d => d.Id == s.CooperatingDepartmentId)).Name = "Sales & Channels";
            await db.SaveChangesAsync();
        });
        var afterDepartment = await GetAsync(carol, afterRename.ETag);
        Assert.Equal(["Sales & Channels"], Assert.Single(afterDepartment.Page!.Items).CooperatingDepartments.Select(d => d.Name));

        // And with nothing changed since, 304 again.
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(carol, afterDepartment.ETag)).Status);
        // Stored in the same save as the change: one row for Carol, one for the tenant.
        Assert.Equal(2, await app.WithDbAsync(Tenant, db => db.ListVersions.CountAsync()));
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Someone_elses_change_leaves_my_list_304_and_a_reassigned_item_changes_both_lists(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var s = await MeetingWithItemAsync(app);
        var davesItem = NewItem(s.MeetingId, Attendee, new DateOnly(2026, 12, 5), title: "dave's");
        await app.WithDbAsync(Tenant, async db =>
        {
            db.ActionItems.Add(davesItem);
            await db.SaveChangesAsync();
        });
        var carol = await app.ClientForAsync(Owner);
        var dave = await app.ClientForAsync(Attendee);
        var carols = await GetAsync(carol);
        var daves = await GetAsync(dave);
        Assert.NotEqual(carols.ETag, daves.ETag);

        // Dave's own change: Carol's list is as it was.
        await dave.SendAsync(PatchActionItemTests.Patch(davesItem.Id, new { progressNote = "Booked" }, await PatchActionItemTests.ETagOf(dave, davesItem.Id)));
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(carol, carols.ETag)).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(dave, daves.ETag)).Status);
        // Dave's ETag never answers for Carol, even where their stamps agree.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(carol, (await GetAsync(dave)).ETag)).Status);

        // Carol's item is given to Dave: it leaves her list and joins his.
        daves = await GetAsync(dave);
        await app.WithDbAsync(Tenant, async db =>
        {
            var item = await db.ActionItems.SingleAsync(i => i.Id == s.ItemId);
            (item.OwnerEmail, item.OwnerName, item.OwnerObjectId) = (Attendee, "Dave", null);
            db.Origin = new ChangeOrigin(Organizer, "Alice", ChangeSource.Api);
            await db.SaveChangesAsync();
        });
        var carolNow = await GetAsync(carol, carols.ETag);
        Assert.Empty(carolNow.Page!.Items);
        Assert.Equal(2, (await GetAsync(dave, daves.ETag)).Page!.Items.Count);
    }

    [Fact]
    public async Task A_projects_new_title_and_the_next_quarter_hour_each_give_a_new_etag()
    {
        await using var app = await TestApp.StartAsync();
        var p = await ProjectData.ActiveProjectAsync(app);
        var tom = await app.ClientForAsync(ProjectData.TaskOwner);
        var before = await GetAsync(tom);
        Assert.Equal("Q1 launch", Assert.Single(before.Page!.Items).Project!.Title);

        await app.WithDbAsync(Tenant, async db =>
        {
            (await db.Projects.SingleAsync(x => x.Id == p.ProjectId)).Title = "Q1 spring launch";
            await db.SaveChangesAsync();
        });
        var renamed = await GetAsync(tom, before.ETag);
        Assert.Equal("Q1 spring launch", Assert.Single(renamed.Page!.Items).Project!.Title);

        // "Overdue" turns at midnight in the item's zone, always on a quarter hour: a new quarter hour, a new ETag.
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(tom, renamed.ETag)).Status);
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(tom, renamed.ETag)).Status);
    }

    [Fact]
    public async Task A_bad_filter_is_still_a_problem_with_if_none_match_and_304_is_not_given_to_another_tenant()
    {
        await using var app = await TestApp.StartAsync();
        await MeetingWithItemAsync(app);
        await MeetingWithItemAsync(app, OtherTenant);
        var carol = await app.ClientForAsync(Owner);
        var etag = (await GetAsync(carol)).ETag;

        using var bad = new HttpRequestMessage(HttpMethod.Get, $"{List}?status=someday");
        bad.Headers.TryAddWithoutValidation("If-None-Match", etag);
        await (await carol.SendAsync(bad)).ShouldBeAsync(HttpStatusCode.BadRequest);

        var carolElsewhere = await app.ClientForAsync(Owner, OtherTenant);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(carolElsewhere, etag)).Status);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(carol, "\"other\", " + etag)).Status);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(carol, "*")).Status);
    }
}
