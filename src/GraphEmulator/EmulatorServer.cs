using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CollabAddin.GraphEmulator;

/// <summary>The emulator on its own Kestrel listener on loopback: real sockets, so dropped connections are real.</summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    public EmulatorState State { get; }
    /// <summary>What a GraphServiceClient takes as its base URL, e.g. http://127.0.0.1:41234/v1.0.</summary>
    public string GraphBaseUrl { get; }

    private EmulatorServer(WebApplication app, EmulatorState state, string baseUrl)
    {
        _app = app;
        State = state;
        GraphBaseUrl = baseUrl;
    }

    /// <param name="root">A path prefix to serve Graph under, as the API does in Development (<c>/_graph-emulator</c>).</param>
    public static async Task<EmulatorServer> StartAsync(EmulatorState? state = null, int port = 0, string root = "")
    {
        state ??= new EmulatorState();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(state);
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.MapGraphEmulator(root);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmulatorServer(app, state, address.TrimEnd('/') + root + "/v1.0");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
