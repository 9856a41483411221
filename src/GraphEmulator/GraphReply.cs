using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CollabAddin.GraphEmulator;

/// <summary>Writes a Graph-shaped answer and records it, so tests can count calls and check shapes.</summary>
internal sealed class GraphReply(int status, JsonNode? body, string operation, string? retryAfter = null) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var state = context.RequestServices.GetService(typeof(EmulatorState)) as EmulatorState
            ?? throw new InvalidOperationException("EmulatorState is not registered.");
        var text = body?.ToJsonString();
        state.Exchanges.Enqueue(new ExchangeRecord(context.Request.Method, context.Request.Path, operation, status, text, context.Items["fault"] as string,
            EmulatorEndpoints.InBatch(context)));
        context.Response.StatusCode = status;
        context.Response.Headers["request-id"] = Guid.NewGuid().ToString();
        if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter;
        if (text is null) return;
        context.Response.ContentType = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";
        await context.Response.WriteAsync(text);
    }

    public static GraphReply Ok(JsonNode body, string operation, int status = 200) => new(status, body, operation);
    public static GraphReply Empty(int status, string operation) => new(status, null, operation);

    /// <summary>Graph's error body: <c>{"error":{"code","message","innerError":{date, request-id, client-request-id}}}</c>.</summary>
    public static GraphReply Error(int status, string code, string message, string operation, int? retryAfterSeconds = null) =>
        new(status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                    ["request-id"] = Guid.NewGuid().ToString(),
                    ["client-request-id"] = Guid.NewGuid().ToString(),
                },
            },
        }, operation, retryAfterSeconds?.ToString(CultureInfo.InvariantCulture));

    public static async Task<JsonObject?> ReadBodyAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

internal static class Json
{
    /// <summary>Action parameters arrive camelCase from the SDK and PascalCase in Microsoft's description: Graph takes both.</summary>
    public static JsonNode? Get(this JsonObject? obj, string name) =>
        obj?.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static string? Str(this JsonObject? obj, string name) => obj.Get(name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string GraphDateTime(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    public static JsonObject DateTimeTimeZone(DateTime utc) => new() { ["dateTime"] = GraphDateTime(utc), ["timeZone"] = "UTC" };

    /// <summary>Reads Graph's dateTimeTimeZone (local time plus an IANA or Windows zone) as UTC.</summary>
    public static DateTime? ToUtc(JsonNode? node)
    {
        if (node is not JsonObject o || o.Str("dateTime") is not { } text
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return null;
        var zoneId = o.Str("timeZone") ?? "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
            return null;
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
    }
}
