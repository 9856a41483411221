using System.Net;
using System.Text.Json;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Demo;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabAddin.Api.Tests.Hosting;

public sealed class HostingTests
{
    [Fact]
    public async Task Health_and_the_api_description_are_served_without_sign_in()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/healthz"));

        var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/me/action-items", paths);
        Assert.Contains("/api/action-items/{id}", paths);
        Assert.Equal("bearer", openApi.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Ready_means_the_database_answers_every_migration_is_applied_and_no_due_mail_waits_too_long()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Health:MaxOutboxLagMinutes"] = "15" });
        var client = app.CreateClient();
        var ready = await client.GetAsync("/healthz/ready");
        await ready.ShouldBeAsync(HttpStatusCode.OK);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal(["database", "migrations", "outbox"], checks.EnumerateObject().Select(c => c.Name).Order());
        Assert.Equal("Healthy", await client.GetStringAsync("/healthz/live"));

        // A mail due 20 minutes ago and still not sent (no worker here): this instance is not ready, though it lives.
        await app.WithDbAsync(TestData.Tenant, async db =>
        {
            db.OutboxMails.Add(new Api.FollowUp.OutboxMail
            {
                TenantId = TestData.Tenant, Key = "late", Kind = "digest", FromMailbox = "noreply@contoso.example", To = TestData.Owner, Subject = "s", HtmlBody = "b",
                CreatedAt = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-20), NextAttemptAt = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-20),
            });
            await db.SaveChangesAsync();
        });
        var late = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, late.StatusCode);
        Assert.Equal("Unhealthy", JsonDocument.Parse(await late.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("outbox").GetProperty("status").GetString());
        Assert.Equal("Healthy", await client.GetStringAsync("/healthz/live"));

        // Backed off to later (a retry not yet due) is not lag.
        await app.WithDbAsync(TestData.Tenant, async db =>
        {
            await db.OutboxMails.ExecuteUpdateAsync(m => m.SetProperty(x => x.NextAttemptAt, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(5)));
        });
        await (await client.GetAsync("/healthz/ready")).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_api_reference_page_is_served_in_development_only()
    {
        await using (var app = await TestApp.StartAsync())
        {
            var page = await app.CreateClient().GetAsync("/scalar/v1");
            await page.ShouldBeAsync(HttpStatusCode.OK);
            Assert.Contains("\"url\":\"openapi/v1.json\"", await page.Content.ReadAsStringAsync()); // the reference reads our own description
        }
        await using (var production = await TestApp.StartAsync(environment: "Production"))
            Assert.Equal(HttpStatusCode.NotFound, (await production.CreateClient().GetAsync("/scalar/v1")).StatusCode);
    }

    [Fact]
    public async Task In_development_mail_links_point_at_the_address_the_app_listens_on_unless_one_is_configured()
    {
        var item = Guid.NewGuid();
        await using (var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["urls"] = "http://+:6123" }))
            Assert.Equal($"http://localhost:6123/items.html#item={item}", app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Api.FollowUp.FollowUpOptions>>().Value.ItemLink(item));
        await using (var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["urls"] = "http://+:6123", ["FollowUp:PublicBaseUrl"] = "https://collab.contoso.com" }))
            Assert.Equal($"https://collab.contoso.com/items.html#item={item}", app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Api.FollowUp.FollowUpOptions>>().Value.ItemLink(item));
    }

    [Fact]
    public async Task A_store_with_migrations_not_applied_is_not_ready()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });
        var response = await app.CreateClient().GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("Unhealthy", checks.GetProperty("migrations").GetProperty("status").GetString());
        Assert.DoesNotContain("Data Source", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_task_pane_web_app_is_served_from_the_same_origin()
    {
        await using var app = await TestApp.StartAsync();
        var response = await app.CreateClient().GetAsync("/");
        await response.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("CollabAddin", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoCache, "pages are revalidated, so a release is seen at once");
    }

    [Fact]
    public async Task Hashed_scripts_are_cached_for_a_year_and_sent_compressed_while_api_answers_are_not_compressed()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.CreateClient();
        var page = await client.GetStringAsync("/items.html");
        var scripts = System.Text.RegularExpressions.Regex.Matches(page, @"/assets/[\w-]+-[\w-]{8}\.js").Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(scripts);
        var sizes = new Dictionary<string, int>();
        foreach (var each in scripts) sizes[each] = (await client.GetByteArrayAsync(each)).Length;
        var script = sizes.MaxBy(s => s.Value).Key; // the pane's largest script, where compression matters

        var plain = await client.GetAsync(script);
        var request = new HttpRequestMessage(HttpMethod.Get, script) { Headers = { { "Accept-Encoding", "br, gzip" } } };
        var compressed = await client.SendAsync(request);

        Assert.Equal("public, max-age=31536000, immutable", compressed.Headers.CacheControl?.ToString());
        Assert.Equal("br", compressed.Content.Headers.ContentEncoding.Single());
        var size = (await plain.Content.ReadAsByteArrayAsync()).Length;
        Assert.True((await compressed.Content.ReadAsByteArrayAsync()).Length < size / 2, "a script compresses to well under half");
        // What goes out is the build's own best-level Brotli twin (name.js.br), typed as the script it is; gzip-only browsers get name.js.gz.
        var twin = await File.ReadAllBytesAsync(Path.Combine(Panes.Repository.Root, "src", "AddinWeb", "dist", script.TrimStart('/') + ".br"));
        Assert.Equal(twin, await compressed.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/javascript", compressed.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        var gzipOnly = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, script) { Headers = { { "Accept-Encoding", "gzip, br;q=0" } } });
        Assert.Equal("gzip", gzipOnly.Content.Headers.ContentEncoding.Single());
        Assert.Equal(size, (await plain.Content.ReadAsByteArrayAsync()).Length);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        // MSAL is only for Office: a pane opened in a plain browser does not even name it among its scripts.
        Assert.DoesNotContain(scripts, s => s.Contains("msal", StringComparison.Ordinal));
        var icon = await client.GetAsync("/assets/icon-32.png");
        Assert.Equal("no-cache", icon.Headers.CacheControl?.ToString()); // no hash in its name: revalidated

        var token = await Infrastructure.DevSignIn.TokenAsync(client, TestData.Owner);
        var api = new HttpRequestMessage(HttpMethod.Get, "/api/me/action-items") { Headers = { { "Accept-Encoding", "br, gzip" }, { "Authorization", $"Bearer {token}" } } };
        Assert.Empty((await client.SendAsync(api)).Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        await using var app = await TestApp.StartAsync();
        await (await app.CreateClient().GetAsync("/api/no-such-thing")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Demo_data_gives_each_demo_user_their_own_items_and_keeps_the_tenants_apart()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
        await DemoData.SeedAsync(app.Services); // seeding again must not duplicate anything

        var attendee = await (await (await app.ClientForAsync(DemoData.Attendee, DemoData.Tenant)).GetAsync("/api/me/action-items")).ReadAsync<ActionItemPage>();
        Assert.Equal(4, attendee.Total); // three from meetings, one task of the running budget round
        Assert.Single(attendee.Items, i => i.Project is not null && i.MeetingId is null);
        Assert.Contains(attendee.Items, i => i.IsOverdue);
        // The demo's weekly sync: this week's meeting carries last week's open item.
        var weekly = await app.WithDbAsync(DemoData.Tenant, db => db.Meetings.Where(m => m.SeriesId != null).OrderBy(m => m.StartUtc).Select(m => m.Id).ToListAsync());
        var thisWeek = await (await (await app.ClientForAsync(DemoData.Attendee, DemoData.Tenant)).GetAsync($"/api/meetings/{weekly[1]}")).ReadAsync<Api.Meetings.MeetingResponse>();
        Assert.Equal(["印制发布会横幅 / Print the launch banners"], thisWeek.OpenItems.Select(o => o.Title));

        var organizer = await app.ClientForAsync(DemoData.Organizer, DemoData.Tenant);
        var meetingItems = await (await organizer.GetAsync($"/api/meetings/{attendee.Items.First(i => i.MeetingId is not null).MeetingId}/action-items")).ReadAsync<List<ActionItemResponse>>();
        Assert.Equal(5, meetingItems.Count);
        Assert.Contains(meetingItems, i => i.NeedsHelp && i.Status == ActionItemStatus.Blocked);
        var selfEscalated = await app.WithDbAsync(DemoData.Tenant, db => db.ActionItems.Where(i => i.LeadDepartment!.ContactEmail == i.OwnerEmail).CountAsync());
        Assert.Equal(0, selfEscalated); // nobody is their own department's escalation contact

        var fabrikam = await (await (await app.ClientForAsync("erik@fabrikam.example", DemoData.OtherTenant)).GetAsync("/api/me/action-items")).ReadAsync<ActionItemPage>();
        Assert.Equal(["Fabrikam-only item"], fabrikam.Items.Select(i => i.Title));
        await (await (await app.ClientForAsync("erik@fabrikam.example", DemoData.OtherTenant)).GetAsync($"/api/meetings/{attendee.Items.First(i => i.MeetingId is not null).MeetingId}/action-items"))
            .ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task In_development_the_emulator_can_be_served_by_the_app_itself_for_offline_runs()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Graph:EmulatorInProcess"] = "true" });
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Api.Graph.GraphOptions>>().Value;
        Assert.Equal(Api.Graph.GraphMode.Emulator, options.Mode);
        Assert.EndsWith("/_graph-emulator/v1.0", options.BaseUrl);
        var sent = await app.CreateClient().GetAsync("/_graph-emulator/_emulator/events");
        await sent.ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Outside_development_the_emulator_is_never_served()
    {
        await using var app = await TestApp.StartAsync(environment: "Production", settings: new Dictionary<string, string?> { ["Graph:EmulatorInProcess"] = "true" });
        await (await app.CreateClient().GetAsync("/_graph-emulator/_emulator/events")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(Api.Graph.GraphMode.Graph, app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Api.Graph.GraphOptions>>().Value.Mode);
    }

    [Fact]
    public async Task Outside_development_pointing_graph_at_the_emulator_stops_the_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var app = await TestApp.StartAsync(environment: "Production", settings: new Dictionary<string, string?> { ["Graph:Mode"] = "Emulator" });
        });
        Assert.Contains("Development only", error.Message);
    }

    [Fact]
    public async Task Office_js_is_served_locally_in_development_only()
    {
        await using (var app = await TestApp.StartAsync())
        {
            var response = await app.CreateClient().GetAsync("/office-js/office.js");
            await response.ShouldBeAsync(HttpStatusCode.OK);
            Assert.Contains("Office", await response.Content.ReadAsStringAsync());
        }
        await using (var app = await TestApp.StartAsync(environment: "Production", settings: new Dictionary<string, string?> { ["Web:OfficeJsRoot"] = "../AddinWeb/node_modules/@microsoft/office-js/dist" }))
            await (await app.CreateClient().GetAsync("/office-js/office.js")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
