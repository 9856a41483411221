using System.Globalization;
using CollabAddin.Api.ActionItems;

namespace CollabAddin.Api.Series;

/// <summary>
/// What the organizer's pane sends for a series. Anything left out is taken from the first meeting's date, as Outlook
/// does: weekly on its weekday, monthly on its date, or monthly on its weekday in the same week of the month.
/// </summary>
/// <param name="Pattern">weekly, absoluteMonthly or relativeMonthly (Graph's names).</param>
/// <param name="Interval">Every N weeks or months (1 to 12).</param>
/// <param name="DaysOfWeek">Weekly only: the days, as Graph names them (monday…sunday).</param>
/// <param name="Index">Relative monthly only: first, second, third, fourth or last.</param>
/// <param name="EndDate">The last date a meeting may fall on (yyyy-MM-dd); or give <paramref name="Count"/>.</param>
public sealed record PlannedRecurrence(string? Pattern, int? Interval, List<string>? DaysOfWeek, int? DayOfMonth, string? Index, string? EndDate, int? Count);

/// <summary>Reads, checks and expands a recurrence. Pure; the one home of which dates a series has.</summary>
public static class RecurrenceRules
{
    /// <summary>More than two years of weekly meetings is a mistake, not a plan; Outlook itself caps far higher, we do not need to.</summary>
    public const int MaxOccurrences = 100;
    public const int MaxYears = 2;
    /// <summary>Weeks counted from Monday, as people count them in Shanghai and Munich; sent to Graph as firstDayOfWeek.</summary>
    public const DayOfWeek FirstDayOfWeek = DayOfWeek.Monday;

    /// <summary>The recurrence the plan asks for, with its defaults filled from the first date; errors go to <paramref name="error"/>.</summary>
    public static Recurrence? Read(PlannedRecurrence plan, DateOnly first, Action<string, string, object[]> error)
    {
        var errors = 0;
        void Fail(string field, string code, params object[] args) { errors++; error($"recurrence.{field}", code, args); }

        var r = new Recurrence { Interval = plan.Interval ?? 1 };
        var named = Enum.GetValues<RecurrenceKind>().Where(k => Wire(k) == plan.Pattern).ToList();
        if (named.Count == 0)
        {
            Fail("pattern", "recurrence.pattern", plan.Pattern ?? "");
            return null;
        }
        r.Kind = named[0];
        if (r.Interval is < 1 or > 12) Fail("interval", "recurrence.interval");

        var days = new List<DayOfWeek>();
        foreach (var name in plan.DaysOfWeek ?? [])
            if (Enum.TryParse<DayOfWeek>(name, ignoreCase: true, out var day) && !int.TryParse(name, out _)) days.Add(day);
            else Fail("daysOfWeek", "recurrence.day", name);
        switch (r.Kind)
        {
            case RecurrenceKind.Weekly:
                if (days.Count == 0) days.Add(first.DayOfWeek);
                else if (!days.Contains(first.DayOfWeek)) Fail("daysOfWeek", "recurrence.firstOffPattern");
                r.DaysOfWeek = Names(days.Distinct().Order());
                break;
            case RecurrenceKind.AbsoluteMonthly:
                r.DayOfMonth = plan.DayOfMonth ?? first.Day;
                if (r.DayOfMonth is < 1 or > 31) Fail("dayOfMonth", "recurrence.dayOfMonth");
                else if (first.Day != Math.Min(r.DayOfMonth.Value, DateTime.DaysInMonth(first.Year, first.Month))) Fail("dayOfMonth", "recurrence.firstOffPattern");
                break;
            default:
                r.DaysOfWeek = Names([days.Count == 0 ? first.DayOfWeek : days[0]]);
                r.Index = plan.Index is null ? IndexOf(first)
                    : Enum.TryParse<WeekIndex>(plan.Index, ignoreCase: true, out var index) && !int.TryParse(plan.Index, out _) ? index : null;
                if (r.Index is null) Fail("index", "recurrence.index", plan.Index ?? "");
                else if (days.Count > 1 || !Matches(r, first, first)) Fail("index", "recurrence.firstOffPattern");
                break;
        }

        if ((plan.EndDate is null) == (plan.Count is null)) Fail("endDate", "recurrence.oneEnd");
        if (plan.EndDate is not null)
        {
            if (!DateOnly.TryParseExact(plan.EndDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)) Fail("endDate", "recurrence.endDate");
            else if (end <= first) Fail("endDate", "recurrence.endBeforeStart");
            else if (end > first.AddYears(MaxYears)) Fail("endDate", "recurrence.tooLong", MaxYears);
            else r.EndDate = end;
        }
        if (plan.Count is { } count && count is < 2 or > MaxOccurrences) Fail("count", "recurrence.count", MaxOccurrences);
        else r.Count = plan.Count;
        if (errors > 0) return null;

        var dates = Dates(r, first);
        if (dates.Count < 2) { Fail("endDate", "recurrence.justOne"); return null; }
        if (dates.Count > MaxOccurrences) { Fail("endDate", "recurrence.tooMany", MaxOccurrences); return null; }
        return r;
    }

