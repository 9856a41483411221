using System.Collections.Concurrent;
using System.Text.Json;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(CollabAddin.Api.Tests.Panes.Browser))]

namespace CollabAddin.Api.Tests.Panes;

/// <summary>Debian's Chromium, headless, driven by Playwright; one per test run (Playwright never downloads a browser here).</summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        // Expectations wait as long as actions do. Playwright's 5 s default failed a pane still loading its first list
        // in CI while three API processes of the multi-instance test shared the two cores (a 15 s budget is still a
        // failure a person would notice, and a correct page passes as soon as it is right).
        Assertions.SetDefaultExpectTimeout(15_000);
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>Opens a pane of the app as a task pane would (narrow), with the Office double configured as given.</summary>
    public async Task<IPage> OpenAsync(TestApp app, string path, object officeConfig, (string Email, string Name, string Tenant)? signedIn = null, int width = 420)
    {
        var context = await NewContextAsync(width);
        await context.RouteAsync("**/office-js/office.js", route => route.FulfillAsync(new RouteFulfillOptions { Body = "/* Office.js: replaced by the test double */", ContentType = "text/javascript" }));
        var session = signedIn is { } s
            ? JsonSerializer.Serialize(new { token = app.Issuer.Mint(s.Email, s.Name, s.Tenant), email = s.Email, name = s.Name, tenant = s.Tenant, via = "dialog" })
            : null;
        await context.AddInitScriptAsync($"window.__officeConfig = {JsonSerializer.Serialize(officeConfig)};"
            + (session is null ? "" : $"sessionStorage.setItem('collabaddin.session', {JsonSerializer.Serialize(session)});")
            + OfficeDouble.Script);
        return await GoAsync(await context.NewPageAsync(), app, path);
    }

    /// <summary>
    /// Opens a pane in a plain browser with the real office.js (served by the API in Development), as someone without
    /// the add-in would: no Office, demo sign-in through the path's ?demoUser= link.
    /// </summary>
    public async Task<IPage> OpenPlainAsync(TestApp app, string path, int width = 320, IBrowserContext? context = null) =>
        await GoAsync(await (context ?? await NewContextAsync(width)).NewPageAsync(), app, path);

    public async Task<IBrowserContext> NewContextAsync(int width = 320) =>
        await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, AcceptDownloads = true });

    private async Task<IPage> GoAsync(IPage page, TestApp app, string path)
    {
        // The page's clock is the server's (TestApp's fixed "now"): "3 days late", default dates and "past meeting" agree
        // with what the API decides, whatever day the tests run on. Timers still run; only Date is fixed.
        await page.Clock.SetFixedTimeAsync(app.Clock.GetUtcNow().UtcDateTime);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        // Chromium logs every 4xx answer as "Failed to load resource"; the panes expect some (a 412 conflict, a 404 lookup).
        // The real office.js outside Office tries to frame Microsoft's telemetry page; the panes' CSP refuses it, as it should.
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)
                && !m.Text.StartsWith("Framing 'https://telemetryservice.firstpartyapps.oaspapps.com", StringComparison.Ordinal))
                errors.Add(m.Text);
        };
        page.SetDefaultTimeout(15_000);
        Errors[page] = errors;
        Trace(page, path);
        _openedBy[page] = (TestContext.Current.Test?.UniqueID, Interlocked.Increment(ref _opened));
        page.Close += (_, _) => _openedBy.TryRemove(page, out _);
        await page.GotoAsync(new Uri(app.ClientOptions.BaseAddress, path).ToString());
        return page;
    }

    /// <summary>
    /// What a failing pane test needs to be read from a CI log alone: each page opened, and every answer (API, sign-in, asset) that
    /// failed or was slow, every request that never got one, every script error — with the time, in the test's output
    /// (test.sh prints a failed test's output under its message).
    /// </summary>
    private static void Trace(IPage page, string path)
    {
        var output = TestContext.Current.TestOutputHelper; // captured here: Playwright raises its events off the test's flow
        var pane = path.Split('?')[0];
        void Note(string line)
        {
            try { output?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {pane}: {line}"); }
            catch (InvalidOperationException) { } // the test has ended; a page it left open spoke late
        }
        Note($"open {path}");
        page.Response += (_, r) =>
        {
            var waited = r.Request.Timing.ResponseStart;
            if (r.Status >= 400 || waited > 1000) Note($"{r.Status} {r.Request.Method} {new Uri(r.Url).PathAndQuery} after {waited:F0} ms");
        };
        page.RequestFailed += (_, r) =>
        {
            // ERR_ABORTED: the pane itself dropped the request (a tab left, a list reloaded) — not the server's doing.
            if (r.Failure != "net::ERR_ABORTED") Note($"no answer: {r.Method} {r.Url} ({r.Failure})");
        };
        page.PageError += (_, e) => Note($"script error: {e}");
    }

    private readonly ConcurrentDictionary<IPage, (string? Test, int Order)> _openedBy = new();
    private int _opened;

    /// <summary>
    /// Called as a pane test class is disposed: when the test failed, each page it left open writes what it showed
    /// (its text, in the test's output) and a picture (artifacts/panes/failed-*.png) — a timeout alone says only what
    /// was not there.
    /// </summary>
    public async ValueTask DescribeOpenPagesIfFailedAsync()
    {
        if (TestContext.Current.TestState?.Result != TestResult.Failed) return;
        var test = TestContext.Current.Test?.UniqueID;
        var output = TestContext.Current.TestOutputHelper;
        var pages = _openedBy.Where(p => p.Value.Test == test && !p.Key.IsClosed).OrderBy(p => p.Value.Order).Select(p => p.Key).ToList();
        for (var n = 0; n < pages.Count; n++)
        {
            try
            {
                // One line per page (test.sh shows a failed test's last lines): its lines joined, the last opened last.
                var text = await pages[n].EvaluateAsync<string>("() => document.body.innerText.split('\\n').map(l => l.trim()).filter(l => l).join(' | ')")
                    .WaitAsync(TimeSpan.FromSeconds(5));
                output?.WriteLine($"--- page {n + 1} of {pages.Count}, {pages[n].Url}: {(text.Length > 1500 ? text[..1500] + " …" : text)}");
                await Screenshot(pages[n], $"failed-{TestContext.Current.TestMethod?.MethodName}-{n + 1}");
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                output?.WriteLine($"--- page {n + 1}: could not be read ({e.Message.Split('\n')[0]})");
            }
        }
    }

    /// <summary>True when nothing scrolls sideways at the page's current width.</summary>
    public static Task<bool> FitsWidth(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    /// <summary>The elements that stick out on the right, for a failure message that says what to fix.</summary>
    public static Task<string> Overflowing(IPage page) => page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
          .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 2).join(".")} (${Math.round(e.getBoundingClientRect().right)} px)`).join(", ")
        """);

    public Dictionary<IPage, List<string>> Errors { get; } = new();

    /// <summary>axe-core in the page: the serious and critical accessibility violations, as "rule: help (where)".</summary>
    public static async Task<string[]> AccessibilityViolations(IPage page)
    {
        // Evaluated through DevTools, not added as a script tag: the panes' CSP (rightly) refuses inline scripts.
        // Fluent's focus manager (Tabster) puts aria-hidden <i tabindex=0 data-tabster-dummy> sentinels at the edges of
        // focus zones that hand focus straight on; axe cannot know that, so those sentinels alone are left out.
        await page.EvaluateAsync(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "src", "AddinWeb", "node_modules", "axe-core", "axe.min.js")));
        return await page.EvaluateAsync<string[]>("""
            async () => (await axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] })).violations
              .filter(v => v.impact === "serious" || v.impact === "critical")
              .map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(" ")).join(", ")})`)
            """);
    }

    /// <summary>Keeps a picture of the pane under artifacts/panes, to look at.</summary>
    public static async Task Screenshot(IPage page, string name)
    {
        var folder = Path.Combine(Repository.Root, "artifacts", "panes");
        Directory.CreateDirectory(folder);
        // A full-page capture draws sticky bars (the header, the send bar) wherever the viewport happened to be: pin them in place.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true, Style = ".bar, .send-bar { position: static !important; }" });
    }
}

public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CollabAddin.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("CollabAddin.sln not found above the test binaries.");
    }
}
