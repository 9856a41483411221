using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CollabAddin.GraphEmulator;

/// <summary>sendMail (kept, not delivered) and the manager chain.</summary>
internal static class MailEndpoints
{
    public static async Task<IResult> SendMail(HttpContext http, EmulatorState state, string user)
    {
        const string op = "user_sendMail";
        var message = (await GraphReply.ReadBodyAsync(http.Request)).Get("message") as JsonObject;
        if (message is null)
            return GraphReply.Error(400, "ErrorInvalidRequest", "The message parameter is required.", op);
        static List<string> Addresses(JsonNode? list) => (list as JsonArray)?.OfType<JsonObject>()
            .Select(r => (r.Get("emailAddress") as JsonObject).Str("address")).OfType<string>().ToList() ?? [];
        var to = Addresses(message.Get("toRecipients"));
        var cc = Addresses(message.Get("ccRecipients"));
        if (to.Count + cc.Count == 0)
            return GraphReply.Error(400, "ErrorInvalidRecipients", "At least one recipient is required, but none were found.", op);
        var attachments = new List<SentAttachment>();
        foreach (var a in (message.Get("attachments") as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            try
            {
                attachments.Add(new SentAttachment(a.Str("name") ?? "", a.Str("contentType") ?? "application/octet-stream", Convert.FromBase64String(a.Str("contentBytes") ?? "")));
            }
            catch (FormatException)
            {
                return GraphReply.Error(400, "ErrorInvalidRequest", "An attachment's contentBytes is not base64.", op);
            }
        }
        var body = message.Get("body") as JsonObject;
        state.SentMail.Enqueue(new SentMail(user, to, cc, message.Str("subject") ?? "", body.Str("contentType") ?? "text", body.Str("content") ?? "", attachments, state.Clock.GetUtcNow()));
        return GraphReply.Empty(202, op);
    }

    public static IResult Manager(EmulatorState state, string user) =>
        state.Managers.TryGetValue(user, out var manager)
            ? GraphReply.Ok(new JsonObject
            {
                ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#directoryObjects/$entity",
                ["@odata.type"] = "#microsoft.graph.user",
                ["id"] = manager.Id,
                ["displayName"] = manager.DisplayName,
                ["mail"] = manager.Mail,
                ["userPrincipalName"] = manager.Mail,
            }, "user_GetManager")
            : GraphReply.Error(404, "Request_ResourceNotFound",
                "Resource 'manager' does not exist or one of its queried reference-property objects are not present.", "user_GetManager");
}
