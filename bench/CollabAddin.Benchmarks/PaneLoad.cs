using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CollabAddin.GraphEmulator;
using Microsoft.Playwright;

namespace CollabAddin.Benchmarks;

/// <summary>
/// The task panes as a person's browser loads them from the real API (Debian's Chromium, headless, 350 px): the
/// JavaScript each pane costs over the wire (Brotli, as the API serves it, office.js apart), what a second pane adds
/// when the first is cached, and the time to the first meaningful paint — the pane's own content, not the spinner —
/// cold (empty cache) and warm (reload, hashed assets from cache). Medians of several loads.
/// </summary>
public static class PaneLoad
{
    private static readonly string[] Panes = ["index", "items", "organizer", "minutes"];
    // What "meaningful" is per pane: its content after sign-in, never the spinner.
    private const string Meaningful = "main :is(nav, form, [role=tablist], p.empty, .fui-Field select, section)";

    public static async Task RunAsync(int loads)
    {
        await using var graph = await EmulatorServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("collab-panes-").FullName;
        await using var app = new BenchApp("Sqlite", $"Data Source={folder}/bench.db", graph.GraphBaseUrl);
        var baseUrl = app.Start();
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = baseUrl };
        await SeedAsync(baseUrl, app.Token("alice@contoso.example", "contoso"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        var sizes = new Dictionary<string, long>();
        async Task<long> Wire(string path)
        {
            if (sizes.TryGetValue(path, out var known)) return known;
            using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { AcceptEncoding = { new StringWithQualityHeaderValue("br") } } };
            using var response = await http.SendAsync(request);
            return sizes[path] = (await response.Content.ReadAsByteArrayAsync()).LongLength;
        }

        Console.WriteLine($"panes: {loads} loads each, Chromium at 350 px, API on loopback (Development, SQLite)");
        Console.WriteLine("pane        JS over the wire   cold paint (office.js ready)   warm paint (office.js ready), medians");
        foreach (var pane in Panes)
        {
            var cold = new List<double>();
            var warm = new List<double>();
            var office = new List<double>();
            var officeWarm = new List<double>();
            long bytes = 0;
            for (var i = 0; i < loads; i++)
            {
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 350, Height = 900 } });
                var page = await context.NewPageAsync();
                var scripts = new HashSet<string>();
                page.Request += (_, r) => { var path = new Uri(r.Url).AbsolutePath; if (path.StartsWith("/assets/", StringComparison.Ordinal) && path.EndsWith(".js", StringComparison.Ordinal)) scripts.Add(path); };
                var first = await PaintAsync(page, new Uri(baseUrl, $"/{pane}.html?demoUser=alice@contoso.example&lang=en-US").ToString());
                var again = await PaintAsync(page, null);
                cold.Add(first.Paint);
                warm.Add(again.Paint);
                office.Add(first.OfficeReady);
                officeWarm.Add(again.OfficeReady);
                long total = 0;
                foreach (var s in scripts) total += await Wire(s);
                bytes = total;
            }
            Console.WriteLine($"{pane,-10} {bytes / 1024.0,10:N1} KB {Median(cold),12:N0} ms ({Median(office),3:N0}) {Median(warm),13:N0} ms ({Median(officeWarm),3:N0})");
        }

        // A second pane after the first: only the scripts not already in the cache cost anything.
        await using (var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 350, Height = 900 } }))
        {
            var page = await context.NewPageAsync();
            var seen = new HashSet<string>();
            var fresh = new HashSet<string>();
            page.Request += (_, r) => { var path = new Uri(r.Url).AbsolutePath; if (path.StartsWith("/assets/", StringComparison.Ordinal) && path.EndsWith(".js", StringComparison.Ordinal) && seen.Add(path)) fresh.Add(path); };
            foreach (var pane in new[] { "items", "organizer", "minutes", "index" })
            {
                fresh.Clear();
                await PaintAsync(page, new Uri(baseUrl, $"/{pane}.html?demoUser=alice@contoso.example&lang=en-US").ToString());
                long added = 0;
                foreach (var s in fresh) added += await Wire(s);
                Console.WriteLine($"then {pane,-10} adds {added / 1024.0,6:N1} KB of JavaScript");
            }
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, true);
    }

    /// <summary>Navigates (or reloads) and returns ms from navigation start to the pane's first meaningful content.</summary>
    private static async Task<(double Paint, double OfficeReady)> PaintAsync(IPage page, string? url)
    {
        if (url is null) await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.Commit });
        else await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        // Measured inside the page, on the frame the content first appears in, against the navigation's own start.
        var times = await page.EvaluateAsync<double[]>("""
            selector => new Promise(resolve => {
              const check = () => document.querySelector(selector) ? requestAnimationFrame(() => { const m = performance.getEntriesByName("collab:office-ready")[0]; resolve([performance.now(), m ? m.startTime : -1]); }) : requestAnimationFrame(check);
              check();
            })
            """, Meaningful);
        return (times[0], times[1]);
    }

    private static async Task SeedAsync(Uri baseUrl, string token)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        var start = DateTime.UtcNow.AddDays(7);
        var response = await http.PostAsJsonAsync("/api/meetings", new
        {
            subject = "Launch review", goal = "Approve the launch checklist by Friday", start = start.ToString("yyyy-MM-ddT10:00", CultureInfo.InvariantCulture), end = start.ToString("yyyy-MM-ddT11:00", CultureInfo.InvariantCulture), timeZone = "UTC",
            attendees = new[]
            {
                new { email = "alice@contoso.example", displayName = "Alice Wang", department = "Product", roles = new[] { "host", "noteTaker" } },
                new { email = "bob@contoso.example", displayName = "Bob Li", department = "Engineering", roles = Array.Empty<string>() },
            },
            agenda = new[] { new { topic = "Checklist", discussion = "Walk it", owner = "alice@contoso.example", plannedMinutes = 30, expectedOutput = "Approved list" } },
        });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"seeding failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
