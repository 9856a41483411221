namespace CollabAddin.Api.Auth;

/// <summary>
/// The API's Entra ID app registration: section <c>AzureAd</c>, the one Microsoft.Identity.Web reads (it binds the same
/// keys, plus <c>ClientCredentials</c>, itself). This class holds what the API reads for its own rules.
/// </summary>
public sealed class EntraOptions
{
    public const string Section = "AzureAd";

    /// <summary>Sign-in authority host, e.g. the global cloud or the China (21Vianet) cloud's.</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com/";
    /// <summary>A tenant id for a single-tenant app, or "organizations" for a multi-tenant one.</summary>
    public string TenantId { get; set; } = "organizations";
    /// <summary>The API app registration's client id.</summary>
    public string? ClientId { get; set; }
    /// <summary>Application ID URI; v1 tokens carry it as audience, v2 tokens carry the client id.</summary>
    public string? Audience { get; set; }
    /// <summary>When set, only these tenants may call (multi-tenant apps).</summary>
    public string[] AllowedTenants { get; set; } = [];

    public string Authority => $"{Instance.TrimEnd('/')}/{TenantId}/v2.0";

    public bool IsMultiTenant => TenantId is "organizations" or "common";

    public IEnumerable<string> ValidAudiences() =>
        new[] { Audience, ClientId, string.IsNullOrWhiteSpace(ClientId) ? null : $"api://{ClientId}" }
            .Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!).Distinct();

    public static EntraOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<EntraOptions>() ?? new EntraOptions();
}