    /// <summary>
    /// The dates the series meets on, from its first date: as Graph expands the same pattern (the emulator checks that
    /// independently). At most one more than <see cref="MaxOccurrences"/>, so a too-long series is seen without expanding it all.
    /// </summary>
    public static IReadOnlyList<DateOnly> Dates(Recurrence r, DateOnly first)
    {
        var dates = new List<DateOnly>();
        var last = r.EndDate ?? first.AddYears(MaxYears);
        var count = r.Count ?? int.MaxValue;
        for (var d = first; d <= last && dates.Count < count && dates.Count <= MaxOccurrences; d = d.AddDays(1))
            if (Matches(r, first, d)) dates.Add(d);
        return dates;
    }

    public static bool Matches(Recurrence r, DateOnly first, DateOnly d)
    {
        var months = (d.Year - first.Year) * 12 + d.Month - first.Month;
        switch (r.Kind)
        {
            case RecurrenceKind.Weekly:
                var weeks = (WeekStart(d).DayNumber - WeekStart(first).DayNumber) / 7;
                return weeks % r.Interval == 0 && r.Days.Contains(d.DayOfWeek);
            case RecurrenceKind.AbsoluteMonthly:
                // Outlook's rule for the 31st in a 30-day month: the month's last day.
                return months % r.Interval == 0 && d.Day == Math.Min(r.DayOfMonth ?? first.Day, DateTime.DaysInMonth(d.Year, d.Month));
            default:
                return months % r.Interval == 0 && r.Days.Contains(d.DayOfWeek) && IsIndex(d, r.Index ?? WeekIndex.First);
        }
    }

    /// <summary>A pattern's name as Graph and our API spell it (weekly, absoluteMonthly, relativeMonthly).</summary>
    public static string Wire(RecurrenceKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    /// <summary>The local date-time of an occurrence as a UTC instant (a local time skipped by a clock change moves forward).</summary>
    public static DateTime StartUtc(DateOnly date, TimeOnly localStart, string timeZone)
    {
        var zone = TimeZones.OrUtc(timeZone);
        var local = date.ToDateTime(localStart, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>"first" … "fourth" from the date's week of the month; days 29–31 are the month's last.</summary>
    private static WeekIndex IndexOf(DateOnly d) => (d.Day - 1) / 7 is var n && n < 4 ? (WeekIndex)n : WeekIndex.Last;

    private static bool IsIndex(DateOnly d, WeekIndex index) =>
        index == WeekIndex.Last ? d.Day > DateTime.DaysInMonth(d.Year, d.Month) - 7 : (d.Day - 1) / 7 == (int)index;

    private static DateOnly WeekStart(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek - (int)FirstDayOfWeek + 7) % 7));

    private static string Names(IEnumerable<DayOfWeek> days) => string.Join(',', days.Select(d => d.ToString().ToLowerInvariant()));
}
