using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CollabAddin.GraphEmulator;

/// <summary>
/// JSON batching (<c>POST /$batch</c>) as Graph does it: at most 20 requests, each answered on its own under its id;
/// <c>dependsOn</c> orders them and a request whose dependency failed is answered 424. Requests that may run at once
/// are run at once, and Outlook's limit of 4 concurrent requests per mailbox is enforced: the fifth and later get 429.
/// </summary>
/// <remarks>
/// Each request is replayed over loopback HTTP against the emulator's own routes, so it meets the same faults,
/// validation and recording as a request sent alone. Replayed requests carry <see cref="BatchHeader"/> so their
/// exchanges are marked as part of a batch (a test can still count them, apart from the requests a client sent).
/// </remarks>
internal static class BatchEndpoints
{
    public const string BatchHeader = "X-Emulator-Batch";
    private const int MaxRequests = 20;
    private const int MailboxConcurrency = 4;
    private const string Op = "batch";
    private static readonly HttpClient Loopback = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) });

    private sealed record Step(int Order, string Id, string Method, string Url, JsonObject Headers, JsonNode? Body, IReadOnlyList<string> DependsOn);

    public static async Task<IResult> Batch(HttpContext http)
    {
        var root = http.Request.PathBase + http.Request.Path.Value![..^"/$batch".Length];
        var (steps, problem) = Parse(await GraphReply.ReadBodyAsync(http.Request), root);
        if (problem is not null)
            return GraphReply.Error(400, "BadRequest", problem, Op);

        var answers = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var waiting = steps!.ToList();
        while (waiting.Count > 0)
        {
            var ready = waiting.Where(s => s.DependsOn.All(answers.ContainsKey)).ToList(); // Parse refused cycles: never empty
            waiting.RemoveAll(ready.Contains);
            var run = new List<Step>();
            foreach (var step in ready)
            {
                if (step.DependsOn.Any(d => !Succeeded(answers[d])))
                    answers[step.Id] = Answer(step.Id, 424, ErrorBody("FailedDependency", "A request this one depends on failed."));
                else
                    run.Add(step);
            }
            foreach (var mailbox in run.GroupBy(s => MailboxOf(s.Url)).Where(g => g.Key is not null))
                foreach (var step in mailbox.Skip(MailboxConcurrency))
                {
                    answers[step.Id] = Answer(step.Id, 429, ErrorBody("ApplicationThrottled", "Application is over its MailboxConcurrency limit."), retryAfter: "1");
                    run.Remove(step);
                }
            foreach (var (id, answer) in await Task.WhenAll(run.Select(async s => (s.Id, await ReplayAsync(http, root, s)))))
                answers[id] = answer;
        }
        return GraphReply.Ok(new JsonObject { ["responses"] = new JsonArray(steps!.Select(s => (JsonNode)answers[s.Id]).ToArray()) }, Op);
    }

    private static (List<Step>? Steps, string? Problem) Parse(JsonObject? body, string root)
    {
        if (body.Get("requests") is not JsonArray array || array.Count == 0)
            return (null, "Invalid batch payload format: 'requests' must be a non-empty array.");
        if (array.Count > MaxRequests)
            return (null, $"Maximum number of requests in a batch is {MaxRequests}.");
        var steps = new List<Step>();
        foreach (var (node, order) in array.Select((n, i) => (n, i)))
        {
            if (node is not JsonObject request || request.Str("id") is not { Length: > 0 } id || request.Str("method") is not { Length: > 0 } method
                || request.Str("url") is not { Length: > 0 } url)
                return (null, "Invalid batch payload format: each request needs an id, a method and a url.");
            if (url.Contains("://", StringComparison.Ordinal))
                return (null, $"Request '{id}': the url must be relative to the version root, like /users/{{id}}/sendMail.");
            var dependsOn = (request.Get("dependsOn") as JsonArray)?.Select(d => d?.GetValue<string>() ?? "").ToList() ?? [];
            url = UndoSdkCut(url, root);
            steps.Add(new Step(order, id, method.ToUpperInvariant(), url.StartsWith('/') ? url : "/" + url,
                request.Get("headers") as JsonObject ?? [], request.Get("body"), dependsOn));
        }
        var ids = steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        if (ids.Count != steps.Count)
            return (null, "Invalid batch payload format: request ids must be unique.");
        if (steps.FirstOrDefault(s => s.DependsOn.Any(d => !ids.Contains(d) || d == s.Id)) is { } stray)
            return (null, $"Request '{stray.Id}' depends on a request that is not in the batch.");
        // Kahn's order: whatever cannot be ordered sits on a cycle.
        var done = new HashSet<string>(StringComparer.Ordinal);
        for (var progress = true; progress;)
        {
            progress = false;
            foreach (var step in steps.Where(s => !done.Contains(s.Id) && s.DependsOn.All(done.Contains)))
                progress |= done.Add(step.Id);
        }
        return done.Count == steps.Count ? (steps, null) : (null, "The requests' dependsOn form a cycle.");
    }

    /// <summary>
    /// The Graph SDK makes a step's url by cutting <c>"/v1.0".Length</c> characters off the request's path, which assumes
    /// Graph's own base (<c>https://graph.microsoft.com/v1.0</c>). Served under a prefix (<c>/_graph-emulator/v1.0</c> in
    /// the API's Development mode) the cut lands inside the prefix — "ph-emulator/v1.0/users/…" — so put it back.
    /// </summary>
    private static string UndoSdkCut(string url, string root)
    {
        const int cut = 5; // "/v1.0".Length
        if (url.StartsWith('/') || root.Length <= cut) return url;
        var path = root[..cut] + url;
        return path.StartsWith(root + "/", StringComparison.Ordinal) ? path[root.Length..] : url;
    }

    private static async Task<JsonObject> ReplayAsync(HttpContext http, string root, Step step)
    {
        using var request = new HttpRequestMessage(new HttpMethod(step.Method), $"{http.Request.Scheme}://{http.Request.Host}{root}{step.Url}");
        request.Headers.TryAddWithoutValidation("Authorization", http.Request.Headers.Authorization.ToString());
        request.Headers.TryAddWithoutValidation(BatchHeader, step.Id);
        if (step.Body is not null)
        {
            var type = step.Headers.Str("Content-Type") ?? step.Headers.Str("content-type") ?? "application/json";
            var text = step.Body is JsonValue v && v.TryGetValue<string>(out var s) ? s : step.Body.ToJsonString();
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        }
        try
        {
            using var response = await Loopback.SendAsync(request, http.RequestAborted);
            var headers = new JsonObject();
            if (response.Headers.RetryAfter is { } retry) headers["Retry-After"] = retry.ToString();
            var content = await response.Content.ReadAsStringAsync(http.RequestAborted);
            JsonNode? body = null;
            if (content.Length > 0)
            {
                headers["Content-Type"] = response.Content.Headers.ContentType?.ToString() ?? "application/json";
                body = JsonNode.Parse(content);
            }
            return Answer(step.Id, (int)response.StatusCode, body, headers);
        }
        catch (HttpRequestException)
        {
            // The request's connection died inside Graph (a fault): Graph reports such a request as timed out.
            return Answer(step.Id, 504, ErrorBody("GatewayTimeout", "The request did not complete."));
        }
    }

    private static bool Succeeded(JsonObject answer) => answer["status"]!.GetValue<int>() is >= 200 and < 300;

    /// <summary>The mailbox a request acts on (<c>/users/{id}/…</c>), which Outlook's concurrency limit counts per.</summary>
    private static string? MailboxOf(string url)
    {
        var parts = url.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3 && parts[0].Equals("users", StringComparison.OrdinalIgnoreCase) ? parts[1].ToLowerInvariant() : null;
    }

    private static JsonObject Answer(string id, int status, JsonNode? body, JsonObject? headers = null, string? retryAfter = null)
    {
        headers ??= body is null ? [] : new JsonObject { ["Content-Type"] = "application/json" };
        if (retryAfter is not null) headers["Retry-After"] = retryAfter;
        var answer = new JsonObject { ["id"] = id, ["status"] = status, ["headers"] = headers };
        if (body is not null) answer["body"] = body;
        return answer;
    }

    private static JsonObject ErrorBody(string code, string message) => new()
    {
        ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
    };
}
