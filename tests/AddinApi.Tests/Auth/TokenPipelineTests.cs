using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Auth;

public sealed class TokenPipelineTests
{
    private const string ClientId = TestApp.ProductionClientId;
    private const string TenantA = "aaaaaaaa-0000-0000-0000-00000000000a";
    private const string TenantB = "bbbbbbbb-0000-0000-0000-00000000000b";

    [Fact]
    public async Task The_development_sign_in_returns_a_token_the_api_accepts()
    {
        await using var app = await TestApp.StartAsync();
        await MeetingWithItemAsync(app);
        var response = await app.CreateClient().PostAsJsonAsync("/dev/token", new { email = Owner, name = "Carol Zhang", tenant = Tenant });
        var token = await response.ReadAsync<DevTokenResponse>();
        Assert.Equal("Bearer", token.TokenType);
        Assert.Equal(8 * 3600, token.ExpiresIn);

        var items = await app.ClientWithToken(token.AccessToken).GetAsync("/api/me/action-items");
        Assert.Equal(1, (await items.ReadAsync<Api.ActionItems.ActionItemPage>()).Total);
    }

    [Theory]
    [InlineData("{\"email\":\"not-an-email\",\"tenant\":\"contoso\"}", "email")]
    [InlineData("{\"email\":\"carol@contoso.example\"}", "tenant")]
    [InlineData("{\"email\":\"carol@contoso.example\",\"tenant\":\"contoso\"}", null)]
    public async Task The_development_sign_in_says_what_is_missing(string body, string? field)
    {
        await using var app = await TestApp.StartAsync();
        var response = await app.CreateClient().PostAsync("/dev/token", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        if (field is null)
            await response.ShouldBeAsync(HttpStatusCode.OK);
        else
            Assert.NotEmpty((await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field));
    }

    [Fact]
    public async Task The_development_sign_in_answers_in_the_callers_language()
    {
        await using var app = await TestApp.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/dev/token") { Content = JsonContent.Create(new { email = "nope", tenant = "" }), Headers = { AcceptLanguage = { new("zh-CN") } } };
        var problem = await (await app.CreateClient().SendAsync(request)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("登录请求不完整。", problem.GetProperty("title").GetString());
        Assert.Contains("邮箱", problem.ErrorsFor("email").Single());
        Assert.Contains("租户", problem.ErrorsFor("tenant").Single());
    }

    [Fact]
    public async Task Outside_development_there_is_no_dev_token_route_and_dev_tokens_are_refused()
    {
        await using var app = await TestApp.StartAsync(environment: "Production");
        Assert.Null(app.Services.GetService<DevTokenIssuer>());

        await (await app.CreateClient().PostAsJsonAsync("/dev/token", new { email = Owner, tenant = Tenant })).ProblemAsync(HttpStatusCode.NotFound);

        var devShaped = new DevTokenIssuer(ClientId, TimeProvider.System).Mint(Owner, "Carol", Tenant);
        await (await app.ClientWithToken(devShaped).GetAsync("/api/me/action-items")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Outside_development_the_api_refuses_to_start_without_an_entra_app_registration()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var app = await TestApp.StartAsync(environment: "Production", settings: new Dictionary<string, string?> { ["AzureAd:ClientId"] = "" });
        });
        Assert.Contains("AzureAd:ClientId", error.Message);
    }

    private static Task<TestApp> ProductionWith(FakeEntra entra, params (string Key, string Value)[] settings) =>
        TestApp.StartAsync(environment: "Production",
            settings: settings.ToDictionary(s => s.Key, s => (string?)s.Value),
            services: s => s.RouteEntraTo(entra));

    [Fact]
    public async Task In_production_an_entra_token_for_the_api_is_accepted_for_any_tenant_of_a_multi_tenant_app()
    {
        var entra = new FakeEntra();
        await using var app = await ProductionWith(entra);
        foreach (var tenant in new[] { TenantA, TenantB })
            await (await app.ClientWithToken(entra.Mint(tenant, ClientId)).GetAsync("/api/me/action-items")).ShouldBeAsync(HttpStatusCode.OK);
        await (await app.ClientWithToken(entra.Mint(TenantA, $"api://{ClientId}")).GetAsync("/api/me/action-items")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.True(entra.MetadataRequests >= 1);
    }

    [Fact]
    public async Task In_production_a_token_whose_issuer_is_another_tenants_authority_is_refused()
    {
        var entra = new FakeEntra();
        await using var app = await ProductionWith(entra);
        var forged = entra.Mint(TenantA, ClientId, issuer: FakeEntra.IssuerOf(TenantB));
        await (await app.ClientWithToken(forged).GetAsync("/api/me/action-items")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task In_production_only_allowed_tenants_get_in()
    {
        var entra = new FakeEntra();
        await using var app = await ProductionWith(entra, ("AzureAd:AllowedTenants:0", TenantB));
        await (await app.ClientWithToken(entra.Mint(TenantA, ClientId)).GetAsync("/api/me/action-items")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.ClientWithToken(entra.Mint(TenantB, ClientId)).GetAsync("/api/me/action-items")).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task In_production_a_single_tenant_app_refuses_other_tenants()
    {
        var entra = new FakeEntra();
        await using var app = await ProductionWith(entra, ("AzureAd:TenantId", TenantA));
        await (await app.ClientWithToken(entra.Mint(TenantA, ClientId)).GetAsync("/api/me/action-items")).ShouldBeAsync(HttpStatusCode.OK);
        await (await app.ClientWithToken(entra.Mint(TenantB, ClientId)).GetAsync("/api/me/action-items")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task In_production_a_tenant_id_is_a_guid_and_its_spelling_does_not_make_another_tenant()
    {
        var entra = new FakeEntra();
        await using var app = await ProductionWith(entra);
        var meeting = NewMeeting(TenantA);
        await app.WithDbAsync(TenantA, async db =>
        {
            db.Meetings.Add(meeting);
            db.ActionItems.Add(NewItem(meeting.Id, Owner, new DateOnly(2026, 12, 1), tenant: TenantA));
            await db.SaveChangesAsync();
        });

        foreach (var spelling in new[] { TenantA, TenantA.ToUpperInvariant() })
        {
            var carol = entra.Mint(spelling, ClientId, issuer: FakeEntra.IssuerOf(spelling), objectId: "ca401000-0000-0000-0000-000000000001");
            var page = await (await app.ClientWithToken(carol).GetAsync("/api/me/action-items"))
                .ReadAsync<Api.ActionItems.ActionItemPage>();
            Assert.Equal(1, page.Total);
        }
        await (await app.ClientWithToken(entra.Mint("contoso", ClientId)).GetAsync("/api/me/action-items")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task In_production_app_only_tokens_and_tokens_without_our_scope_are_forbidden()
    {
        var entra = new FakeEntra();
        await using var app = await ProductionWith(entra);
        var appOnly = entra.Mint(TenantA, ClientId, scopes: null, roles: ["Tasks.ReadWrite.All"]);
        await (await app.ClientWithToken(appOnly).GetAsync("/api/me/action-items")).ProblemAsync(HttpStatusCode.Forbidden);
        var otherScope = entra.Mint(TenantA, ClientId, scopes: "User.Read Mail.Send");
        await (await app.ClientWithToken(otherScope).GetAsync("/api/me/action-items")).ProblemAsync(HttpStatusCode.Forbidden);
        var wrongAudience = entra.Mint(TenantA, "00000003-0000-0000-c000-000000000000"); // a token for Graph, not for us
        await (await app.ClientWithToken(wrongAudience).GetAsync("/api/me/action-items")).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
