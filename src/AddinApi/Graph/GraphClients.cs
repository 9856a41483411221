using Azure.Core;
using Azure.Identity;
using CollabAddin.Api.Auth;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace CollabAddin.Api.Graph;

/// <summary>
/// Makes the real <see cref="GraphServiceClient"/> for the current piece of work. One HttpClient with Graph's own
/// middleware (its retry handler honours Retry-After on 429/503/504) is shared; only the credential varies:
/// on-behalf-of the signed-in organizer during a request, the app's own identity for background work, and a
/// placeholder token for the emulator.
/// </summary>
public sealed class GraphClients : IDisposable
{
    private readonly GraphOptions _options;
    private readonly EntraOptions _entra;
    private readonly HttpClient _http;

    public GraphClients(IOptions<GraphOptions> options, IOptions<EntraOptions> entra)
    {
        _options = options.Value;
        _entra = entra.Value;
        var handlers = GraphClientFactory.CreateDefaultHandlers().ToList();
        var retry = handlers.FindIndex(h => h is RetryHandler);
        handlers[retry] = new RetryHandler(new RetryHandlerOption { MaxRetry = _options.MaxRetries, Delay = _options.RetryDelaySeconds });
        _http = GraphClientFactory.Create(handlers, finalHandler: new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _http.Timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds);
    }

    /// <param name="tenantId">The tenant whose Graph is called.</param>
    /// <param name="userToken">The caller's bearer token when acting for them; null for background work.</param>
    public GraphServiceClient For(string tenantId, string? userToken) =>
        new(_http, Authentication(tenantId, userToken), _options.BaseUrl);

    private IAuthenticationProvider Authentication(string tenantId, string? userToken)
    {
        if (_options.Mode == GraphMode.Emulator)
            return new BaseBearerTokenAuthenticationProvider(new EmulatorToken());
        if (string.IsNullOrWhiteSpace(_entra.ClientId) || string.IsNullOrWhiteSpace(_options.ClientSecret))
            throw new GraphRejectedException(500, "configuration", "Graph:ClientSecret and Entra:ClientId are needed to call Microsoft Graph.");
        var authority = new Uri(_entra.Instance);
        TokenCredential credential = userToken is not null
            ? new OnBehalfOfCredential(tenantId, _entra.ClientId, _options.ClientSecret, userToken, new OnBehalfOfCredentialOptions { AuthorityHost = authority })
            : new ClientSecretCredential(tenantId, _entra.ClientId, _options.ClientSecret, new ClientSecretCredentialOptions { AuthorityHost = authority });
        var graphHost = new Uri(_options.BaseUrl).Host;
        return new AzureIdentityAuthenticationProvider(credential, [graphHost], observabilityOptions: null, isCaeEnabled: true,
            scopes: [$"https://{graphHost}/.default"]);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The emulator only checks that a bearer token is present, as Graph would.</summary>
    private sealed class EmulatorToken : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();
        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? context = null, CancellationToken ct = default) =>
            Task.FromResult("emulator");
    }
}
