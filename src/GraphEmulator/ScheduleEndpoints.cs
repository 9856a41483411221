using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace CollabAddin.GraphEmulator;

/// <summary>getSchedule (free/busy) and findMeetingTimes, computed from the emulated calendars.</summary>
internal static class ScheduleEndpoints
{
    public static async Task<IResult> GetSchedule(HttpContext http, EmulatorState state)
    {
        const string op = "user.calendar_getSchedule";
        var body = await GraphReply.ReadBodyAsync(http.Request);
        var schedules = (body.Get("schedules") as JsonArray)?.Select(n => n?.GetValue<string>()).OfType<string>().ToList();
        if (schedules is not { Count: > 0 } || Json.ToUtc(body.Get("startTime")) is not { } start || Json.ToUtc(body.Get("endTime")) is not { } end || end <= start)
            return GraphReply.Error(400, "ErrorInvalidParameter", "Schedules, StartTime and EndTime are required, and EndTime must be after StartTime.", op);
        var interval = (int?)body.Get("availabilityViewInterval")?.GetValue<double>() ?? 30;
        if (interval is < 5 or > 1440)
            return GraphReply.Error(400, "ErrorInvalidParameter", "AvailabilityViewInterval must be between 5 and 1440 minutes.", op);

        var value = new JsonArray();
        foreach (var schedule in schedules)
        {
            var blocks = BusyBlocks(state, schedule).Where(b => b.StartUtc < end && b.EndUtc > start).OrderBy(b => b.StartUtc).ToList();
            var view = new StringBuilder();
            for (var slot = start; slot < end; slot = slot.AddMinutes(interval))
            {
                var slotEnd = slot.AddMinutes(interval);
                view.Append(blocks.Where(b => b.StartUtc < slotEnd && b.EndUtc > slot).Select(b => Code(b.Status)).DefaultIfEmpty('0').Max());
            }
            value.Add(new JsonObject
            {
                ["scheduleId"] = schedule,
                ["availabilityView"] = view.ToString(),
                ["scheduleItems"] = new JsonArray(blocks.Select(b => (JsonNode)new JsonObject
                {
                    ["isPrivate"] = false, ["status"] = b.Status, ["subject"] = "Busy", ["location"] = "",
                    ["start"] = Json.DateTimeTimeZone(b.StartUtc), ["end"] = Json.DateTimeTimeZone(b.EndUtc),
                }).ToArray()),
                ["workingHours"] = new JsonObject
                {
                    ["daysOfWeek"] = new JsonArray("monday", "tuesday", "wednesday", "thursday", "friday"),
                    ["startTime"] = "08:00:00.0000000",
                    ["endTime"] = "17:00:00.0000000",
                    ["timeZone"] = new JsonObject { ["name"] = "UTC" },
                },
            });
        }
        return GraphReply.Ok(new JsonObject { ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)", ["value"] = value }, op);
    }

    public static async Task<IResult> FindMeetingTimes(HttpContext http, EmulatorState state, string user)
    {
        const string op = "user_findMeetingTime";
        if (!state.FindMeetingTimesAvailable)
            return GraphReply.Error(400, "BadRequest", "Resource not found for the segment 'findMeetingTimes'.", op);
        var body = await GraphReply.ReadBodyAsync(http.Request);
        var attendees = (body.Get("attendees") as JsonArray)?.OfType<JsonObject>()
            .Select(a => (Address: (a.Get("emailAddress") as JsonObject).Str("address"), Type: a.Str("type") ?? "required"))
            .Where(a => a.Address is not null).ToList() ?? [];
        TimeSpan duration;
        try { duration = XmlConvert.ToTimeSpan(body.Str("meetingDuration") ?? "PT30M"); }
        catch (FormatException) { return GraphReply.Error(400, "ErrorInvalidParameter", "meetingDuration is not an ISO 8601 duration.", op); }
        var windows = ((body.Get("timeConstraint") as JsonObject).Get("timeSlots") as JsonArray)?.OfType<JsonObject>()
            .Select(s => (Start: Json.ToUtc(s.Get("start")), End: Json.ToUtc(s.Get("end")))).ToList() ?? [];
        if (windows.Count == 0 || windows.Any(w => w.Start is null || w.End is null))
            return GraphReply.Error(400, "ErrorInvalidParameter", "timeConstraint.timeSlots needs at least one slot with a start and an end.", op);
        var minimumPercent = body.Get("minimumAttendeePercentage")?.GetValue<double>() ?? 50;
        var max = (int?)body.Get("maxCandidates")?.GetValue<double>() ?? 10;

        var busy = attendees.Select(a => a.Address!).Append(user).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(a => a, a => BusyBlocks(state, a), StringComparer.OrdinalIgnoreCase);
        string Availability(string who, DateTime s, DateTime e) =>
            busy[who].Where(b => b.StartUtc < e && b.EndUtc > s).Select(b => b.Status).OrderByDescending(Code).FirstOrDefault() ?? "free";

        var candidates = new List<(DateTime Start, double Confidence, string Organizer, List<(string, string, string)> People)>();
        foreach (var (windowStart, windowEnd) in windows)
            for (var s = windowStart!.Value; s + duration <= windowEnd!.Value; s = s.AddMinutes(30))
            {
                if (s.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || s.TimeOfDay < TimeSpan.FromHours(8) || (s + duration).TimeOfDay > TimeSpan.FromHours(17) || (s + duration).Date != s.Date)
                    continue; // outside the emulated working hours (08:00–17:00 UTC, Monday to Friday)
                var people = attendees.Select(a => (a.Address!, a.Type, Availability(a.Address!, s, s + duration))).ToList();
                var confidence = people.Count == 0 ? 100 : 100.0 * people.Count(p => p.Item3 == "free") / people.Count;
                if (confidence >= minimumPercent)
                    candidates.Add((s, confidence, Availability(user, s, s + duration), people));
            }
        var chosen = candidates.OrderByDescending(c => c.Confidence).ThenBy(c => c.Start).Take(max).ToList();
        return GraphReply.Ok(new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.meetingTimeSuggestionsResult",
            ["emptySuggestionsReason"] = chosen.Count == 0 ? "attendeesUnavailable" : "",
            ["meetingTimeSuggestions"] = new JsonArray(chosen.Select((c, i) => (JsonNode)new JsonObject
            {
                ["confidence"] = c.Confidence,
                ["order"] = i + 1,
                ["organizerAvailability"] = c.Organizer,
                ["suggestionReason"] = c.Confidence == 100 ? "Suggested because it is one of the nearest times when all attendees are available." : "Suggested because most attendees are available.",
                ["meetingTimeSlot"] = new JsonObject { ["start"] = Json.DateTimeTimeZone(c.Start), ["end"] = Json.DateTimeTimeZone(c.Start + duration) },
                ["attendeeAvailability"] = new JsonArray(c.People.Select(p => (JsonNode)new JsonObject
                {
                    ["attendee"] = new JsonObject { ["type"] = p.Item2, ["emailAddress"] = new JsonObject { ["address"] = p.Item1 } },
                    ["availability"] = p.Item3,
                }).ToArray()),
                ["locations"] = new JsonArray(),
            }).ToArray()),
        }, op);
    }

