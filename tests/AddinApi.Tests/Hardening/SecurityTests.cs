using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Hardening;

public sealed class SecurityTests
{
    [Fact]
    public async Task Pane_pages_carry_a_content_security_policy_that_allows_office_js_and_nothing_unneeded()
    {
        await using var app = await TestApp.StartAsync();
        var page = await app.CreateClient().GetAsync("/items.html");
        await page.ShouldBeAsync(HttpStatusCode.OK);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self' https://appsforoffice.microsoft.com;", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("frame-ancestors 'self' https://outlook.office.com https://outlook.office365.com", csp);
        Assert.Contains("https://partner.outlook.cn", csp); // Outlook on the web in the China cloud
        Assert.DoesNotContain("*.microsoft.com", csp);
        Assert.DoesNotContain("'unsafe-eval'", csp);
        Assert.DoesNotContain("script-src 'self' https://appsforoffice.microsoft.com 'unsafe-inline'", csp);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", page.Headers.GetValues("Referrer-Policy").Single());
        var api = await app.CreateClient().GetAsync("/healthz");
        Assert.Equal("nosniff", api.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(api.Headers.Contains("Strict-Transport-Security")); // Development: no HSTS
    }

    [Fact]
    public async Task Outside_development_https_responses_carry_hsts()
    {
        await using var app = await TestApp.StartAsync(environment: "Production");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://collab.contoso.example") });
        var response = await client.GetAsync("/healthz");
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Cross_origin_calls_are_allowed_only_for_configured_origins()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = "https://intranet.contoso.example" });
        async Task<string?> Allowed(string origin)
        {
            var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/me/action-items");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "GET");
            var response = await app.CreateClient().SendAsync(preflight);
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        }
        Assert.Equal("https://intranet.contoso.example", await Allowed("https://intranet.contoso.example"));
        Assert.Null(await Allowed("https://evil.example"));
    }

    [Fact]
    public async Task An_oversized_json_body_is_a_413_problem()
    {
        await using var app = await TestApp.StartAsync();
        var client = await app.ClientForAsync(Organizer);
        var body = new StringContent("{\"goal\":\"" + new string('x', 1_100_000) + "\"}", Encoding.UTF8, "application/json");
        await (await client.PostAsync("/api/meetings/validate", body)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Creating_meetings_is_rate_limited_per_user_with_retry_after()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:WritesPerMinute"] = "2" });
        var alice = await app.ClientForAsync(Organizer);
        for (var i = 0; i < 2; i++)
            await (await alice.PostAsJsonAsync("/api/meetings", ValidPlan($"Meeting {i}"))).ShouldBeAsync(HttpStatusCode.Created);

        var refused = await alice.PostAsJsonAsync("/api/meetings", ValidPlan("One too many"));

        await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) is > 0 and <= 60);
        var bob = await app.ClientForAsync(NoteTaker); // another person is not limited by Alice's use
        await (await bob.PostAsJsonAsync("/api/meetings", ValidPlan("Bob's"))).ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal(3, app.Graph.State.AllEvents().Count(e => e.Event["isOrganizer"]?.GetValue<bool>() != false));
    }
}
