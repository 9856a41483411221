using CollabAddin.Api.Data;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace CollabAddin.Api.Auth;

/// <summary>
/// The Entra ID bearer pipeline Microsoft.Identity.Web would build (it is not in our registry), made from JwtBearer:
/// authority and audience from configuration, claims kept under their Entra names, and the <c>access_as_user</c>
/// scope required. In Development the same pipeline trusts <see cref="DevTokenIssuer"/> instead of Entra.
/// </summary>
public static class AuthSetup
{
    public const string ApiScope = "access_as_user";
    public const string ApiUserPolicy = "ApiUser";

    public static void AddCollabAuth(this WebApplicationBuilder builder)
    {
        var entra = builder.Configuration.GetSection("Entra").Get<EntraOptions>() ?? new EntraOptions();
        var dev = DevTokenIssuer.IsEnabled(builder.Environment, builder.Configuration)
            ? new DevTokenIssuer(entra.ValidAudiences().FirstOrDefault() ?? "api://collabaddin-dev", TimeProvider.System)
            : null;
        if (dev is not null)
            builder.Services.AddSingleton(dev);
        else if (!entra.ValidAudiences().Any())
            throw new InvalidOperationException("Entra:ClientId (or Entra:Audience) must be configured outside Development.");

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            // Why a token failed ("expired at …", "signature key not found") helps a developer and an attacker alike.
            o.IncludeErrorDetails = builder.Environment.IsDevelopment();
            var p = o.TokenValidationParameters;
            p.NameClaimType = EntraClaims.Name;
            p.RoleClaimType = EntraClaims.Roles;
            p.ClockSkew = TimeSpan.FromMinutes(1);
            p.ValidateAudience = true;
            if (dev is not null)
            {
                p.ValidAudiences = [dev.Audience];
                p.ValidIssuer = DevTokenIssuer.Issuer;
                p.IssuerSigningKey = dev.Key;
            }
            else
            {
                o.Authority = entra.Authority;
                p.ValidAudiences = entra.ValidAudiences().ToArray();
                p.IssuerValidator = (issuer, token, _) => EntraIssuerValidator.Validate(issuer, token, entra);
            }
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiUserPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(EntraClaims.TenantId)
                .RequireClaim(EntraClaims.ObjectId)
                .RequireClaim(EntraClaims.PreferredUsername)
                .RequireAssertion(c => ActsForPerson(c.User)))
            .AddPolicy(Departments.DepartmentsApi.AdminPolicy, policy => policy.RequireClaim(EntraClaims.Roles, Departments.DepartmentsApi.AdminRole));
    }

    /// <summary>Delegated access to this API only: an app-only token (roles, no scp) does not act for a person.</summary>
    public static bool ActsForPerson(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(EntraClaims.Scope)?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(ApiScope) == true;

    /// <summary>After authentication: confine the request's queries to the token's tenant.</summary>
    public static IApplicationBuilder UseTenantScope(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true)
            context.RequestServices.GetRequiredService<CurrentTenant>().Id = context.User.FindFirst(EntraClaims.TenantId)?.Value is { } tid ? Caller.NormalizeTenant(tid) : null;
        return next(context);
    });
}
