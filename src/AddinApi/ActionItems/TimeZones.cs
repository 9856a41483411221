namespace CollabAddin.Api.ActionItems;

public static class TimeZones
{
    /// <summary>True for any id the runtime knows, IANA ("Asia/Shanghai") or Windows ("China Standard Time").</summary>
    public static bool IsKnown(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>
    /// The one rule for a stored zone id: the zone it names, or UTC when the runtime does not know it (a zone stored
    /// by another platform, say) — a read or a mail must never fail over it. Input is checked with <see cref="IsKnown"/>.
    /// </summary>
    public static TimeZoneInfo OrUtc(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;

    /// <summary>An instant as local time in the given zone (UTC if unknown).</summary>
    public static DateTime Local(DateTime utc, string? zoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), OrUtc(zoneId));

    /// <summary>The calendar date in the given zone (UTC if unknown).</summary>
    public static DateOnly TodayIn(string timeZoneId, DateTime utcNow) => DateOnly.FromDateTime(Local(utcNow, timeZoneId));
}
