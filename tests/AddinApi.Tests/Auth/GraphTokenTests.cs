using System.Net;
using System.Text;
using CollabAddin.Api.Graph;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabAddin.Api.Tests.Auth;

/// <summary>
/// Every Graph token comes from Microsoft.Identity.Web's token acquisition: on behalf of the caller during a request,
/// the app's own for background work, cached in memory or — for several instances — encrypted in the database.
/// The Graph SDK is the production one; Entra is <see cref="FakeEntra"/>, Graph the emulator.
/// </summary>
public sealed class GraphTokenTests
{
    private const string ClientId = TestApp.ProductionClientId;
    private const string Secret = "s3cret-for-tests-only";
    private const string TenantA = "aaaaaaaa-0000-0000-0000-00000000000a";

    private static Task<TestApp> ProductionWith(FakeEntra entra, string tokenCache = "Memory", string? connection = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Graph:Mode"] = "Graph",
            ["AzureAd:ClientCredentials:0:SourceType"] = "ClientSecret",
            ["AzureAd:ClientCredentials:0:ClientSecret"] = Secret,
            ["TokenCache:Store"] = tokenCache,
        };
        if (connection is not null)
            settings["ConnectionStrings:Collab"] = connection;
        return TestApp.StartAsync(environment: "Production", settings: settings, services: s => s.RouteEntraTo(entra));
    }

    private static async Task SearchPeopleAsync(TestApp app, string userToken)
    {
        var response = await app.ClientWithToken(userToken).GetAsync("/api/people?search=ca");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}\n{app.Logs}");
    }

    [Fact]
    public async Task During_a_request_graph_is_called_on_behalf_of_the_caller_and_the_token_is_reused()
    {
        var entra = new FakeEntra();
        await using var app = await ProductionWith(entra);
        var carol = entra.Mint(TenantA, ClientId);

        await SearchPeopleAsync(app, carol);
        await SearchPeopleAsync(app, carol);

        var request = Assert.Single(entra.TokenRequests); // the second search used the cached token
        Assert.Equal(TenantA, request.Tenant);
        Assert.Equal("urn:ietf:params:oauth:grant-type:jwt-bearer", request.Form["grant_type"]);
        Assert.Equal(carol, request.Form["assertion"]);
        Assert.Equal("on_behalf_of", request.Form["requested_token_use"]);
        Assert.Equal(ClientId, request.Form["client_id"]);
        Assert.Equal(Secret, request.Form["client_secret"]);
        Assert.Contains($"https://{new Uri(app.Graph.GraphBaseUrl).Host}/.default", request.Form["scope"]);
        Assert.Equal(2, app.Graph.State.BearerTokens[request.IssuedToken]);
        Assert.DoesNotContain(carol, app.Graph.State.BearerTokens.Keys); // the caller's own token never goes to Graph
    }

    [Fact]
    public async Task Background_work_calls_graph_with_the_apps_own_token_for_the_tenant_of_the_work()
    {
        var entra = new FakeEntra();
        await using var app = await ProductionWith(entra);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Api.Data.CurrentTenant>().Id = TenantA;
            await scope.ServiceProvider.GetRequiredService<IGraphGateway>().GetManagerAsync("carol@contoso.example", CancellationToken.None);
        }

        var request = Assert.Single(entra.TokenRequests);
        Assert.Equal(TenantA, request.Tenant);
        Assert.Equal("client_credentials", request.Form["grant_type"]);
        Assert.False(request.Form.ContainsKey("assertion"));
        Assert.Equal(Secret, request.Form["client_secret"]);
        Assert.True(app.Graph.State.BearerTokens.ContainsKey(request.IssuedToken));
    }

    [Fact]
    public async Task A_token_entra_refuses_is_a_clear_refusal_not_a_server_error()
    {
        var entra = new FakeEntra { RefuseTokens = true };
        await using var app = await ProductionWith(entra);
        var response = await app.ClientWithToken(entra.Mint(TenantA, ClientId)).GetAsync("/api/people?search=ca");
        Assert.True(response.StatusCode != HttpStatusCode.InternalServerError, app.Logs.ToString());
        var problem = await response.ProblemAsync(HttpStatusCode.BadGateway);
        Assert.DoesNotContain(Secret, problem.ToString());
        Assert.Empty(app.Graph.State.BearerTokens);
    }

    [Fact]
    public async Task With_the_database_token_cache_a_second_instance_uses_the_token_the_first_one_got_and_the_store_holds_it_encrypted()
    {
        var entra = new FakeEntra();
        await using var first = await ProductionWith(entra, tokenCache: "Database");
        await using var second = await ProductionWith(entra, tokenCache: "Database", connection: first.ConnectionString);
        var carol = entra.Mint(TenantA, ClientId);

        await SearchPeopleAsync(first, carol);
        await SearchPeopleAsync(second, carol);

        var request = Assert.Single(entra.TokenRequests);
        Assert.True(second.Graph.State.BearerTokens.ContainsKey(request.IssuedToken));
        await first.WithDbAsync(TenantA, async db =>
        {
            var entries = await db.TokenCacheEntries.ToListAsync();
            Assert.NotEmpty(entries);
            Assert.All(entries, e => Assert.DoesNotContain(request.IssuedToken, Encoding.UTF8.GetString(e.Value)));
            Assert.Single(await db.DataProtectionKeys.ToListAsync()); // one key ring, shared by both instances
        });
    }

    [Fact]
    public async Task The_database_token_cache_honours_sliding_and_absolute_expiry_and_replaces_entries()
    {
        await using var app = await TestApp.StartAsync();
        var cache = ActivatorUtilities.CreateInstance<Api.Auth.StoreTokenCache>(app.Services);
        var options = new Microsoft.Extensions.Caching.Distributed.DistributedCacheEntryOptions
        {
            SlidingExpiration = TimeSpan.FromMinutes(30), AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(2),
        };
        await cache.SetAsync("k", [1], options);
        await cache.SetAsync("k", [2], options); // a second write replaces the first
        Assert.Equal([2], await cache.GetAsync("k"));

        app.Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal([2], await cache.GetAsync("k")); // read within the window: the window slides
        app.Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal([2], await cache.GetAsync("k"));
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Null(await cache.GetAsync("k")); // unread for longer than the window

        await cache.SetAsync("k", [3], options);
        for (var i = 0; i < 5; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(25));
            await cache.RefreshAsync("k");
        }
        Assert.Null(await cache.GetAsync("k")); // refreshed all along, but past the absolute cap of two hours

        await cache.SetAsync("gone", [4], options);
        await cache.RemoveAsync("gone");
        Assert.Null(await cache.GetAsync("gone"));
    }
}
