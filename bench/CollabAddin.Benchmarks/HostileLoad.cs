using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace CollabAddin.Benchmarks;

/// <summary>
/// The security review's hostile minutes document — ~31 million characters of empty paragraphs, inside the byte limits —
/// published once and then by six clients at once, against the API in a process of its own so that its memory is its
/// own. Meanwhile /healthz is asked every 20 ms. Reports each publish's answer and time, the process's peak resident
/// set (VmHWM) and the slowest /healthz. Goals (docs/RELIABILITY.md): each answer within 2 s, peak under 600 MB,
/// /healthz under 100 ms.
/// </summary>
public static class HostileLoad
{
    public static async Task RunAsync(int concurrent)
    {
        var root = Path.Combine(Path.GetTempPath(), "collab-hostile", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var api = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "AddinApi.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Urls"] = address.ToString(), ["Database__Provider"] = "Sqlite",
                ["ConnectionStrings__Collab"] = $"Data Source={Path.Combine(root, "collab.db")}", ["Demo__Seed"] = "false",
                ["RateLimits__WritesPerMinute"] = "1000", ["Logging__LogLevel__Default"] = "Warning", ["FollowUp__WorkerEnabled"] = "false",
            },
        })!;
        api.OutputDataReceived += (_, _) => { };
        api.ErrorDataReceived += (_, _) => { };
        api.BeginOutputReadLine();
        api.BeginErrorReadLine();
        try
        {
            using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
            await WaitUntilUpAsync(probe, api);
            var organizer = await SignInAsync(address, "alice@contoso.example");
            var noteTaker = await SignInAsync(address, "bob@contoso.example");
            var meeting = await CreateMeetingAsync(organizer);
            var template = await noteTaker.GetByteArrayAsync($"/api/meetings/{meeting}/minutes/template");
            var hostile = Hostile(template);
            Console.WriteLine($"hostile document: {hostile.Length / 1024:N0} KB zipped, ~31 million characters of <w:p/>");
            var rssBefore = Status(api, "VmRSS");

            var healthz = new List<double>();
            using var stop = new CancellationTokenSource();
            var health = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var watch = Stopwatch.StartNew();
                    (await probe.GetAsync("/healthz")).EnsureSuccessStatusCode();
                    lock (healthz) healthz.Add(watch.Elapsed.TotalMilliseconds);
                    await Task.Delay(20);
                }
            });

            foreach (var round in new[] { 1, concurrent })
            {
                var answers = await Task.WhenAll(Enumerable.Range(0, round).Select(async _ =>
                {
                    var watch = Stopwatch.StartNew();
                    var content = new ByteArrayContent(hostile) { Headers = { ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document") } };
                    var response = await noteTaker.PostAsync($"/api/meetings/{meeting}/minutes", content);
                    return ((int)response.StatusCode, watch.Elapsed.TotalMilliseconds);
                }));
                Console.WriteLine($"{round} at once: " + string.Join(", ", answers.Select(a => $"{a.Item1} in {a.Item2:N0} ms")));
                if (answers.Any(a => a.Item1 >= 500 && a.Item1 != 503)) throw new InvalidOperationException("a hostile publish got a server error");
            }
            await stop.CancelAsync();
            await health;
            var peak = Status(api, "VmHWM");
            double[] sorted;
            lock (healthz) sorted = [.. healthz.Order()];
            Console.WriteLine($"API process: resident {rssBefore / 1024:N0} MB before, peak {peak / 1024:N0} MB (goal < 600 MB)");
            Console.WriteLine($"/healthz meanwhile: {sorted.Length} requests, median {sorted[sorted.Length / 2]:N1} ms, slowest {sorted[^1]:N1} ms (goal < 100 ms)");
        }
        finally
        {
            if (!api.HasExited) api.Kill(entireProcessTree: true);
            await api.WaitForExitAsync();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The template with ~5.2 million empty paragraphs added to its body: 31 million characters, a few hundred KB zipped.</summary>
    private static byte[] Hostile(byte[] template)
    {
        var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(template)))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in source.Entries)
            {
                using var read = new StreamReader(entry.Open());
                var text = read.ReadToEnd();
                if (entry.FullName == "word/document.xml")
                {
                    var at = text.IndexOf("<w:body>", StringComparison.Ordinal) + "<w:body>".Length;
                    text = string.Concat(text.AsSpan(0, at), new StringBuilder().Insert(0, "<w:p/>", 31_000_000 / 6).ToString(), text.AsSpan(at));
                }
                using var write = new StreamWriter(target.CreateEntry(entry.FullName).Open());
                write.Write(text);
            }
        return output.ToArray();
    }

    private static async Task<Guid> CreateMeetingAsync(HttpClient organizer)
    {
        var day = DateTime.UtcNow.Date.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var response = await organizer.PostAsJsonAsync("/api/meetings", new
        {
            subject = "Hostile load", goal = "Agree the launch plan and owners before 30 Sept", start = $"{day}T10:00", end = $"{day}T11:00", timeZone = "Asia/Shanghai",
            attendees = new object[]
            {
                new { email = "alice@contoso.example", displayName = "Alice Wang", department = "Product", kind = "core", roles = new[] { "host" } },
                new { email = "bob@contoso.example", displayName = "Bob Li", department = "Engineering", kind = "core", roles = new[] { "noteTaker" } },
            },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<HttpClient> SignInAsync(Uri address, string email)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
        var token = await (await client.PostAsJsonAsync("/dev/token", new { email, tenant = "contoso" })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return client;
    }

    private static async Task WaitUntilUpAsync(HttpClient probe, Process api)
    {
        for (var watch = Stopwatch.StartNew(); watch.Elapsed < TimeSpan.FromSeconds(60); await Task.Delay(100))
        {
            if (api.HasExited) throw new InvalidOperationException("the API process exited while starting");
            try { if ((await probe.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
        }
        throw new TimeoutException("the API process did not start within 60 s");
    }

    /// <summary>A size line of /proc/{pid}/status, in KB (VmRSS now, VmHWM the peak so far).</summary>
    private static long Status(Process process, string key) =>
        long.Parse(File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith(key + ":", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
