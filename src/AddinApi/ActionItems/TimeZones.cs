namespace CollabAddin.Api.ActionItems;

public static class TimeZones
{
    /// <summary>True for any id the runtime knows, IANA ("Asia/Shanghai") or Windows ("China Standard Time").</summary>
    public static bool IsKnown(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>The calendar date in the given zone; an unknown zone falls back to UTC rather than failing a read.</summary>
    public static DateOnly TodayIn(string timeZoneId, DateTime utcNow)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone));
    }
}
