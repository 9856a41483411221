using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CollabAddin.Benchmarks;

/// <summary>
/// Several API processes (dotnet AddinApi.dll, as deployed) over one PostgreSQL database of N items (follow-up workers
/// on unless BENCH_WORKERS=off),
/// each request to the next instance in turn as a load balancer without sticky sessions would send it. The same load
/// runs against one instance, then against all: "my action items" (full and unchanged), PATCH, and publish.
/// </summary>
public static class Cluster
{
    private const string Organizer = "alice@contoso.example";

    public static async Task RunAsync(string connection, int items, int instances, TimeSpan warmup, TimeSpan duration)
    {
        var api = Path.Combine(AppContext.BaseDirectory, "AddinApi.dll");
        var root = Path.Combine(BenchApp.RepositoryRoot(), "src", "AddinApi");
        var started = new List<Instance>();
        try
        {
            // Migrations once, by the first instance; then the data; then the others, which do not migrate.
            started.Add(await Instance.StartAsync(api, root, connection, migrate: true));
            var watch = Stopwatch.StartNew();
            await Seeder.SeedAsync("Postgres", connection, items, users: Math.Max(1, items / 50), meetings: Math.Max(1, items / 20));
            Console.WriteLine($"cluster: seeded {items:N0} items, {items / 50:N0} users, {items / 20:N0} meetings in {watch.Elapsed.TotalSeconds:N1} s");
            for (var i = 1; i < instances; i++)
                started.Add(await Instance.StartAsync(api, root, connection, migrate: false));
            Console.WriteLine($"cluster: {instances} instances on {string.Join(", ", started.Select(s => s.Address.Port))}, {Environment.ProcessorCount} cores shared with PostgreSQL and this client");

            var meetings = await MeetingsWithMinutesAsync(started[0], count: 4, rows: 50);
            var results = new List<(int Instances, LoadResult Result)>();
            foreach (var set in new[] { started.Take(1).ToList(), started })
            {
                using var pool = new Pool(set);
                results.Add((set.Count, await MyItemsAsync(pool, connections: 16, warmup, duration, unchanged: false)));
                results.Add((set.Count, await MyItemsAsync(pool, connections: 16, warmup, duration, unchanged: true)));
                results.Add((set.Count, await PatchAsync(pool, connections: 16, warmup, duration)));
                results.Add((set.Count, await PublishAsync(pool, meetings, warmup, duration)));
            }
            foreach (var (count, result) in results)
                Console.WriteLine($"{count} instance{(count == 1 ? " " : "s")}  {result}");
            if (results.Any(r => r.Result.Errors > 0)) throw new InvalidOperationException("requests failed during the load run");
        }
        finally
        {
            foreach (var instance in started) instance.Dispose();
        }
    }

    /// <summary>Sixteen users' lists (each of 50 items), each connection its own user; unchanged: with the ETag, answered 304.</summary>
    private static async Task<LoadResult> MyItemsAsync(Pool pool, int connections, TimeSpan warmup, TimeSpan duration, bool unchanged)
    {
        var users = Enumerable.Range(0, connections).Select(c => $"user{40 + c}@bench.example").ToList();
        var etags = new string?[connections];
        if (unchanged)
            for (var c = 0; c < connections; c++)
                etags[c] = (await pool.SendAsync(users[c], () => new HttpRequestMessage(HttpMethod.Get, "/api/me/action-items?pageSize=50"))).Headers.ETag!.ToString();
        return await LoadClient.MeasureAsync(unchanged ? "the same, unchanged (304)" : "GET /api/me/action-items", connections, warmup, duration, 0, async c =>
        {
            using var response = await pool.SendAsync(users[c], () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/action-items?pageSize=50");
                if (etags[c] is { } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                return request;
            });
            return unchanged ? response.StatusCode == HttpStatusCode.NotModified : response.IsSuccessStatusCode;
        });
    }

