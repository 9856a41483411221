using System.Net.Http.Headers;
using System.Net.Http.Json;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.GraphEmulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CollabAddin.Api.Tests.Infrastructure;

/// <summary>
/// The real application over a store of its own: a new SQLite file, or a new PostgreSQL database, per instance,
/// so no test sees another's data. Tokens come from the app's own /dev/token endpoint or its issuer.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero); // a Friday

    private readonly string _environment;
    private readonly string _connection;
    private readonly string? _sqliteFile;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly Dictionary<(string, string), string> _tokens = new();

    /// <summary>The API's Entra app registration outside Development (tokens for the API carry it as audience).</summary>
    public const string ProductionClientId = "11111111-2222-3333-4444-555555555555";

    public DatabaseProvider Provider { get; }
    /// <summary>This app's store, for a second app that shares it (several instances over one database).</summary>
    public string ConnectionString => _connection;
    public TestClock Clock { get; } = new(DefaultNow);
    /// <summary>This app's own Graph emulator, on a loopback port: the app's real Graph SDK talks to it over HTTP.</summary>
    public EmulatorServer Graph { get; }
    /// <summary>The app's warnings and errors, for failure messages.</summary>
    public CapturedLogs Logs { get; } = new();

    private TestApp(DatabaseProvider provider, string connection, string? sqliteFile, string environment,
        Dictionary<string, string?> settings, Action<IServiceCollection>? services, EmulatorServer graph)
    {
        Provider = provider;
        Graph = graph;
        _connection = connection;
        _sqliteFile = sqliteFile;
        _environment = environment;
        _settings = settings;
        _services = services;
    }

    public static async Task<TestApp> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, PostgresServer? postgres = null,
        string environment = "Development", IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null,
        bool kestrel = false)
    {
        string connection;
        string? file = null;
        if (provider == DatabaseProvider.Postgres)
        {
            connection = await (postgres ?? throw new ArgumentNullException(nameof(postgres))).CreateDatabaseAsync();
        }
        else if (provider == DatabaseProvider.SqlServer)
        {
            connection = SqlServerDatabases.NewDatabase(); // the app's migrations create it
        }
        else
        {
            file = Path.Combine(Path.GetTempPath(), "collab-tests", $"{Guid.NewGuid():N}", "collab.db");
            connection = $"Data Source={file}";
        }
        var graph = await EmulatorServer.StartAsync();
        var app = new TestApp(provider, connection, file, environment, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()), services, graph);
        if (kestrel)
        {
            // A real socket on loopback, for a real browser; the address is in ClientOptions.BaseAddress.
            app.UseKestrel(0);
            app.StartServer();
        }
        else
        {
            _ = app.Server; // start now: migrations run here, not inside the first request of a test
        }
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Collab", _connection);
        builder.UseSetting("Demo:Seed", "false");
        // The worker is driven by tests (RunOnceAsync) so that what happens when is under their control.
        builder.UseSetting("Invites:WorkerEnabled", "false");
        builder.UseSetting("FollowUp:WorkerEnabled", "false");
        builder.UseSetting("FollowUp:DigestHour", "9"); // Development's demo setting (0) would hide the hour rule
        builder.UseSetting("Graph:EmulatorInProcess", "false");
        builder.UseSetting("Graph:RetryDelaySeconds", "0");
        // Outside Development the Graph SDK is the production one, tokens from Identity.Web and all; it still talks to
        // this app's emulator, never to Microsoft.
        builder.UseSetting("Graph:BaseUrl", Graph.GraphBaseUrl);
        if (_environment == "Development")
            builder.UseSetting("Graph:Mode", "Emulator");
        if (_environment != "Development")
            builder.UseSetting("AzureAd:ClientId", ProductionClientId);
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            _services?.Invoke(s);
        });
    }

    public DevTokenIssuer Issuer => Services.GetRequiredService<DevTokenIssuer>();

    /// <summary>A client signed in through POST /dev/token, exactly as the task pane's demo mode does.</summary>
    public async Task<HttpClient> ClientForAsync(string email, string tenant = TestData.Tenant)
    {
        if (!_tokens.TryGetValue((email, tenant), out var token))
        {
            using var anonymous = CreateClient();
            token = await DevSignIn.TokenAsync(anonymous, email, tenant);
            _tokens[(email, tenant)] = token;
        }
        return ClientWithToken(token);
    }

    /// <summary>A tenant admin (the app role CollabAddin.Admin), signed in through POST /dev/token.</summary>
    public async Task<HttpClient> AdminClientAsync(string email = TestData.Organizer, string tenant = TestData.Tenant)
    {
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsJsonAsync("/dev/token", new { email, tenant, roles = new[] { Departments.DepartmentsApi.AdminRole } });
        return ClientWithToken((await response.ReadAsync<DevTokenResponse>()).AccessToken);
    }

    public HttpClient ClientWithToken(string? token)
    {
        var client = CreateClient();
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Runs code against the store as a given tenant, the way a request would see it.</summary>
    public async Task<T> WithDbAsync<T>(string tenant, Func<CollabDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Id = tenant;
        var db = scope.ServiceProvider.GetRequiredService<CollabDb>();
        db.Origin = new ChangeOrigin("tests@collab.example", "Test setup", Api.ActionItems.ChangeSource.System);
        return await work(db);
    }

    public Task WithDbAsync(string tenant, Func<CollabDb, Task> work) =>
        WithDbAsync(tenant, async db => { await work(db); return true; });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Graph.DisposeAsync();
        if (Provider == DatabaseProvider.SqlServer)
            await SqlServerDatabases.DropAsync(_connection);
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(Path.GetDirectoryName(_sqliteFile)!, recursive: true); } catch (IOException) { }
        }
    }
}

public static class TestAppScopes
{
    /// <summary>A service scope acting for a tenant, as the invite worker's scopes do.</summary>
    public static IServiceProvider CreateAsyncScopeWithTenant(this IServiceProvider services, string tenant)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Id = tenant;
        return scope.ServiceProvider;
    }
}
