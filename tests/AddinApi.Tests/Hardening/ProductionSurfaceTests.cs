using System.Net;
using System.Net.Http.Headers;
using CollabAddin.Api.Minutes;
using CollabAddin.Api.Tests.Auth;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Hardening;

/// <summary>What an outsider learns from the running API: nothing before sign-in, no validation details, no plain HTTP.</summary>
public sealed class ProductionSurfaceTests
{
    private static ByteArrayContent Docx(byte[] bytes, string mediaType) => new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } };

    [Theory]
    [InlineData(MinutesApi.DocxType), InlineData("text/plain"), InlineData("APPLICATION/OCTET-STREAM")]
    public async Task The_minutes_upload_asks_for_a_sign_in_before_it_says_anything_about_media_types(string mediaType)
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        var response = await app.CreateClient().PostAsync($"/api/meetings/{s.MeetingId}/minutes", Docx([1, 2, 3], mediaType));
        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(MinutesApi.DocxType), InlineData("application/octet-stream"), InlineData("Application/Vnd.OpenXmlFormats-OfficeDocument.WordprocessingML.Document")]
    public async Task The_minutes_upload_takes_the_docx_type_octet_stream_and_either_in_any_case(string mediaType)
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        var docx = await Minutes.MinutesDocs.TemplateAsync(bob, s.MeetingId);
        var response = await bob.PostAsync($"/api/meetings/{s.MeetingId}/minutes", Docx(docx, mediaType));
        await response.ShouldBeAsync(HttpStatusCode.OK);
        await (await bob.PostAsync($"/api/meetings/{s.MeetingId}/minutes", Docx(docx, "text/plain"))).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task In_production_a_refused_token_is_not_told_why()
    {
        var entra = new FakeEntra();
        await using var app = await TestApp.StartAsync(environment: "Production",
            services: s => s.RouteEntraTo(entra));
        var forged = entra.Mint("aaaaaaaa-0000-0000-0000-00000000000a", TestApp.ProductionClientId, issuer: FakeEntra.IssuerOf("bbbbbbbb-0000-0000-0000-00000000000b"));
        var response = await app.ClientWithToken(forged).GetAsync("/api/me/action-items");
        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().ToString());

        await using var dev = await TestApp.StartAsync();
        var expired = dev.Issuer.Mint(Owner, "Carol", Tenant, lifetime: TimeSpan.FromHours(1), issuedAt: DateTime.UtcNow.AddHours(-3));
        var told = await dev.ClientWithToken(expired).GetAsync("/api/me/action-items");
        Assert.Contains("expired", told.Headers.WwwAuthenticate.Single().ToString()); // Development keeps the details for developers
    }

    [Fact]
    public async Task In_production_plain_http_is_redirected_to_https_keeping_the_method()
    {
        await using var app = await TestApp.StartAsync(environment: "Production", settings: new Dictionary<string, string?> { ["https_port"] = "443" });
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://collab.contoso.example"), AllowAutoRedirect = false });
        var response = await client.PostAsync("/api/meetings/validate", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://collab.contoso.example/api/meetings/validate", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task The_panes_may_be_framed_only_by_the_configured_office_hosts()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Security:FrameAncestors:0"] = "https://outlook.office365.com" });
        var csp = (await app.CreateClient().GetAsync("/items.html")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'self' https://outlook.office365.com;", csp);
    }
}
