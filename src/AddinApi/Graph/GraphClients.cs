using Azure.Core;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace CollabAddin.Api.Graph;

/// <summary>
/// Makes the real <see cref="GraphServiceClient"/> for the current piece of work. One HttpClient with Graph's own
/// middleware (its retry handler honours Retry-After on 429/503/504) is shared; only the token varies, and every token
/// comes from Identity.Web's token acquisition: on behalf of the signed-in caller during a request, the app's own for
/// background work. The emulator gets a placeholder token.
/// </summary>
public sealed class GraphClients : IDisposable
{
    private readonly GraphOptions _options;
    private readonly IServiceProvider _services;
    private readonly HttpClient _http;

    public GraphClients(IOptions<GraphOptions> options, IServiceProvider services)
    {
        _options = options.Value;
        _services = services;
        var handlers = GraphClientFactory.CreateDefaultHandlers().ToList();
        var retry = handlers.FindIndex(h => h is RetryHandler);
        handlers[retry] = new RetryHandler(new RetryHandlerOption { MaxRetry = _options.MaxRetries, Delay = _options.RetryDelaySeconds });
        _http = GraphClientFactory.Create(handlers, finalHandler: new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _http.Timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds);
    }

    /// <param name="tenantId">The tenant whose Graph is called.</param>
    /// <param name="user">The signed-in caller when acting for them; null for background work.</param>
    public GraphServiceClient For(string tenantId, System.Security.Claims.ClaimsPrincipal? user) =>
        new(_http, Authentication(tenantId, user), _options.BaseUrl);

    private IAuthenticationProvider Authentication(string tenantId, System.Security.Claims.ClaimsPrincipal? user)
    {
        if (_options.Mode == GraphMode.Emulator)
            return new BaseBearerTokenAuthenticationProvider(new EmulatorToken());
        var graphHost = new Uri(_options.BaseUrl).Host;
        var credential = new IdentityWebCredential(_services.GetRequiredService<ITokenAcquisition>(), tenantId, user);
        return new AzureIdentityAuthenticationProvider(credential, [graphHost], observabilityOptions: null, isCaeEnabled: false,
            scopes: [$"https://{graphHost}/.default"]);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The Graph SDK asks an Azure credential for tokens; this one asks Identity.Web, which caches them.</summary>
    private sealed class IdentityWebCredential(ITokenAcquisition tokens, string tenantId, System.Security.Claims.ClaimsPrincipal? user) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            var options = new TokenAcquisitionOptions { CancellationToken = cancellationToken, Claims = requestContext.Claims };
            var result = user is null
                ? await tokens.GetAuthenticationResultForAppAsync(requestContext.Scopes.Single(), tenant: tenantId, tokenAcquisitionOptions: options)
                : await tokens.GetAuthenticationResultForUserAsync(requestContext.Scopes, tenantId: tenantId, user: user, tokenAcquisitionOptions: options);
            return new AccessToken(result.AccessToken, result.ExpiresOn);
        }
    }

    /// <summary>The emulator only checks that a bearer token is present, as Graph would.</summary>
    private sealed class EmulatorToken : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();
        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? context = null, CancellationToken ct = default) =>
            Task.FromResult("emulator");
    }
}
