using System.Globalization;
using System.Net;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Data;
using CollabAddin.Api.Tests.Infrastructure;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.ActionItems;

public sealed class MyActionItemsTests(PostgresServer postgres)
{
    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Lists_only_the_callers_items_sorted_by_due_date_with_undated_last(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var s = await MeetingWithItemAsync(app); // Carol's item, due 2026-12-01
        await app.WithDbAsync(Tenant, async db =>
        {
            db.ActionItems.AddRange(
                NewItem(s.MeetingId, Owner, new DateOnly(2026, 11, 25), title: "sooner"),
                NewItem(s.MeetingId, Owner, null, title: "undated"),
                NewItem(s.MeetingId, Owner, new DateOnly(2026, 12, 24), title: "later"),
                NewItem(s.MeetingId, Attendee, new DateOnly(2026, 11, 21), title: "dave's"));
            await db.SaveChangesAsync();
        });

        var page = await (await (await app.ClientForAsync(Owner)).GetAsync("/api/me/action-items")).ReadAsync<ActionItemPage>();

        Assert.Equal(["sooner", "Draft the launch campaign", "later", "undated"], page.Items.Select(i => i.Title));
        Assert.Equal(4, page.Total);
        Assert.All(page.Items, i => Assert.Equal(Owner, i.Owner.Email));
        var first = page.Items[1];
        Assert.Equal("Q3 launch plan", first.MeetingSubject);
        Assert.Equal("Marketing", first.LeadDepartment!.Name);
        Assert.Equal(["Sales"], first.CooperatingDepartments.Select(d => d.Name));
    }

    [Fact]
    public async Task Matches_the_owner_case_insensitively_on_the_sign_in_name()
    {
        await using var app = await TestApp.StartAsync();
        await MeetingWithItemAsync(app);
        var page = await (await (await app.ClientForAsync("Carol@Contoso.Example")).GetAsync("/api/me/action-items")).ReadAsync<ActionItemPage>();
        Assert.Single(page.Items);
    }

    [Theory] // due 2026-11-20, read at moments either side of midnight in the item's zone
    [InlineData("2026-11-20T15:30:00Z", "Asia/Shanghai", false)]         // 23:30 on the 20th in Shanghai: still the due day
    [InlineData("2026-11-20T16:30:00Z", "Asia/Shanghai", true)]          // 00:30 on the 21st in Shanghai
    [InlineData("2026-11-21T07:30:00Z", "America/Los_Angeles", false)]   // 23:30 on the 20th in Los Angeles
    [InlineData("2026-11-21T08:30:00Z", "America/Los_Angeles", true)]    // 00:30 on the 21st in Los Angeles
    [InlineData("2026-11-20T16:30:00Z", "China Standard Time", true)]    // Windows zone ids work too
    public async Task Overdue_means_the_due_date_has_passed_in_the_items_own_time_zone(string nowUtc, string zone, bool overdue)
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app, due: new DateOnly(2026, 11, 20), zone: zone);
        app.Clock.Set(DateTimeOffset.Parse(nowUtc, CultureInfo.InvariantCulture));
        var item = await (await (await app.ClientForAsync(Owner)).GetAsync($"/api/action-items/{s.ItemId}")).ReadAsync<ActionItemResponse>();
        Assert.Equal(overdue, item.IsOverdue);
    }

    [Fact]
    public async Task Done_and_undated_items_are_never_overdue()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        await app.WithDbAsync(Tenant, async db =>
        {
            db.ActionItems.AddRange(
                NewItem(s.MeetingId, Owner, new DateOnly(2026, 1, 1), status: ActionItemStatus.Done, title: "done"),
                NewItem(s.MeetingId, Owner, null, title: "undated"),
                NewItem(s.MeetingId, Owner, new DateOnly(2026, 1, 1), status: ActionItemStatus.Blocked, title: "blocked"));
            await db.SaveChangesAsync();
        });
        var page = await (await (await app.ClientForAsync(Owner)).GetAsync("/api/me/action-items")).ReadAsync<ActionItemPage>();
        Assert.Equal(["blocked"], page.Items.Where(i => i.IsOverdue).Select(i => i.Title));
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Filters_by_status_due_date_and_meeting_and_hides_cancelled_unless_asked(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var s = await MeetingWithItemAsync(app);
        var other = NewMeeting();
        await app.WithDbAsync(Tenant, async db =>
        {
            db.Meetings.Add(other);
            db.ActionItems.AddRange(
                NewItem(s.MeetingId, Owner, new DateOnly(2026, 11, 25), status: ActionItemStatus.InProgress, title: "in progress"),
                NewItem(s.MeetingId, Owner, new DateOnly(2026, 11, 26), status: ActionItemStatus.Cancelled, title: "cancelled"),
                NewItem(other.Id, Owner, new DateOnly(2026, 11, 27), title: "other meeting"));
            await db.SaveChangesAsync();
        });
        var client = await app.ClientForAsync(Owner);
        async Task<string[]> Titles(string query) =>
            (await (await client.GetAsync("/api/me/action-items" + query)).ReadAsync<ActionItemPage>()).Items.Select(i => i.Title).ToArray();

        Assert.Equal(["in progress", "other meeting", "Draft the launch campaign"], await Titles(""));
        Assert.Equal(["in progress"], await Titles("?status=inProgress"));
        Assert.Equal(["in progress", "cancelled"], await Titles("?status=InProgress,cancelled"));
        Assert.Equal(["in progress", "other meeting"], await Titles("?dueBefore=2026-12-01"));
        Assert.Equal(["other meeting"], await Titles($"?meetingId={other.Id}"));
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Pages_through_the_list_and_reports_the_total(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var s = await MeetingWithItemAsync(app);
        await app.WithDbAsync(Tenant, async db =>
        {
            for (var d = 1; d <= 6; d++)
                db.ActionItems.Add(NewItem(s.MeetingId, Owner, new DateOnly(2026, 11, d), title: $"nov {d}"));
            await db.SaveChangesAsync();
        });
        var page = await (await (await app.ClientForAsync(Owner)).GetAsync("/api/me/action-items?page=2&pageSize=3")).ReadAsync<ActionItemPage>();
        Assert.Equal(7, page.Total);
        Assert.Equal(["nov 4", "nov 5", "nov 6"], page.Items.Select(i => i.Title));
    }

    [Theory]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=201", "pageSize")]
    [InlineData("?page=0", "page")]
    [InlineData("?status=finished", "status")]
    [InlineData("?status=2", "status")]
    public async Task A_bad_filter_is_a_400_naming_the_parameter(string query, string field)
    {
        await using var app = await TestApp.StartAsync();
        var problem = await (await (await app.ClientForAsync(Owner)).GetAsync("/api/me/action-items" + query)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Theory]
    [InlineData("?dueBefore=next-week")]
    [InlineData("?meetingId=42")]
    [InlineData("?page=first")]
    public async Task A_parameter_of_the_wrong_type_is_a_400_problem_not_a_500(string query)
    {
        await using var app = await TestApp.StartAsync();
        var problem = await (await (await app.ClientForAsync(Owner)).GetAsync("/api/me/action-items" + query)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("bind", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task The_same_email_in_another_tenant_sees_none_of_this_tenants_items(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        await MeetingWithItemAsync(app);
        var elsewhere = await MeetingWithItemAsync(app, tenant: OtherTenant);

        var page = await (await (await app.ClientForAsync(Owner, OtherTenant)).GetAsync("/api/me/action-items")).ReadAsync<ActionItemPage>();

        Assert.Equal([elsewhere.ItemId], page.Items.Select(i => i.Id));
    }
}
