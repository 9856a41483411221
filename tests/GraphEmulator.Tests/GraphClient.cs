using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace CollabAddin.GraphEmulator.Tests;

/// <summary>The real Graph SDK pointed at an emulator, with retries off so tests see each answer as sent.</summary>
internal static class GraphClient
{
    public static GraphServiceClient For(EmulatorServer server, int maxRetries = 0)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers().ToList();
        handlers[handlers.FindIndex(h => h is RetryHandler)] = new RetryHandler(new RetryHandlerOption { MaxRetry = maxRetries, Delay = 0 });
        var http = GraphClientFactory.Create(handlers);
        return new GraphServiceClient(http, new BaseBearerTokenAuthenticationProvider(new Token()), server.GraphBaseUrl);
    }

    private sealed class Token : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();
        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? context = null, CancellationToken ct = default) => Task.FromResult("test");
    }
}
