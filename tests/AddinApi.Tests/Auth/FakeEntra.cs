using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CollabAddin.Api.Tests.Auth;

/// <summary>
/// Stands in for Entra ID's sign-in service, which tests cannot reach: serves the v2.0 OpenID metadata
/// (with Entra's "{tenantid}" issuer template), a signing key and MSAL's instance discovery, mints tokens shaped like
/// Entra's, and answers the token endpoint (on-behalf-of and client-credentials grants) with Graph tokens it records.
/// Identity.Web fetches from it through the HTTP clients the tests route here, exactly as it would from Entra.
/// </summary>
public sealed class FakeEntra : HttpMessageHandler
{
    /// <summary>One request to the token endpoint: the tenant in its path and its form fields.</summary>
    public sealed record TokenRequest(string Tenant, IReadOnlyDictionary<string, string> Form, string IssuedToken);
    public System.Collections.Concurrent.ConcurrentQueue<TokenRequest> TokenRequests { get; } = new();
    /// <summary>Answer the token endpoint as Entra does when consent is missing (AADSTS65001).</summary>
    public bool RefuseTokens { get; init; }

    public const string Instance = "https://login.microsoftonline.com";
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "entra-test-key" };
    public int MetadataRequests { get; private set; }

    public static string IssuerOf(string tenant) => $"{Instance}/{tenant}/v2.0";

    public string Mint(string tenant, string audience, string? scopes = "access_as_user", string? issuer = null, string[]? roles = null, string? objectId = null)
    {
        var claims = new List<Claim>
        {
            new("tid", tenant), new("oid", objectId ?? Guid.NewGuid().ToString()),
            new("preferred_username", "carol@contoso.example"), new("name", "Carol Zhang"), new("ver", "2.0"),
        };
        if (scopes is not null) claims.Add(new("scp", scopes));
        claims.AddRange((roles ?? []).Select(r => new Claim("roles", r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? IssuerOf(tenant),
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        object? body = null;
        if (path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal) && request.Content is not null)
        {
            var form = (await request.Content.ReadAsStringAsync(cancellationToken)).Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""));
            if (RefuseTokens)
                return new HttpResponseMessage(HttpStatusCode.BadRequest)
                {
                    Content = new StringContent(JsonSerializer.Serialize(new Dictionary<string, object>
                    {
                        ["error"] = "invalid_grant", ["error_description"] = "AADSTS65001: The user or administrator has not consented to use the application.",
                        ["error_codes"] = new[] { 65001 }, ["suberror"] = "consent_required",
                    }), Encoding.UTF8, "application/json")
                };
            var issued = $"graph-token-{TokenRequests.Count + 1}-{Guid.NewGuid():N}";
            TokenRequests.Enqueue(new TokenRequest(path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0], form, issued));
            body = new Dictionary<string, object> { ["token_type"] = "Bearer", ["access_token"] = issued, ["expires_in"] = 3600, ["ext_expires_in"] = 3600 };
        }
        else if (path.EndsWith("/discovery/instance", StringComparison.Ordinal))
        {
            body = new Dictionary<string, object>
            {
                ["tenant_discovery_endpoint"] = $"{Instance}/organizations/v2.0/.well-known/openid-configuration",
                ["api-version"] = "1.1",
                ["metadata"] = new[] { new { preferred_network = "login.microsoftonline.com", preferred_cache = "login.windows.net", aliases = new[] { "login.microsoftonline.com", "login.windows.net" } } },
            };
        }
        else if (path.EndsWith("/v2.0/.well-known/openid-configuration", StringComparison.Ordinal))
        {
            MetadataRequests++;
            body = new Dictionary<string, object>
            {
                ["issuer"] = $"{Instance}/{{tenantid}}/v2.0",
                ["jwks_uri"] = $"{Instance}/organizations/discovery/v2.0/keys",
                ["authorization_endpoint"] = $"{Instance}/organizations/oauth2/v2.0/authorize",
                ["token_endpoint"] = $"{Instance}/organizations/oauth2/v2.0/token",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            };
        }
        else if (path.EndsWith("/discovery/v2.0/keys", StringComparison.Ordinal))
        {
            var p = _key.Rsa.ExportParameters(false);
            body = new { keys = new[] { new { kty = "RSA", use = "sig", kid = _key.KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } };
        }
        return body is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
    }
}

/// <summary>Routes every HTTP call Identity.Web makes to Entra (metadata, issuer checks, MSAL's token requests) to a <see cref="FakeEntra"/>.</summary>
public static class FakeEntraRouting
{
    public static void RouteEntraTo(this IServiceCollection services, FakeEntra entra)
    {
        services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = entra);
        services.AddHttpClient(Api.Auth.AuthSetup.EntraHttpClient).ConfigurePrimaryHttpMessageHandler(() => entra);
        services.AddSingleton<IMsalHttpClientFactory>(new MsalToFake(entra));
    }

    private sealed class MsalToFake(FakeEntra entra) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => new(entra, disposeHandler: false);
    }
}
