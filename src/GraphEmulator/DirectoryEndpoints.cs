using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace CollabAddin.GraphEmulator;

/// <summary>GET /users with <c>$filter=startswith(displayName,'x') or startswith(mail,'x')</c>: the directory search the organizer's picker uses.</summary>
internal static partial class DirectoryEndpoints
{
    public static IResult Search(HttpContext http, EmulatorState state)
    {
        const string op = "users_ListUser";
        string? filter = http.Request.Query["$filter"];
        var match = filter is null ? null : StartsWith().Match(filter);
        if (match is not { Success: true })
            return GraphReply.Error(400, "Request_UnsupportedQuery", "The emulator supports $filter=startswith(displayName,'…') or startswith(mail,'…').", op);
        var prefix = match.Groups["p"].Value.Replace("''", "'");
        var top = int.TryParse(http.Request.Query["$top"], out var t) ? Math.Clamp(t, 1, 999) : 100;
        var users = state.Directory.Values
            .Where(u => u.DisplayName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || u.Mail.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase).Take(top)
            .Select(u => (JsonNode)new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["displayName"] = u.DisplayName, ["mail"] = u.Mail, ["department"] = u.Department })
            .ToArray();
        return GraphReply.Ok(new JsonObject { ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users(displayName,mail,department)", ["value"] = new JsonArray(users) }, op);
    }

    [GeneratedRegex(@"^startswith\(displayName,'(?<p>(?:[^']|'')*)'\)( or startswith\(mail,'(?:[^']|'')*'\))?$", RegexOptions.IgnoreCase)]
    private static partial Regex StartsWith();
}
