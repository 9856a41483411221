using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CollabAddin.Api.Auth;

/// <summary>
/// What Microsoft.Identity.Web's issuer validator does for multi-tenant apps: the issuer must be the
/// authority of the very tenant the token names in <c>tid</c>, and that tenant must be allowed.
/// </summary>
public static class EntraIssuerValidator
{
    public static string Validate(string issuer, SecurityToken token, EntraOptions options)
    {
        var tid = (token as JsonWebToken)?.TryGetClaim(EntraClaims.TenantId, out var claim) == true ? claim.Value : null;
        if (string.IsNullOrEmpty(tid))
            throw new SecurityTokenInvalidIssuerException("The token has no tenant (tid) claim.");
        if (!Guid.TryParseExact(tid, "D", out _))
            throw new SecurityTokenInvalidIssuerException("The token's tenant (tid) is not a tenant id.");
        var expected = $"{options.Instance.TrimEnd('/')}/{tid}/v2.0";
        if (!string.Equals(issuer, expected, StringComparison.Ordinal))
            throw new SecurityTokenInvalidIssuerException($"Issuer '{issuer}' is not the authority of tenant '{tid}'.");
        var single = options.TenantId is not ("organizations" or "common");
        if (single && !string.Equals(tid, options.TenantId, StringComparison.OrdinalIgnoreCase))
            throw new SecurityTokenInvalidIssuerException($"Tenant '{tid}' is not this API's tenant.");
        if (options.AllowedTenants.Length > 0 && !options.AllowedTenants.Contains(tid, StringComparer.OrdinalIgnoreCase))
            throw new SecurityTokenInvalidIssuerException($"Tenant '{tid}' is not allowed to use this API.");
        return issuer;
    }
}
