using System.Net;
using System.Net.Http.Json;
using System.Text;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Data;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.ActionItems;

public sealed class PatchActionItemTests(PostgresServer postgres)
{
    internal static HttpRequestMessage Patch(Guid id, object body, string? ifMatch, string? client = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/action-items/{id}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (client is not null) request.Headers.Add(ActionItemsApi.ClientHeader, client);
        return request;
    }

    internal static async Task<string> ETagOf(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/action-items/{id}");
        await response.ShouldBeAsync(HttpStatusCode.OK);
        return response.Headers.ETag!.ToString();
    }

    private static Task<(int Version, int HistoryRows)> StoredState(TestApp app, Guid id) =>
        app.WithDbAsync(Tenant, async db => (
            await db.ActionItems.Where(i => i.Id == id).Select(i => i.Version).SingleAsync(),
            await db.ActionItemChanges.CountAsync(c => c.ActionItemId == id)));

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task The_owner_moves_an_item_forward_and_gets_the_new_version_and_etag(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var s = await MeetingWithItemAsync(app);
        var client = await app.ClientForAsync(Owner);
        var etag = await ETagOf(client, s.ItemId);
        Assert.Equal("\"1\"", etag);

        var response = await client.SendAsync(Patch(s.ItemId, new { status = "inProgress", progressNote = "Draft outline shared" }, etag));
        var item = await response.ReadAsync<ActionItemResponse>();

        Assert.Equal(ActionItemStatus.InProgress, item.Status);
        Assert.Equal("Draft outline shared", item.ProgressNote);
        Assert.Equal(2, item.Version);
        Assert.Equal("\"2\"", response.Headers.ETag!.ToString());
        Assert.Equal(TestApp.DefaultNow.UtcDateTime, item.UpdatedAt);
        Assert.Equal((2, 3), await StoredState(app, s.ItemId)); // created + status + progressNote
    }

