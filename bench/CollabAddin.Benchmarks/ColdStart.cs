using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CollabAddin.Benchmarks;

/// <summary>
/// From process start to the first answered "my action items": the API as its own process (dotnet AddinApi.dll, as a
/// deployment runs it), over a SQLite database migrated by an earlier start, workers on. The client asks for a demo
/// token as soon as the port answers, then for the list; both times are measured from the moment the process started.
/// </summary>
public static class ColdStart
{
    /// <param name="api">The API to start: by default this build's; give a published one (say ReadyToRun) to compare.</param>
    public static async Task RunAsync(int runs, string? api = null)
    {
        api ??= Path.Combine(AppContext.BaseDirectory, "AddinApi.dll");
        Console.WriteLine($"cold start of {api}");
        var root = Path.Combine(BenchApp.RepositoryRoot(), "src", "AddinApi");
        var folder = Directory.CreateTempSubdirectory("collab-coldstart-");
        var database = $"Data Source={Path.Combine(folder.FullName, "cold.db")}";
        try
        {
            await OnceAsync(api, root, database); // creates and migrates the database; not counted
            var listening = new List<double>();
            var first = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var (token, items) = await OnceAsync(api, root, database);
                listening.Add(token);
                first.Add(items);
                Console.WriteLine($"run {run + 1}: first answer (POST /dev/token) {token:N0} ms, first GET /api/me/action-items answered {items:N0} ms after process start");
            }
            static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
            Console.WriteLine($"cold start, median of {runs}: first answer {Median(listening):N0} ms; first \"my action items\" {Median(first):N0} ms (goal ≤ 1,500 ms)");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(double Token, double Items)> OnceAsync(string api, string root, string database)
    {
        var port = BenchApp.FreePort();
        var start = new ProcessStartInfo("dotnet", [api, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Collab"] = database,
                ["Demo__Seed"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            string? token = null;
            while (token is null)
            {
                if (process.HasExited) throw new InvalidOperationException($"The API exited with {process.ExitCode} before answering.");
                if (watch.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("The API did not answer within a minute.");
                try
                {
                    var response = await http.PostAsJsonAsync("/dev/token", new { email = "carol@contoso.example", name = "Carol", tenant = "contoso" });
                    if (response.StatusCode == HttpStatusCode.OK)
                        token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(5); // not listening yet
                }
            }
            var tokenAt = watch.Elapsed.TotalMilliseconds;
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/action-items");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var items = await http.SendAsync(request);
            var itemsAt = watch.Elapsed.TotalMilliseconds;
            if (items.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET /api/me/action-items answered {(int)items.StatusCode}.");
            return (tokenAt, itemsAt);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