    /// <summary>A person is busy in the meetings they organize or attend (not cancelled), and in any extra busy time.</summary>
    internal static List<BusyBlock> BusyBlocks(EmulatorState state, string who)
    {
        var blocks = state.AllEvents()
            .Where(x => x.Event["isCancelled"]?.GetValue<bool>() != true && x.Event["isOrganizer"]?.GetValue<bool>() != false) // copies mirror the organizer's event
            .Where(x => string.Equals(x.Mailbox, who, StringComparison.OrdinalIgnoreCase)
                || (x.Event["attendees"] as JsonArray)?.OfType<JsonObject>().Any(a =>
                    string.Equals((a["emailAddress"] as JsonObject).Str("address"), who, StringComparison.OrdinalIgnoreCase)) == true)
            .Select(x => new BusyBlock(Json.ToUtc(x.Event["start"])!.Value, Json.ToUtc(x.Event["end"])!.Value, x.Event["showAs"]?.GetValue<string>() ?? "busy"))
            .Where(b => b.Status != "free")
            .ToList();
        if (state.ExtraBusy.TryGetValue(who, out var extra))
            lock (extra) blocks.AddRange(extra);
        return blocks;
    }

    private static char Code(string status) => status switch
    {
        "tentative" => '1',
        "busy" => '2',
        "oof" => '3',
        "workingElsewhere" => '4',
        _ => '0',
    };
}