    [Fact]
    public async Task Without_if_match_the_change_is_refused_with_428_and_nothing_is_stored()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        var client = await app.ClientForAsync(Owner);
        foreach (var ifMatch in new[] { null, "*" })
            await (await client.SendAsync(Patch(s.ItemId, new { status = "done" }, ifMatch))).ProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal((1, 1), await StoredState(app, s.ItemId));
    }

    [Theory]
    [InlineData("\"7\"")]
    [InlineData("W/\"1\"")] // a weak tag never matches If-Match's strong comparison
    [InlineData("not-an-etag")]
    public async Task A_stale_etag_is_a_412_carrying_the_current_item_and_its_etag(string ifMatch)
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        var response = await (await app.ClientForAsync(Owner)).SendAsync(Patch(s.ItemId, new { status = "done" }, ifMatch));
        var problem = await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("open", problem.GetProperty("current").GetProperty("status").GetString());
        Assert.Equal(1, problem.GetProperty("current").GetProperty("version").GetInt32());
        Assert.Equal("\"1\"", response.Headers.ETag!.ToString());
        Assert.Equal((1, 1), await StoredState(app, s.ItemId));
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Two_people_editing_from_the_same_read_cannot_lose_an_update(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var s = await MeetingWithItemAsync(app);
        var owner = await app.ClientForAsync(Owner);
        var organizer = await app.ClientForAsync(Organizer);
        var etag = await ETagOf(owner, s.ItemId);

        await (await owner.SendAsync(Patch(s.ItemId, new { progressNote = "owner's note" }, etag))).ShouldBeAsync(HttpStatusCode.OK);
        var refused = await organizer.SendAsync(Patch(s.ItemId, new { status = "blocked" }, etag));
        var current = (await refused.ProblemAsync(HttpStatusCode.PreconditionFailed)).GetProperty("current");
        Assert.Equal("owner's note", current.GetProperty("progressNote").GetString());

        // The organizer looks at what is there now and applies their change on top of it.
        var retried = await organizer.SendAsync(Patch(s.ItemId, new { status = "blocked" }, refused.Headers.ETag!.ToString()));
        var final = await retried.ReadAsync<ActionItemResponse>();
        Assert.Equal(("owner's note", ActionItemStatus.Blocked, 3), (final.ProgressNote, final.Status, final.Version));
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Simultaneous_patches_from_the_same_etag_let_exactly_one_through(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var s = await MeetingWithItemAsync(app);
        var clients = new[] { await app.ClientForAsync(Owner), await app.ClientForAsync(Organizer), await app.ClientForAsync(NoteTaker) };
        var etag = await ETagOf(clients[0], s.ItemId);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(n =>
            clients[n % 3].SendAsync(Patch(s.ItemId, new { progressNote = $"note {n}" }, etag))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(11, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        Assert.Equal((2, 2), await StoredState(app, s.ItemId));
    }

    [Theory]
    [InlineData("{\"status\":\"finished\"}", "status")]
    [InlineData("{\"status\":\"cancelled\"}", "status")]
    [InlineData("{\"needsHelp\":true}", "needsHelpReason")]
    [InlineData("{\"needsHelp\":true,\"needsHelpReason\":\"  \"}", "needsHelpReason")]
    [InlineData("{\"needsHelpReason\":\"why\"}", "needsHelpReason")]
    [InlineData("{}", "")]
    public async Task An_invalid_change_is_a_422_naming_the_field_and_changes_nothing(string body, string field)
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        var client = await app.ClientForAsync(Owner);
        var request = Patch(s.ItemId, new { }, await ETagOf(client, s.ItemId));
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        var problem = await (await client.SendAsync(request)).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.NotEmpty(problem.ErrorsFor(field));
        Assert.Equal((1, 1), await StoredState(app, s.ItemId));
    }

    [Fact]
    public async Task A_progress_note_longer_than_the_store_holds_is_refused()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        var client = await app.ClientForAsync(Owner);
        var response = await client.SendAsync(Patch(s.ItemId, new { progressNote = new string('长', 4001) }, await ETagOf(client, s.ItemId)));
        Assert.NotEmpty((await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorsFor("progressNote"));
    }

    [Theory]
    [InlineData("{\"status\":", "not valid JSON")]
    [InlineData("{\"needsHelp\":\"yes\"}", "$.needsHelp")]
    [InlineData("{\"title\":\"renamed by the assignee\"}", "title")]
    [InlineData("[1,2]", "not valid JSON")]
    public async Task A_body_that_cannot_be_read_is_a_400_problem_that_says_where(string body, string hint)
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        var client = await app.ClientForAsync(Owner);
        var request = Patch(s.ItemId, new { }, await ETagOf(client, s.ItemId));
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        var problem = await (await client.SendAsync(request)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(hint, problem.GetProperty("detail").GetString());
        Assert.Equal((1, 1), await StoredState(app, s.ItemId));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        var client = await app.ClientForAsync(Owner);
        var request = Patch(s.ItemId, new { }, await ETagOf(client, s.ItemId));
        request.Content = new StringContent("status=done", Encoding.UTF8, "application/x-www-form-urlencoded");
        await (await client.SendAsync(request)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData(ActionItemStatus.Done, "open", false)]
    [InlineData(ActionItemStatus.Done, "blocked", false)]
    [InlineData(ActionItemStatus.Done, "inProgress", true)]
    [InlineData(ActionItemStatus.Cancelled, "open", false)]
    [InlineData(ActionItemStatus.Blocked, "inProgress", true)]
    [InlineData(ActionItemStatus.Blocked, "done", true)]
    [InlineData(ActionItemStatus.Open, "blocked", true)]
    public async Task Status_moves_follow_the_workflow(ActionItemStatus from, string to, bool allowed)
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        await app.WithDbAsync(Tenant, async db =>
        {
            (await db.ActionItems.SingleAsync(i => i.Id == s.ItemId)).Status = from;
            await db.SaveChangesAsync();
        });
        var client = await app.ClientForAsync(Owner);
        var response = await client.SendAsync(Patch(s.ItemId, new { status = to }, await ETagOf(client, s.ItemId)));
        if (allowed)
            Assert.Equal(to, (await response.ReadAsync<ActionItemResponse>()).Status.ToWire());
        else
            Assert.NotEmpty((await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorsFor("status"));
    }

    [Fact]
    public async Task Needs_help_is_raised_with_a_reason_and_cleared_with_it_and_done_clears_it()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        var client = await app.ClientForAsync(Owner);

        var raised = await (await client.SendAsync(Patch(s.ItemId, new { needsHelp = true, needsHelpReason = "需要销售部提供客户名单" }, "\"1\""))).ReadAsync<ActionItemResponse>();
        Assert.True(raised.NeedsHelp);
        Assert.Equal("需要销售部提供客户名单", raised.NeedsHelpReason);

        var done = await (await client.SendAsync(Patch(s.ItemId, new { status = "done" }, "\"2\""))).ReadAsync<ActionItemResponse>();
        Assert.False(done.NeedsHelp);
        Assert.Null(done.NeedsHelpReason);
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task A_patch_that_changes_nothing_keeps_the_version_and_writes_no_history(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var s = await MeetingWithItemAsync(app);
        var client = await app.ClientForAsync(Owner);
        var item = await (await client.SendAsync(Patch(s.ItemId, new { status = "open" }, "\"1\""))).ReadAsync<ActionItemResponse>();
        Assert.Equal(1, item.Version);
        Assert.Equal((1, 1), await StoredState(app, s.ItemId));
    }

    [Fact]
    public async Task An_unknown_or_malformed_id_is_a_404_problem()
    {
        await using var app = await TestApp.StartAsync();
        var client = await app.ClientForAsync(Owner);
        await (await client.GetAsync($"/api/action-items/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/action-items/42")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.SendAsync(Patch(Guid.NewGuid(), new { status = "done" }, "\"1\""))).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Needs_help_raised_twice_at_once_on_the_same_version_is_saved_once_alerts_once_and_the_other_gets_412(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres, settings: new Dictionary<string, string?> { ["RateLimits:WritesPerMinute"] = "1000000" });
        var s = await MeetingWithItemAsync(app);
        var client = await app.ClientForAsync(Owner);
        // Both saves plan the alert of the item's next version: whichever reaches the store second meets that alert's
        // key (or the item's new version) and must answer 412, not 500. Raised and lowered a few times to meet the race.
        for (var round = 0; round < 4; round++)
        {
            var etag = await ETagOf(client, s.ItemId);
            var raises = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
                client.SendAsync(Patch(s.ItemId, new { needsHelp = true, needsHelpReason = "Waiting for Sales' numbers" }, etag))));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], raises.Select(r => r.StatusCode).Order());
            await (await client.SendAsync(Patch(s.ItemId, new { needsHelp = false }, await ETagOf(client, s.ItemId)))).ShouldBeAsync(HttpStatusCode.OK);
        }
        Assert.Equal(4, await app.WithDbAsync(Tenant, db => db.ActionItemChanges.CountAsync(c => c.ActionItemId == s.ItemId && c.Field == "needsHelp" && c.NewValue == "true")));
        Assert.Equal(1, await app.WithDbAsync(Tenant, db => db.OutboxMails.CountAsync(m => m.Kind == "alert"))); // later raises fall in the coalescing window
    }
}