    /// <summary>Each connection its own user, changing the progress note of their items in turn with the ETag it holds.</summary>
    private static async Task<LoadResult> PatchAsync(Pool pool, int connections, TimeSpan warmup, TimeSpan duration)
    {
        var users = Enumerable.Range(0, connections).Select(c => $"user{100 + c}@bench.example").ToList();
        var items = new List<(Guid Id, string ETag)>[connections];
        for (var c = 0; c < connections; c++)
        {
            using var list = await pool.SendAsync(users[c], () => new HttpRequestMessage(HttpMethod.Get, "/api/me/action-items?pageSize=20&status=open"));
            var ids = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
            items[c] = [];
            foreach (var id in ids)
            {
                using var one = await pool.SendAsync(users[c], () => new HttpRequestMessage(HttpMethod.Get, $"/api/action-items/{id}"));
                items[c].Add((id, one.Headers.ETag!.ToString()));
            }
        }
        var turn = new int[connections];
        return await LoadClient.MeasureAsync("PATCH /api/action-items/{id}", connections, warmup, duration, 0, async c =>
        {
            var k = turn[c]++ % items[c].Count;
            var (id, etag) = items[c][k];
            using var response = await pool.SendAsync(users[c], () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/action-items/{id}")
                {
                    Content = JsonContent.Create(new { progressNote = $"Progress {turn[c]}" }),
                };
                request.Headers.TryAddWithoutValidation("If-Match", etag);
                return request;
            });
            if (response.StatusCode != HttpStatusCode.OK) return false;
            items[c][k] = (id, response.Headers.ETag!.ToString());
            return true;
        });
    }

    /// <summary>Four note-takers at once, each re-publishing a 50-row minutes document that moves every row to another owner.</summary>
    private static async Task<LoadResult> PublishAsync(Pool pool, List<(Guid Meeting, byte[][] Documents)> meetings, TimeSpan warmup, TimeSpan duration)
    {
        var turn = new int[meetings.Count];
        return await LoadClient.MeasureAsync("POST .../minutes (50 rows)", meetings.Count, warmup, duration, 0, async c =>
        {
            var (meeting, documents) = meetings[c];
            var docx = documents[turn[c]++ % documents.Length];
            using var response = await pool.SendAsync(Organizer, () =>
            {
                var content = new ByteArrayContent(docx);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                return new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{meeting}/minutes") { Content = content };
            });
            if (response.StatusCode != HttpStatusCode.OK)
                Console.WriteLine($"publish answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return response.StatusCode == HttpStatusCode.OK;
        });
    }

    private static async Task<List<(Guid Meeting, byte[][] Documents)>> MeetingsWithMinutesAsync(Instance instance, int count, int rows)
    {
        using var http = new HttpClient { BaseAddress = instance.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await instance.TokenAsync(Organizer));
        var people = Enumerable.Range(0, 5).Select(i => $"person{i}@contoso.example").ToList();
        var day = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var made = new List<(Guid Meeting, byte[][] Documents)>();
        for (var m = 0; m < count; m++)
        {
            var created = await http.PostAsJsonAsync("/api/meetings", new
            {
                subject = $"Load meeting {m}", goal = "Agree the plan by Friday", start = $"{day}T10:00", end = $"{day}T11:00", timeZone = "UTC",
                attendees = people.Select((p, i) => new { email = p, displayName = $"Person {i}", department = $"Dept {i}", roles = Array.Empty<string>() })
                    .Prepend(new { email = Organizer, displayName = "Alice", department = "Product", roles = new[] { "host", "noteTaker" } }),
                agenda = new[] { new { topic = "Plan", discussion = "Walk it", owner = Organizer, plannedMinutes = 30, expectedOutput = "A plan" } },
            });
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<IdOnly>())!.Id;
            var template = await http.GetByteArrayAsync($"/api/meetings/{id}/minutes/template");
            var owners = Enumerable.Range(0, 5).Select(i => $"Person {i}").ToList();
            // Two versions whose rows differ only in owner: each publish changes every row.
            made.Add((id, [MinutesDocuments.WithRows(template, owners, rows), MinutesDocuments.WithRows(template, owners.AsEnumerable().Reverse().ToList(), rows)]));
        }
        return made;
    }

    /// <summary>Round-robin over the instances; each keeps the tokens its own issuer signed.</summary>
    private sealed class Pool(IReadOnlyList<Instance> instances) : IDisposable
    {
        private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
        private int _next = -1;

        public async Task<HttpResponseMessage> SendAsync(string user, Func<HttpRequestMessage> make)
        {
            var instance = instances[(int)((uint)Interlocked.Increment(ref _next) % (uint)instances.Count)];
            using var request = make();
            request.RequestUri = new Uri(instance.Address, request.RequestUri!.OriginalString);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await instance.TokenAsync(user));
            return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        }

        public void Dispose() => _http.Dispose();
    }

    private sealed class Instance : IDisposable
    {
        private readonly Process _process;
        private readonly Dictionary<string, string> _tokens = [];
        public Uri Address { get; }

        private Instance(Process process, Uri address) => (_process, Address) = (process, address);

        public static async Task<Instance> StartAsync(string api, string root, string connection, bool migrate)
        {
            var port = BenchApp.FreePort();
            var start = new ProcessStartInfo("dotnet", [api, "--urls", $"http://127.0.0.1:{port}"])
            {
                WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Database__Provider"] = "Postgres", ["ConnectionStrings__Collab"] = connection,
                    ["Database__MigrateOnStartup"] = migrate ? "true" : "false", ["Demo__Seed"] = "false",
                    ["Logging__LogLevel__Default"] = "Warning", ["RateLimits__WritesPerMinute"] = "10000000",
                    ["FollowUp__WorkerEnabled"] = Environment.GetEnvironmentVariable("BENCH_WORKERS") == "off" ? "false" : "true",
                },
            };
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var instance = new Instance(process, new Uri($"http://127.0.0.1:{port}"));
            using var probe = new HttpClient { BaseAddress = instance.Address, Timeout = TimeSpan.FromSeconds(2) };
            for (var watch = Stopwatch.StartNew(); watch.Elapsed < TimeSpan.FromSeconds(120); await Task.Delay(100))
            {
                if (process.HasExited) throw new InvalidOperationException($"The API exited with {process.ExitCode} while starting.");
                try { if ((await probe.GetAsync("/auth/config")).IsSuccessStatusCode) return instance; }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
            }
            instance.Dispose();
            throw new TimeoutException("The API did not start within two minutes.");
        }

        /// <summary>A Development token for the seeded person (bound to the object id the seeded rows carry).</summary>
        public async Task<string> TokenAsync(string email)
        {
            lock (_tokens)
                if (_tokens.TryGetValue(email, out var known)) return known;
            using var http = new HttpClient { BaseAddress = Address };
            var tenant = email.EndsWith("@bench.example", StringComparison.Ordinal) ? Seeder.Tenant : "contoso";
            var response = await http.PostAsJsonAsync("/dev/token", new { email, name = email, tenant, objectId = tenant == Seeder.Tenant ? Seeder.ObjectIdOf(email) : null });
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
            lock (_tokens) _tokens[email] = token;
            return token;
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
            _process.Dispose();
        }
    }
}
