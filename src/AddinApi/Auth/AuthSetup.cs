using CollabAddin.Api.Data;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CollabAddin.Api.Auth;

/// <summary>
/// Sign-in is Microsoft.Identity.Web's: <c>AddMicrosoftIdentityWebApi</c> over section <c>AzureAd</c> validates Entra
/// tokens (metadata, signing keys, the multi-tenant issuer rule, scope-or-role presence), and its token acquisition
/// gets every Graph token — on behalf of the caller during a request, the app's own for background work. On top, the
/// product's rules: the tenant rule (<see cref="TenantRule"/>) and a delegated <c>access_as_user</c> token.
/// In Development the same pipeline trusts <see cref="DevTokenIssuer"/> instead of Entra, and nothing else.
/// </summary>
public static class AuthSetup
{
    public const string ApiScope = "access_as_user";
    public const string ApiUserPolicy = "ApiUser";
    /// <summary>The named HTTP client Identity.Web's issuer validator reads Entra's metadata with (a proxy goes on it).</summary>
    public const string EntraHttpClient = "entra";

    public static void AddCollabAuth(this WebApplicationBuilder builder)
    {
        var entra = EntraOptions.From(builder.Configuration);
        var dev = DevTokenIssuer.IsEnabled(builder.Environment, builder.Configuration)
            ? new DevTokenIssuer(entra.ValidAudiences().FirstOrDefault() ?? DevTokenIssuer.PlaceholderAudience, TimeProvider.System)
            : null;
        if (dev is not null)
        {
            builder.Services.AddSingleton(dev);
            // Identity.Web needs a client id even when no Entra app exists; the placeholder is never shown to the panes.
            if (string.IsNullOrWhiteSpace(entra.ClientId))
                builder.Configuration.AddInMemoryCollection([new($"{EntraOptions.Section}:ClientId", DevTokenIssuer.PlaceholderClientId)]);
        }
        else if (string.IsNullOrWhiteSpace(entra.ClientId))
        {
            throw new InvalidOperationException($"{EntraOptions.Section}:ClientId must be configured outside Development.");
        }

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApi(builder.Configuration, EntraOptions.Section)
            .EnableTokenAcquisitionToCallDownstreamApi()
            .AddTokenCaches(builder);

        builder.Services.AddHttpClient(EntraHttpClient);
        builder.Services.Configure<AadIssuerValidatorOptions>(o => o.HttpClientName = EntraHttpClient);
        builder.Services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.MapInboundClaims = false; // claims keep their Entra names (tid, oid, scp), which the code reads
            // Why a token failed ("expired at …", "signature key not found") helps a developer and an attacker alike.
            o.IncludeErrorDetails = builder.Environment.IsDevelopment();
            var p = o.TokenValidationParameters;
            p.NameClaimType = EntraClaims.Name;
            p.RoleClaimType = EntraClaims.Roles;
            p.ClockSkew = TimeSpan.FromMinutes(1);
            // Both audience forms: the client id (v2 tokens) and the Application ID URI (v1 tokens, and v2 tokens
            // asked for with the URI). Identity.Web's own validator would accept only one per token version.
            p.ValidAudiences = (dev is null ? entra.ValidAudiences() : [dev.Audience]).ToArray();
            // Entra's v2.0 issuer template: Identity.Web's issuer validator fills in the token's own tid and accepts
            // a match without fetching metadata for it (it would otherwise read the template from Entra's metadata).
            if (dev is null)
                p.ValidIssuers = [$"{entra.Instance.TrimEnd('/')}/{{tenantid}}/v2.0"];
        });
        // After Identity.Web's own post-configuration, so that the Development issuer replaces Entra's entirely.
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            if (dev is not null)
                TrustDevelopmentIssuer(o, dev);
            else
                TenantRule.Enforce(o.Events ??= new JwtBearerEvents(), entra);
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

    /// <summary>
    /// The Development issuer as the only authority: its issuer and in-memory key as static OpenID configuration (no
    /// metadata is fetched from anywhere), and Identity.Web's Entra issuer validator removed.
    /// </summary>
    private static void TrustDevelopmentIssuer(JwtBearerOptions o, DevTokenIssuer dev)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = DevTokenIssuer.Issuer };
        configuration.SigningKeys.Add(dev.Key);
        o.Configuration = configuration;
        o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        var p = o.TokenValidationParameters;
        p.IssuerValidator = null;
        p.ValidIssuers = [DevTokenIssuer.Issuer];
        p.IssuerSigningKeys = [dev.Key];
        p.ConfigurationManager = null;
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
