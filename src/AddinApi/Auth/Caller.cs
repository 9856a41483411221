using System.Security.Claims;

namespace CollabAddin.Api.Auth;

/// <summary>The signed-in person, read from a token the pipeline has already validated.</summary>
public sealed record Caller(string TenantId, string ObjectId, string Email, string Name)
{
    public static Caller From(ClaimsPrincipal user)
    {
        string Claim(string type) => user.FindFirst(type)?.Value
            ?? throw new InvalidOperationException($"The '{type}' claim is missing; the ApiUser policy should have refused this token.");
        var email = Emails.Normalize(Claim(EntraClaims.PreferredUsername));
        return new(NormalizeTenant(Claim(EntraClaims.TenantId)), NormalizeId(Claim(EntraClaims.ObjectId)), email, user.FindFirst(EntraClaims.Name)?.Value ?? email);
    }

    /// <summary>
    /// The tenant as the store keys it: one spelling per tenant (a GUID in its lower-case form), so "ABC…" and "abc…"
    /// can never be two tenants. Entra tenants are GUIDs (the token pipeline refuses others); Development's are names.
    /// </summary>
    public static string NormalizeTenant(string tid) => Guid.TryParse(tid, out var id) ? id.ToString("D") : tid.Trim().ToLowerInvariant();

    private static string NormalizeId(string oid) => Guid.TryParse(oid, out var id) ? id.ToString("D") : oid;

    /// <summary>Lets a handler take a <see cref="Caller"/> parameter.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult<Caller?>(From(context.User));
}

/// <summary>Claim names as Entra ID issues them (inbound claim mapping is off, so they arrive unchanged).</summary>
public static class EntraClaims
{
    public const string TenantId = "tid";
    public const string ObjectId = "oid";
    public const string PreferredUsername = "preferred_username";
    public const string Name = "name";
    public const string Scope = "scp";
    public const string Roles = "roles";
}

public static class Emails
{
    /// <summary>Emails are compared case-insensitively everywhere; we store and compare them lower-case.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > Data.CollabModel.EmailLength)
            return false;
        var at = email.IndexOf('@');
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1
            && email.IndexOfAny([' ', '<', '>', '"', ',', ';', '\t', '\r', '\n']) < 0
            && email[(at + 1)..].Contains('.') && !email.EndsWith('.');
    }
}
