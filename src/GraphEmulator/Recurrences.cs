using System.Globalization;
using System.Text.Json.Nodes;

namespace CollabAddin.GraphEmulator;

/// <summary>
/// Graph's recurring events as the emulator plays them: a series master carries a patternedRecurrence; its occurrences
/// are computed from it (never stored) until one is changed (an exception) or cancelled, which is then stored under
/// the occurrence's id. An occurrence id is the master's id plus the occurrence's original date, so it is stable
/// while the pattern keeps that date, and the attendees' copies of the master expand to their own occurrence ids.
/// Written apart from the product's own expansion (period by period here, day by day there) so each checks the other.
/// </summary>
internal static class Recurrences
{
    private const string Separator = "_OCC";
    public const string PatternTypes = "daily weekly absoluteMonthly relativeMonthly absoluteYearly relativeYearly";

    /// <summary>Graph's refusal of a malformed recurrence, or null when it is well formed for the given start.</summary>
    public static string? Problem(JsonObject recurrence, DateTime startUtc, string? zoneId)
    {
        var pattern = recurrence.Get("pattern") as JsonObject;
        var range = recurrence.Get("range") as JsonObject;
        if (pattern is null || range is null) return "Recurrence needs a pattern and a range.";
        var type = pattern.Str("type");
        if (type is not ("weekly" or "absoluteMonthly" or "relativeMonthly"))
            return type is null || !PatternTypes.Split(' ').Contains(type) ? "Recurrence pattern type is invalid." : $"The emulator does not play '{type}' recurrences.";
        if (Int(pattern, "interval") is not > 0) return "Recurrence pattern interval must be positive.";
        if (type != "absoluteMonthly" && Days(pattern).Count == 0) return "daysOfWeek is required for this pattern type.";
        if (type == "absoluteMonthly" && Int(pattern, "dayOfMonth") is not (>= 1 and <= 31)) return "dayOfMonth is required for absoluteMonthly.";
        if (!DateOnly.TryParseExact(range.Str("startDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var startDate))
            return "Recurrence range startDate is required.";
        if (startDate != DateOnly.FromDateTime(Local(startUtc, Zone(recurrence, zoneId))))
            return "The recurrence startDate must be the same as the event's start date.";
        switch (range.Str("type"))
        {
            case "endDate" when !DateOnly.TryParseExact(range.Str("endDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                return "Recurrence range endDate is required for type endDate.";
            case "numbered" when Int(range, "numberOfOccurrences") is not > 0:
                return "numberOfOccurrences must be positive for type numbered.";
            case "endDate" or "numbered" or "noEnd": return null;
            default: return "Recurrence range type is invalid.";
        }
    }

    /// <summary>The original dates of a master's occurrences, in the recurrence's zone (noEnd stops after two years).</summary>
    public static List<DateOnly> Dates(JsonObject recurrence)
    {
        var pattern = (JsonObject)recurrence.Get("pattern")!;
        var range = (JsonObject)recurrence.Get("range")!;
        var start = DateOnly.ParseExact(range.Str("startDate")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = range.Str("type") == "endDate" ? DateOnly.ParseExact(range.Str("endDate")!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : start.AddYears(2);
        var count = range.Str("type") == "numbered" ? Int(range, "numberOfOccurrences")!.Value : int.MaxValue;
        var interval = Int(pattern, "interval")!.Value;
        var dates = new List<DateOnly>();
        void Add(DateOnly d) { if (d >= start && d <= end && dates.Count < count) dates.Add(d); }

        switch (pattern.Str("type"))
        {
            case "weekly":
                var first = DayOf(pattern.Str("firstDayOfWeek") ?? "sunday");
                var days = Days(pattern);
                var weekStart = start.AddDays(-(((int)start.DayOfWeek - (int)first + 7) % 7));
                for (var week = weekStart; week <= end && dates.Count < count; week = week.AddDays(7 * interval))
                    for (var i = 0; i < 7; i++)
                        if (days.Contains(week.AddDays(i).DayOfWeek)) Add(week.AddDays(i));
                break;
            case "absoluteMonthly":
                var day = Int(pattern, "dayOfMonth")!.Value;
                for (var month = new DateOnly(start.Year, start.Month, 1); month <= end && dates.Count < count; month = month.AddMonths(interval))
                    Add(month.AddDays(Math.Min(day, DateTime.DaysInMonth(month.Year, month.Month)) - 1));
                break;
            default: // relativeMonthly: the index-th given weekday of the month (the first of several days that matches)
                var weekday = Days(pattern)[0];
                var index = pattern.Str("index") ?? "first";
                for (var month = new DateOnly(start.Year, start.Month, 1); month <= end && dates.Count < count; month = month.AddMonths(interval))
                {
                    var firstOne = month.AddDays(((int)weekday - (int)month.DayOfWeek + 7) % 7);
                    var candidate = index switch
                    {
                        "second" => firstOne.AddDays(7),
                        "third" => firstOne.AddDays(14),
                        "fourth" => firstOne.AddDays(21),
                        "last" => firstOne.AddDays(firstOne.AddDays(28).Month == month.Month ? 28 : 21),
                        _ => firstOne,
                    };
                    Add(candidate);
                }
                break;
        }
        return dates;
    }

    public static string OccurrenceId(string masterId, DateOnly date) => $"{masterId}{Separator}{date:yyyyMMdd}";

    public static (string MasterId, DateOnly Date)? ParseId(string id)
    {
        var at = id.LastIndexOf(Separator, StringComparison.Ordinal);
        return at > 0 && DateOnly.TryParseExact(id[(at + Separator.Length)..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (id[..at], date)
            : null;
    }

    /// <summary>The occurrence of a master on a date as Graph shows it: the master's fields, its own id, iCalUId and times.</summary>
    public static JsonObject Occurrence(StoredEvent master, DateOnly date)
    {
        var json = (JsonObject)master.Json.DeepClone();
        var masterId = master.Json["id"]!.GetValue<string>();
        var recurrence = (JsonObject)master.Json["recurrence"]!;
        var zone = Zone(recurrence, master.Json["originalStartTimeZone"]?.GetValue<string>());
        var masterStart = Json.ToUtc(master.Json["start"])!.Value;
        var length = Json.ToUtc(master.Json["end"])!.Value - masterStart;
        var startUtc = TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.FromDateTime(Local(masterStart, zone))), zone);
        json["id"] = OccurrenceId(masterId, date);
        json["type"] = "occurrence";
        json["seriesMasterId"] = masterId;
        json["recurrence"] = null;
        json["transactionId"] = null;
        json["originalStart"] = Json.Iso(startUtc);
        json["start"] = Json.DateTimeTimeZone(startUtc);
        json["end"] = Json.DateTimeTimeZone(startUtc + length);
        // Exchange's global object id carries the instance date in bytes 16–19 (zero in the master's): YYYY MM DD.
        var ical = master.Json["iCalUId"]!.GetValue<string>();
        json["iCalUId"] = ical[..32] + date.Year.ToString("X4", CultureInfo.InvariantCulture) + date.Month.ToString("X2", CultureInfo.InvariantCulture)
                          + date.Day.ToString("X2", CultureInfo.InvariantCulture) + ical[40..];
        json["webLink"] = $"https://outlook.office365.com/owa/?itemid={Uri.EscapeDataString(json["id"]!.GetValue<string>())}&exvsurl=1&path=/calendar/item";
        return json;
    }

    private static TimeZoneInfo Zone(JsonObject recurrence, string? eventZone)
    {
        var id = (recurrence.Get("range") as JsonObject).Str("recurrenceTimeZone") ?? eventZone ?? "UTC";
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(utc, zone);

    private static List<DayOfWeek> Days(JsonObject pattern) =>
        (pattern.Get("daysOfWeek") as JsonArray)?.Select(d => d?.GetValue<string>()).OfType<string>().Select(DayOf).ToList() ?? [];

    private static DayOfWeek DayOf(string name) => Enum.Parse<DayOfWeek>(name, ignoreCase: true);

    private static int? Int(JsonObject? o, string name) => o.Get(name) is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;
}
