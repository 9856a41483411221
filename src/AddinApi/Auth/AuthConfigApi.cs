namespace CollabAddin.Api.Auth;

/// <param name="ApiScope">The scope the panes ask a token for: "{audience}/access_as_user".</param>
/// <param name="DevelopmentSignIn">True when POST /dev/token exists (Development), so the panes can offer demo mode.</param>
public sealed record AuthConfigResponse(string? ClientId, string? ApiScope, string Authority, bool DevelopmentSignIn);

/// <summary><c>GET /auth/config</c>: what a task pane needs to sign in (public information, no secrets).</summary>
public static class AuthConfigApi
{
    public static void MapAuthConfig(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/auth/config", (IConfiguration configuration, IServiceProvider services) =>
        {
            var entra = EntraOptions.From(configuration);
            if (entra.ClientId == DevTokenIssuer.PlaceholderClientId)
                entra.ClientId = null; // no Entra app: the panes offer demo sign-in instead of trying one
            var audience = entra.ValidAudiences().FirstOrDefault(a => a.StartsWith("api://", StringComparison.Ordinal));
            return TypedResults.Ok(new AuthConfigResponse(
                string.IsNullOrWhiteSpace(entra.ClientId) ? null : entra.ClientId,
                audience is null ? null : $"{audience}/{AuthSetup.ApiScope}",
                entra.Authority,
                services.GetService<DevTokenIssuer>() is not null));
        }).AllowAnonymous().WithTags("Sign-in").WithSummary("What the task panes need to sign in.");
}
