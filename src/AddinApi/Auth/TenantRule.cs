using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace CollabAddin.Api.Auth;

/// <summary>
/// Which Entra tenants may call, checked after Microsoft.Identity.Web has validated the token (signature, audience, and
/// its issuer rule: the issuer is the authority of the tenant named in <c>tid</c>). Identity.Web accepts any tenant
/// for a multi-tenant app; the product also needs a well-formed tenant id (it keys every row) and the optional
/// allow-list, and a single-tenant app refuses other tenants even if a token's issuer matches.
/// </summary>
public static class TenantRule
{
    public static string? Refusal(string? tid, EntraOptions options)
    {
        if (string.IsNullOrEmpty(tid))
            return "The token has no tenant (tid) claim.";
        if (!Guid.TryParseExact(tid, "D", out _))
            return "The token's tenant (tid) is not a tenant id.";
        if (!options.IsMultiTenant && !string.Equals(tid, options.TenantId, StringComparison.OrdinalIgnoreCase))
            return "The token's tenant is not this API's tenant.";
        if (options.AllowedTenants.Length > 0 && !options.AllowedTenants.Contains(tid, StringComparer.OrdinalIgnoreCase))
            return "The token's tenant is not allowed to use this API.";
        return null;
    }

    /// <summary>Runs the rule on every validated token, before the handlers Identity.Web chained.</summary>
    public static void Enforce(JwtBearerEvents events, EntraOptions options)
    {
        var next = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            if (Refusal(context.Principal?.FindFirst(EntraClaims.TenantId)?.Value, options) is { } reason)
            {
                context.Fail(reason);
                return;
            }
            await next(context);
        };
    }
}
