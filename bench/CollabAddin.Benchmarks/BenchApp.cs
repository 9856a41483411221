using CollabAddin.Api.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CollabAddin.Benchmarks;

/// <summary>
/// The real API on a loopback socket, as production runs it but with quiet logs, over the store given. It also answers
/// GET /bench/static with a fixed body, first thing in the pipeline: the bare endpoint "my items" is measured against.
/// </summary>
public sealed class BenchApp(string provider, string connection, string? graphBaseUrl = null) : WebApplicationFactory<Program>
{
    public byte[] StaticBody { get; set; } = "{}"u8.ToArray();
    /// <summary>The app's clock, when a benchmark needs "now" to be a day of the seeded year; the real one otherwise.</summary>
    public TimeProvider? Clock { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseContentRoot(Path.Combine(RepositoryRoot(), "src", "AddinApi"));
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:Collab", connection);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Invites:WorkerEnabled", "false");
        builder.UseSetting("FollowUp:WorkerEnabled", "false");
        builder.UseSetting("Graph:EmulatorInProcess", "false");
        builder.UseSetting("Graph:Mode", "Emulator");
        builder.UseSetting("Graph:BaseUrl", graphBaseUrl ?? "http://127.0.0.1:9/v1.0");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft", "Warning");
        builder.ConfigureServices(s =>
        {
            s.AddTransient<IStartupFilter>(_ => new StaticEndpoint(this));
            if (Clock is not null) s.AddSingleton(Clock);
        });
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CollabAddin.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("CollabAddin.sln not found above the benchmark binaries.");
    }

    /// <summary>A loopback port nobody listens on, for an API process of a benchmark's own.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public Uri Start()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    public string Token(string email, string tenant) =>
        Services.GetRequiredService<DevTokenIssuer>().Mint(email, email, tenant, objectId: Seeder.ObjectIdOf(email));

    private sealed class StaticEndpoint(BenchApp app) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use(async (context, following) =>
            {
                if (context.Request.Path == "/bench/static")
                {
                    context.Response.ContentType = "application/json; charset=utf-8";
                    await context.Response.Body.WriteAsync(app.StaticBody);
                    return;
                }
                await following(context);
            });
            next(builder);
        };
    }
}
