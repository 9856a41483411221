using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using CollabAddin.Api.Data;

namespace CollabAddin.Api.Tests.Infrastructure;

/// <summary>
/// The built AddinApi.dll run by `dotnet` as a child process, in Development, on a loopback port of its own: what a
/// deployment runs, killable with SIGKILL. Its Graph is its own in-process emulator unless the settings name another.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where it listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address { get; }
    public string Name { get; }
    public bool HasExited => _process.HasExited;

    private readonly ConcurrentQueue<string> _output = new();

    /// <summary>The last lines the process wrote (warnings and errors at the default level), for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 400) _output.TryDequeue(out _);
    }

    private ApiProcess(Process process, Uri address, string name) => (_process, Address, Name) = (process, address, name);

    /// <param name="settings">Configuration as environment variables (<c>Section__Key</c>), over the defaults here.</param>
    public static async Task<ApiProcess> StartAsync(DatabaseProvider provider, string connection, IReadOnlyDictionary<string, string?>? settings = null, string name = "api")
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "AddinApi.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Urls"] = $"http://127.0.0.1:{port}",
                ["Database__Provider"] = provider.ToString(), ["ConnectionStrings__Collab"] = connection,
                ["Demo__Seed"] = "false", ["RateLimits__WritesPerMinute"] = "1000", ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            start.Environment[key] = value;
        var process = Process.Start(start)!;
        var api = new ApiProcess(process, new Uri($"http://127.0.0.1:{port}"), name);
        process.OutputDataReceived += (_, line) => api.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => api.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(2) };
        for (var watch = Stopwatch.StartNew(); watch.Elapsed < TimeSpan.FromSeconds(60); await Task.Delay(100))
        {
            Assert.False(process.HasExited, $"the API process {name} exited while starting");
            try { if ((await probe.GetAsync("/auth/config")).IsSuccessStatusCode) return api; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
        }
        api.Dispose();
        throw new TimeoutException($"the API process {name} did not start within 60 s");
    }

    /// <summary>A Development token from this process's issuer (each process signs with a key of its own), kept per person.</summary>
    public Task<string> TokenAsync(string email) => _tokens.GetOrAdd(email, async e =>
    {
        using var anonymous = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        return await DevSignIn.TokenAsync(anonymous, e);
    });

    public async Task<HttpClient> ClientForAsync(string email)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(email));
        return client;
    }

    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// Several API processes behind one address, as a load balancer would put them: each request goes to the next live
/// instance in turn (round-robin, no stickiness), carrying the caller's token from that instance's issuer.
/// </summary>
public sealed class RoundRobin(IReadOnlyList<ApiProcess> instances)
{
    private int _next = -1;
    private readonly ConcurrentDictionary<ApiProcess, bool> _down = new();

    /// <summary>Takes an instance out of the rotation, as a load balancer's health check would after it died.</summary>
    public void TakeOut(ApiProcess instance) => _down[instance] = true;

    public ApiProcess Next()
    {
        var live = instances.Where(i => !_down.ContainsKey(i)).ToList();
        return live[(int)((uint)Interlocked.Increment(ref _next) % (uint)live.Count)];
    }

    /// <summary>A client for one person whose requests are spread over the instances.</summary>
    public HttpClient ClientFor(string email) =>
        new(new Spreading(this, email) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = new Uri("http://collab.invalid"), Timeout = TimeSpan.FromSeconds(90),
        };

    private sealed class Spreading(RoundRobin pool, string email) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var instance = request.Options.TryGetValue(Pinned, out var pinned) ? pinned : pool.Next();
            request.RequestUri = new Uri(instance.Address, request.RequestUri!.PathAndQuery);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await instance.TokenAsync(email));
            var response = await base.SendAsync(request, ct);
            response.Headers.TryAddWithoutValidation(InstanceHeader, instance.Name);
            return response;
        }
    }

    /// <summary>Sends a request to this instance rather than the next in turn.</summary>
    public static readonly HttpRequestOptionsKey<ApiProcess> Pinned = new("collab-instance");
    /// <summary>Which instance answered, added to the response here (the API does not say).</summary>
    public const string InstanceHeader = "X-Test-Instance";
}
