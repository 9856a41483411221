using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CollabAddin.Api.Tests.Auth;

/// <summary>
/// Stands in for Entra ID's sign-in service, which tests cannot reach: serves the v2.0 OpenID metadata
/// (with Entra's "{tenantid}" issuer template) and a signing key, and mints tokens shaped like Entra's.
/// The API's own JwtBearer pipeline fetches from it through its backchannel, exactly as it would from Entra.
/// </summary>
public sealed class FakeEntra : HttpMessageHandler
{
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

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var path = request.RequestUri!.AbsolutePath;
        object? body = null;
        if (path.EndsWith("/v2.0/.well-known/openid-configuration", StringComparison.Ordinal))
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
        return Task.FromResult(body is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") });
    }
}
