using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(CollabAddin.Api.Tests.Infrastructure.PostgresServer))]

namespace CollabAddin.Api.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server on loopback for this test run: its own data directory and port, started
/// with the Debian binaries (the test command installs them), stopped and deleted at the end.
/// Tests that need it call <see cref="CreateDatabaseAsync"/>, which skips them, saying why, only if it truly cannot start.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _root;
    private string? _bin;
    private int _port;
    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        try
        {
            _bin = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                    .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
                : null;
            if (_bin is null)
            {
                Unavailable = "PostgreSQL server binaries are not installed (/usr/lib/postgresql/*/bin/initdb); run the README test command, which installs them.";
                return;
            }
            _root = Directory.CreateTempSubdirectory("collab-pg-").FullName;
            _port = FreePort();
            if (Environment.UserName == "root")
                await Run("chown", "-R", "postgres:postgres", _root);
            await AsPostgres($"{_bin}/initdb -D {_root}/data -U postgres -A trust --no-sync -E UTF8 --locale=C");
            await AsPostgres($"{_bin}/pg_ctl -D {_root}/data -l {_root}/log -w -t 60 start " +
                $"-o \"-p {_port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\"");
        }
        catch (Exception e)
        {
            Unavailable = $"PostgreSQL could not start: {e.Message}";
        }
    }

    /// <summary>A fresh, empty database; the caller owns it for one test app.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        if (Unavailable is not null)
            Assert.Skip(Unavailable);
        var name = "collab_" + Guid.NewGuid().ToString("N")[..12];
        await using var admin = new NpgsqlConnection(ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Runs SQL as the server's superuser (e.g. to make a test database refuse connections).</summary>
    public async Task AdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=20";

    public async ValueTask DisposeAsync()
    {
        if (_root is null) return;
        try
        {
            NpgsqlConnection.ClearAllPools();
            await AsPostgres($"{_bin}/pg_ctl -D {_root}/data -m immediate -w stop");
        }
        catch { /* the server is going away with the test process either way */ }
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    // PostgreSQL refuses to run as root, so as root the server runs as the postgres user.
    private static Task AsPostgres(string command) => Environment.UserName == "root"
        ? Run("su", "postgres", "-s", "/bin/sh", "-c", command)
        : Run("/bin/sh", "-c", command);

    private static async Task Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
