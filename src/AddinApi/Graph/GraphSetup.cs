using CollabAddin.Api.Auth;
using CollabAddin.GraphEmulator;

namespace CollabAddin.Api.Graph;

public static class GraphSetup
{
    public const string EmulatorRoot = "/_graph-emulator";

    /// <summary>The Graph gateway and (Development only) the in-process emulator.</summary>
    public static void AddCollabGraph(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Graph");
        var inProcess = builder.Environment.IsDevelopment() && section.GetValue<bool>("EmulatorInProcess");
        builder.Services.Configure<GraphOptions>(section);
        builder.Services.Configure<EntraOptions>(builder.Configuration.GetSection("Entra"));
        if (inProcess)
        {
            builder.Services.AddSingleton(new EmulatorState());
            builder.Services.PostConfigure<GraphOptions>(o =>
            {
                o.Mode = GraphMode.Emulator;
                o.BaseUrl = $"{FirstUrl(builder.Configuration)}{EmulatorRoot}/v1.0";
            });
        }
        else if (!builder.Environment.IsDevelopment() && section.GetValue<GraphMode>("Mode") == GraphMode.Emulator)
        {
            throw new InvalidOperationException("Graph:Mode=Emulator is for Development only.");
        }

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<GraphClients>();
        builder.Services.AddScoped<IGraphGateway, GraphGateway>();
    }

    /// <summary>Mounts the emulator when the app serves it itself (offline Development runs).</summary>
    public static void MapGraphEmulatorIfInProcess(this WebApplication app)
    {
        if (app.Services.GetService<EmulatorState>() is not null)
            app.MapGraphEmulator(EmulatorRoot);
    }

    /// <summary>The app's own address for the in-process emulator: plain http when the app listens on it, as loopback needs no TLS.</summary>
    private static string FirstUrl(IConfiguration config)
    {
        var urls = (config["urls"] ?? config["Urls"] ?? "http://localhost:5080").Split(';', StringSplitOptions.RemoveEmptyEntries);
        var chosen = urls.FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? urls[0];
        return chosen.TrimEnd('/').Replace("://+", "://localhost").Replace("://*", "://localhost");
    }
}
