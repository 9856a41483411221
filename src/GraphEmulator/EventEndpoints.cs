using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace CollabAddin.GraphEmulator;

/// <summary>/users/{id}/events: create (honouring transactionId), get, list with an extended-property filter, patch, delete, cancel.</summary>
internal static partial class EventEndpoints
{
    // Properties a client may set on create or patch; anything else Graph computes itself.
    private static readonly string[] Writable =
    [
        "subject", "body", "start", "end", "attendees", "location", "locations", "isOnlineMeeting", "onlineMeetingProvider",
        "allowNewTimeProposals", "importance", "sensitivity", "showAs", "isReminderOn", "reminderMinutesBeforeStart",
        "responseRequested", "hideAttendees", "categories", "isAllDay", "transactionId", "recurrence",
    ];

    public static async Task<IResult> Create(HttpContext http, EmulatorState state, string user)
    {
        const string op = "user_CreateEvent";
        var body = await GraphReply.ReadBodyAsync(http.Request);
        if (body is null)
            return GraphReply.Error(400, "BadRequest", "Empty Payload. JSON content expected.", op);
        if (Json.ToUtc(body.Get("start")) is not { } start || Json.ToUtc(body.Get("end")) is not { } end)
            return GraphReply.Error(400, "ErrorInvalidRequest", "Your request can't be completed. The start and end need a dateTime and a known timeZone.", op);
        if (end <= start)
            return GraphReply.Error(400, "ErrorInvalidRequest", "Your request can't be completed. The end time must be after the start time.", op);

        if (body.Get("recurrence") is JsonObject recurrence && Recurrences.Problem(recurrence, start, (body.Get("start") as JsonObject).Str("timeZone")) is { } wrong)
            return GraphReply.Error(400, "ErrorInvalidRequest", "Your request can't be completed. " + wrong, op);

        var transactionId = body.Str("transactionId");
        return state.WithMailbox(user, mailbox =>
        {
            // transactionId makes a retried POST return the event the first POST created, not a second one.
            if (transactionId is not null && mailbox.ByTransactionId.TryGetValue(transactionId, out var existingId))
                return GraphReply.Ok(Shape(mailbox.Events[existingId], expand: null), op, 201);

            var now = state.Clock.GetUtcNow();
            var id = "AAMkAGVtdWxhdG9y" + Base64Url(RandomNumberGenerator.GetBytes(24));
            var json = new JsonObject
            {
                ["id"] = id,
                ["createdDateTime"] = Json.Iso(now),
                ["lastModifiedDateTime"] = Json.Iso(now),
                ["changeKey"] = Base64Url(RandomNumberGenerator.GetBytes(12)),
                ["categories"] = new JsonArray(),
                ["transactionId"] = transactionId,
                ["originalStartTimeZone"] = (body.Get("start") as JsonObject).Str("timeZone"), // both present: checked above
                ["originalEndTimeZone"] = (body.Get("end") as JsonObject).Str("timeZone"),
                ["iCalUId"] = "040000008200E00074C5B7101A82E00800000000" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
                ["reminderMinutesBeforeStart"] = 15,
                ["isReminderOn"] = true,
                ["hasAttachments"] = false,
                ["importance"] = "normal",
                ["sensitivity"] = "normal",
                ["isAllDay"] = false,
                ["isCancelled"] = false,
                ["isOrganizer"] = true,
                ["responseRequested"] = true,
                ["seriesMasterId"] = null,
                ["showAs"] = "busy",
                ["type"] = "singleInstance",
                ["webLink"] = $"https://outlook.office365.com/owa/?itemid={Uri.EscapeDataString(id)}&exvsurl=1&path=/calendar/item",
                ["onlineMeetingUrl"] = null,
                ["isDraft"] = false,
                ["allowNewTimeProposals"] = true,
                ["hideAttendees"] = false,
                ["responseStatus"] = new JsonObject { ["response"] = "organizer", ["time"] = "0001-01-01T00:00:00Z" },
                ["location"] = new JsonObject { ["displayName"] = "", ["locationType"] = "default", ["uniqueIdType"] = "unknown" },
                ["locations"] = new JsonArray(),
                ["recurrence"] = null,
                ["organizer"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = user, ["address"] = user } },
                ["onlineMeetingProvider"] = "unknown",
                ["isOnlineMeeting"] = false,
                ["onlineMeeting"] = null,
            };
            var stored = new StoredEvent(json);
            Apply(stored, body);
            if (json["recurrence"] is JsonObject) json["type"] = "seriesMaster";
            mailbox.Events[id] = stored;
            if (transactionId is not null)
                mailbox.ByTransactionId[transactionId] = id;
            state.Notices.Enqueue(new MeetingNotice("invite", user, id, AttendeeAddresses(json), null, now));
            DeliverCopies(state, user, id, stored);
            return GraphReply.Ok(Shape(stored, expand: null), op, 201);
        });
    }

    public static IResult Get(HttpContext http, EmulatorState state, string user, string eventId) =>
        state.WithMailbox(user, mailbox => Resolve(mailbox, eventId, materialize: false) is { } e && !CancelledOccurrence(e)
            ? GraphReply.Ok(Shape(e, http.Request.Query["$expand"]), "user_GetEvent")
            : NotFound("user_GetEvent"));

    /// <summary>A cancelled occurrence is gone from the calendar (a cancelled single meeting stays, marked cancelled).</summary>
    private static bool CancelledOccurrence(StoredEvent e) =>
        e.Json["isCancelled"]?.GetValue<bool>() == true && e.Json["seriesMasterId"]?.GetValue<string>() is not null;

    /// <summary>GET …/events/{id}/instances?startDateTime&amp;endDateTime: a master's occurrences and exceptions in the window, not the cancelled ones.</summary>
    public static IResult Instances(HttpContext http, EmulatorState state, string user, string eventId)
    {
        const string op = "user_ListInstances";
        if (!DateTimeOffset.TryParse(http.Request.Query["startDateTime"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var from)
            || !DateTimeOffset.TryParse(http.Request.Query["endDateTime"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var to))
            return GraphReply.Error(400, "ErrorInvalidParameter", "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.", op);
        return state.WithMailbox(user, mailbox =>
        {
            if (!mailbox.Events.TryGetValue(eventId, out var master)) return NotFound(op);
            var items = master.Json["recurrence"] is JsonObject recurrence
                ? Recurrences.Dates(recurrence).Select(d => Resolve(mailbox, Recurrences.OccurrenceId(eventId, d), materialize: false)!)
                    .Where(e => e.Json["isCancelled"]?.GetValue<bool>() != true)
                    .Where(e => Json.ToUtc(e.Json["start"]) is { } at && at >= from.UtcDateTime && at < to.UtcDateTime)
                    .Select(e => (JsonNode)Shape(e, null)).ToArray()
                : [];
            return GraphReply.Ok(new JsonObject
            {
                ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#users('{user}')/events('{eventId}')/instances",
                ["value"] = new JsonArray(items),
            }, op);
        });
    }

    /// <summary>
    /// A stored event, or an occurrence computed from its master. <paramref name="materialize"/> stores the occurrence
    /// (it is about to become an exception or be cancelled). Call while holding the state's gate.
    /// </summary>
    private static StoredEvent? Resolve(Mailbox mailbox, string id, bool materialize)
    {
        if (mailbox.Events.TryGetValue(id, out var stored)) return stored;
        if (Recurrences.ParseId(id) is not { } parts || !mailbox.Events.TryGetValue(parts.MasterId, out var master)
            || master.Json["recurrence"] is not JsonObject recurrence || master.Json["isCancelled"]?.GetValue<bool>() == true
            || !Recurrences.Dates(recurrence).Contains(parts.Date))
            return null;
        var occurrence = new StoredEvent(Recurrences.Occurrence(master, parts.Date));
        foreach (var p in master.ExtendedProperties) occurrence.ExtendedProperties[p.Key] = p.Value;
        if (materialize) mailbox.Events[id] = occurrence;
        return occurrence;
    }

    public static IResult List(HttpContext http, EmulatorState state, string user)
    {
        const string op = "user_ListEvent";
        string? filter = http.Request.Query["$filter"];
        Func<StoredEvent, bool> keep = _ => true;
        if (!string.IsNullOrEmpty(filter))
        {
            var match = ExtendedPropertyFilter().Match(filter);
            if (!match.Success)
                return GraphReply.Error(400, "ErrorInvalidUrlQueryFilter", "The emulator supports only singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…').", op);
            var (propertyId, value) = (match.Groups["id"].Value, match.Groups["value"].Value.Replace("''", "'"));
            keep = e => e.ExtendedProperties.TryGetValue(propertyId, out var v) && v == value;
        }
        return state.WithMailbox(user, mailbox =>
        {
            // Like Graph's /events: single instances and series masters; occurrences and exceptions only through /instances.
            var items = new JsonArray(mailbox.Events.Values.Where(e => e.Json["type"]?.GetValue<string>() is not ("occurrence" or "exception")).Where(keep).Select(e => (JsonNode)Shape(e, http.Request.Query["$expand"])).ToArray());
            return GraphReply.Ok(new JsonObject
            {
                ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#users('{user}')/events",
                ["value"] = items,
            }, op);
        });
    }

    public static async Task<IResult> Update(HttpContext http, EmulatorState state, string user, string eventId)
    {
        const string op = "user_UpdateEvent";
        var body = await GraphReply.ReadBodyAsync(http.Request);
        if (body is null)
            return GraphReply.Error(400, "BadRequest", "Empty Payload. JSON content expected.", op);
        return state.WithMailbox(user, mailbox =>
        {
            if (Resolve(mailbox, eventId, materialize: false) is not { } e)
                return NotFound(op);
            if (e.Json["isCancelled"]?.GetValue<bool>() == true)
                return GraphReply.Error(400, "ErrorInvalidRequest", "Your request can't be completed. You can't update a meeting that has been cancelled.", op);
            if (e.Json["type"]?.GetValue<string>() == "occurrence")
            {
                // Changing one occurrence makes it an exception of its series; it keeps its id and original start.
                e = Resolve(mailbox, eventId, materialize: true)!;
                e.Json["type"] = "exception";
                body.Remove("recurrence");
            }
            var repatterned = e.Json["type"]?.GetValue<string>() == "seriesMaster"
                && (body.Get("recurrence") is { } r && r.ToJsonString() != e.Json["recurrence"]?.ToJsonString() || body.Get("start") is not null && Json.ToUtc(body.Get("start")) != Json.ToUtc(e.Json["start"]));
            Apply(e, body);
            if (repatterned)
            {
                // As Exchange does when a series' pattern or time changes: its exceptions and cancelled occurrences are discarded.
                foreach (var id in mailbox.Events.Keys.Where(k => Recurrences.ParseId(k)?.MasterId == eventId).ToList())
                    mailbox.Events.Remove(id);
            }
            var now = state.Clock.GetUtcNow();
            e.Json["lastModifiedDateTime"] = Json.Iso(now);
            e.Json["changeKey"] = Base64Url(RandomNumberGenerator.GetBytes(12));
            state.Notices.Enqueue(new MeetingNotice("update", user, eventId, AttendeeAddresses(e.Json), null, now));
            DeliverCopies(state, user, eventId, e);
            return GraphReply.Ok(Shape(e, expand: null), op);
        });
    }

    public static IResult Delete(EmulatorState state, string user, string eventId) =>
        state.WithMailbox(user, mailbox => mailbox.Events.Remove(eventId)
            ? GraphReply.Empty(204, "user_DeleteEvent")
            : NotFound("user_DeleteEvent"));

    public static async Task<IResult> Cancel(HttpContext http, EmulatorState state, string user, string eventId)
    {
        const string op = "user.event_cancel";
        var body = await GraphReply.ReadBodyAsync(http.Request);
        return state.WithMailbox(user, mailbox =>
        {
            if (Resolve(mailbox, eventId, materialize: true) is not { } e)
                return NotFound(op);
            if (e.Json["isCancelled"]?.GetValue<bool>() == true)
                return GraphReply.Error(400, "ErrorItemNotFound", "The meeting has already been cancelled.", op);
            e.Json["isCancelled"] = true;
            e.Json["lastModifiedDateTime"] = Json.Iso(state.Clock.GetUtcNow());
            DeliverCopies(state, user, eventId, e);
            state.Notices.Enqueue(new MeetingNotice("cancel", user, eventId, AttendeeAddresses(e.Json), body.Str("comment"), state.Clock.GetUtcNow()));
            return GraphReply.Empty(202, op);
        });
    }

    /// <summary>
    /// What Exchange does with an invite: each attendee's calendar gets its own copy, with its own id and the same
    /// iCalUId; updates and cancellations reach the copies too. Call while holding the state's gate.
    /// </summary>
    private static void DeliverCopies(EmulatorState state, string organizer, string eventId, StoredEvent master)
    {
        var copies = state.Copies.GetOrAdd(eventId, _ => []);
        foreach (var address in AttendeeAddresses(master.Json))
        {
            var mailbox = state.MailboxOf(address);
            var existing = copies.FirstOrDefault(c => string.Equals(c.Mailbox, address, StringComparison.OrdinalIgnoreCase));
            var copyId = existing.EventId ?? "AAMkAGNvcHk" + Base64Url(RandomNumberGenerator.GetBytes(24));
            var json = (JsonObject)master.Json.DeepClone();
            json["id"] = copyId;
            json["isOrganizer"] = false;
            json["transactionId"] = null;
            json["responseStatus"] = new JsonObject { ["response"] = "notResponded", ["time"] = "0001-01-01T00:00:00Z" };
            json["webLink"] = $"https://outlook.office365.com/owa/?itemid={Uri.EscapeDataString(copyId)}&exvsurl=1&path=/calendar/item";
            json["organizer"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = organizer, ["address"] = organizer } };
            mailbox.Events[copyId] = new StoredEvent(json);
            if (existing.EventId is null) copies.Add((address, copyId));
        }
    }

    private static void Apply(StoredEvent e, JsonObject body)
    {
        foreach (var name in Writable)
            if (body.Get(name) is { } value)
                e.Json[name] = value.DeepClone();
        if (body.Get("start") is { } s && Json.ToUtc(s) is { } start) e.Json["start"] = Json.DateTimeTimeZone(start);
        if (body.Get("end") is { } en && Json.ToUtc(en) is { } end) e.Json["end"] = Json.DateTimeTimeZone(end);
        if (e.Json["attendees"] is JsonArray attendees)
            foreach (var a in attendees.OfType<JsonObject>())
                a["status"] ??= new JsonObject { ["response"] = "none", ["time"] = "0001-01-01T00:00:00Z" };
        if (body.Get("body") is JsonObject itemBody)
            e.Json["bodyPreview"] = Preview(itemBody.Str("content") ?? "");
        var online = e.Json["isOnlineMeeting"]?.GetValue<bool>() == true;
        if (online && e.Json["onlineMeeting"] is null)
        {
            e.Json["onlineMeeting"] = new JsonObject
            {
                ["joinUrl"] = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_" + Base64Url(RandomNumberGenerator.GetBytes(18)) + "%40thread.v2/0",
                ["conferenceId"] = RandomNumberGenerator.GetInt32(100000000, 999999999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["tollNumber"] = null,
                ["phones"] = new JsonArray(),
                ["quickDial"] = null,
                ["tollFreeNumbers"] = new JsonArray(),
            };
            e.Json["onlineMeetingProvider"] = "teamsForBusiness";
        }
        if (body.Get("singleValueExtendedProperties") is JsonArray properties)
            foreach (var p in properties.OfType<JsonObject>())
                if (p.Str("id") is { } id)
                    e.ExtendedProperties[id] = p.Str("value");
    }

    /// <summary>The event as Graph returns it: extended properties only when $expand asks for them.</summary>
    private static JsonObject Shape(StoredEvent e, string? expand)
    {
        var json = (JsonObject)e.Json.DeepClone();
        json["@odata.etag"] = $"W/\"{e.Json["changeKey"]}\"";
        json.Remove("singleValueExtendedProperties");
        if (expand?.Contains("singleValueExtendedProperties", StringComparison.OrdinalIgnoreCase) == true)
        {
            var only = Regex.Match(expand, @"id eq '(?<id>[^']+)'");
            json["singleValueExtendedProperties"] = new JsonArray(e.ExtendedProperties
                .Where(p => !only.Success || string.Equals(p.Key, only.Groups["id"].Value, StringComparison.OrdinalIgnoreCase))
                .Select(p => (JsonNode)new JsonObject { ["id"] = p.Key, ["value"] = p.Value }).ToArray());
        }
        return json;
    }

    private static List<string> AttendeeAddresses(JsonObject e) =>
        (e["attendees"] as JsonArray)?.OfType<JsonObject>().Select(a => (a["emailAddress"] as JsonObject).Str("address")).OfType<string>().ToList() ?? [];

    private static string Preview(string html)
    {
        var text = Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), @"\s+", " ").Trim();
        return System.Net.WebUtility.HtmlDecode(text.Length > 255 ? text[..255] : text);
    }

    private static GraphReply NotFound(string op) =>
        GraphReply.Error(404, "ErrorItemNotFound", "The specified object was not found in the store.", op);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex(@"^singleValueExtendedProperties/Any\(ep:\s*ep/id eq '(?<id>[^']+)' and ep/value eq '(?<value>(?:[^']|'')*)'\)$", RegexOptions.IgnoreCase)]
    private static partial Regex ExtendedPropertyFilter();
}
