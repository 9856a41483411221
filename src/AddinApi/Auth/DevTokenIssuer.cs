using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CollabAddin.Api.Auth;

/// <summary>
/// Development-only token issuer: mints tokens shaped like Entra ID's (tid, oid, preferred_username, name, scp)
/// so the production Identity.Web pipeline validates them; only the issuer and signing key differ.
/// The key is made fresh in memory on every start, so no secret exists anywhere to leak.
/// </summary>
public sealed class DevTokenIssuer
{
    public const string Issuer = "https://collabaddin.dev/issuer";
    /// <summary>The audience of Development tokens when no Entra app is configured.</summary>
    public const string PlaceholderAudience = "api://collabaddin-dev";
    /// <summary>What Identity.Web is given as client id when no Entra app is configured; never a real app's.</summary>
    public const string PlaceholderClientId = "00000000-0000-0000-0000-00000000c011";
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    private readonly TimeProvider _clock;
    public DevTokenIssuer(string audience, TimeProvider clock)
    {
        Audience = audience;
        _clock = clock;
        Key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "dev-" + Guid.NewGuid().ToString("N")[..8] };
    }

    public string Audience { get; }
    public SecurityKey Key { get; }

    /// <summary>Only in the Development environment, and unless configuration turns it off.</summary>
    public static bool IsEnabled(IHostEnvironment env, IConfiguration config) =>
        env.IsDevelopment() && config.GetValue("DevelopmentIssuer:Enabled", true);

    /// <summary>Same user, same tenant → same object id, as a directory would give.</summary>
    public static string ObjectIdFor(string tenant, string email) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenant}|{Emails.Normalize(email)}")).AsSpan(0, 16)).ToString();

    public string Mint(string email, string name, string tenant, TimeSpan? lifetime = null, string? audience = null,
        string? scopes = AuthSetup.ApiScope, IEnumerable<string>? roles = null, DateTime? issuedAt = null, string? objectId = null)
    {
        var now = issuedAt ?? _clock.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new(EntraClaims.TenantId, tenant),
            new(EntraClaims.ObjectId, objectId ?? ObjectIdFor(tenant, email)),
            new(EntraClaims.PreferredUsername, email),
            new(EntraClaims.Name, name),
        };
        if (scopes is not null)
            claims.Add(new(EntraClaims.Scope, scopes));
        claims.AddRange((roles ?? []).Select(r => new Claim(EntraClaims.Roles, r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience ?? Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? DefaultLifetime),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }
}
