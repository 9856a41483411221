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
        if (inProcess)
        {
            builder.Services.AddSingleton(new EmulatorState());
            builder.Services.PostConfigure<GraphOptions>(o =>
            {
                o.Mode = GraphMode.Emulator;
                o.BaseUrl = $"{Hosting.ServerUrls.First(builder.Configuration)}{EmulatorRoot}/v1.0";
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

}
