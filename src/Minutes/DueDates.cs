using System.Globalization;
using System.Text.RegularExpressions;

namespace CollabAddin.Minutes;

/// <summary>
/// Reads the due dates people actually type: 2026-12-01, 2026/12/1, 12/1 (month/day), 12月1日, 2026年12月1日,
/// Dec 1, 1 December 2026, December 1, 2026, and relative ones (今天, 明天, 周五, 下周五, tomorrow, Friday, next Friday)
/// resolved against the meeting's date. A date without a year is the next such date on or after the meeting.
/// </summary>
public static partial class DueDates
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly Dictionary<string, DayOfWeek> EnglishDays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday, ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday,
    };
    private static readonly Dictionary<char, DayOfWeek> ChineseDays = new()
    {
        ['一'] = DayOfWeek.Monday, ['二'] = DayOfWeek.Tuesday, ['三'] = DayOfWeek.Wednesday, ['四'] = DayOfWeek.Thursday,
        ['五'] = DayOfWeek.Friday, ['六'] = DayOfWeek.Saturday, ['日'] = DayOfWeek.Sunday, ['天'] = DayOfWeek.Sunday,
    };

    public static bool TryParse(string text, DateOnly meetingDate, out DateOnly date)
    {
        date = default;
        var t = Normalize(text);
        if (t.Length == 0) return false;
        Match m;
        if ((m = Iso().Match(t)).Success) return Make(m, "y", "m", "d", meetingDate, out date);
        if ((m = ChineseFull().Match(t)).Success) return Make(m, "y", "m", "d", meetingDate, out date);
        if ((m = ChineseMonthDay().Match(t)).Success) return Make(m, null, "m", "d", meetingDate, out date);
        if ((m = MonthDaySlash().Match(t)).Success) return Make(m, m.Groups["y"].Success ? "y" : null, "m", "d", meetingDate, out date);
        if ((m = DayMonthName().Match(t)).Success || (m = MonthNameDay().Match(t)).Success)
        {
            var month = Array.IndexOf(Months, m.Groups["mon"].Value[..3].ToLowerInvariant()) + 1;
            return month > 0 && Build(m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null,
                month, int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), meetingDate, out date);
        }
        return TryRelative(t, meetingDate, out date);
    }

    private static bool TryRelative(string t, DateOnly from, out DateOnly date)
    {
        date = default;
        switch (t)
        {
            case "today" or "今天" or "当天": date = from; return true;
            case "tomorrow" or "明天": date = from.AddDays(1); return true;
            case "后天" or "day after tomorrow": date = from.AddDays(2); return true;
            case "end of week" or "本周末" or "周末": date = Next(from, DayOfWeek.Friday, weeksAhead: 0, allowToday: true); return true;
            case "end of month" or "月底" or "本月底": date = new DateOnly(from.Year, from.Month, DateTime.DaysInMonth(from.Year, from.Month)); return true;
        }
        var english = EnglishRelative().Match(t);
        if (english.Success && EnglishDays.TryGetValue(english.Groups["day"].Value, out var day))
        {
            date = english.Groups["next"].Success ? NextWeeks(from, day, 1) : Next(from, day, 0, allowToday: false);
            return true;
        }
        var chinese = ChineseRelative().Match(t);
        if (chinese.Success && ChineseDays.TryGetValue(chinese.Groups["day"].Value[0], out day))
        {
            var prefix = chinese.Groups["which"].Value;
            date = prefix.StartsWith('下') ? NextWeeks(from, day, prefix.Count(c => c == '下')) : Next(from, day, 0, allowToday: prefix is "本" or "这");
            return true;
        }
        return false;
    }

    /// <summary>The next such weekday after the meeting (or on it, when allowed).</summary>
    private static DateOnly Next(DateOnly from, DayOfWeek day, int weeksAhead, bool allowToday)
    {
        var days = ((int)day - (int)from.DayOfWeek + 7) % 7;
        if (days == 0 && !allowToday) days = 7;
        return from.AddDays(days + 7 * weeksAhead);
    }

    /// <summary>"下周五" / "next Friday": that weekday in the calendar week (Monday–Sunday) after the meeting's.</summary>
    private static DateOnly NextWeeks(DateOnly from, DayOfWeek day, int weeks)
    {
        var monday = from.AddDays(-(((int)from.DayOfWeek + 6) % 7));
        return monday.AddDays(7 * weeks + ((int)day + 6) % 7);
    }

    private static bool Make(Match m, string? year, string month, string day, DateOnly meetingDate, out DateOnly date) =>
        Build(year is null ? null : int.Parse(m.Groups[year].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups[month].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[day].Value, CultureInfo.InvariantCulture), meetingDate, out date);

    private static bool Build(int? year, int month, int day, DateOnly meetingDate, out DateOnly date)
    {
        date = default;
        if (year is < 100) year += 2000;
        var y = year ?? meetingDate.Year;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(y, month)) return false;
        date = new DateOnly(y, month, day);
        // Without a year, "1/5" written in December means next January.
        if (year is null && date < meetingDate && DateTime.DaysInMonth(y + 1, month) >= day)
            date = date.AddYears(1);
        return true;
    }

    private static string Normalize(string text) =>
        Regex.Replace(text.Normalize(System.Text.NormalizationForm.FormKC).Trim().TrimEnd('.', '。').ToLowerInvariant(), @"\s+", " ")
            .Replace("星期", "周").Replace("礼拜", "周").Replace(",", "");

    [GeneratedRegex(@"^(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})$")] private static partial Regex Iso();
    [GeneratedRegex(@"^(?<y>\d{2,4})年(?<m>\d{1,2})月(?<d>\d{1,2})[日号]?$")] private static partial Regex ChineseFull();
    [GeneratedRegex(@"^(?<m>\d{1,2})月(?<d>\d{1,2})[日号]?$")] private static partial Regex ChineseMonthDay();
    [GeneratedRegex(@"^(?<m>\d{1,2})/(?<d>\d{1,2})(/(?<y>\d{2,4}))?$")] private static partial Regex MonthDaySlash();
    [GeneratedRegex(@"^(?<d>\d{1,2})(st|nd|rd|th)? (?<mon>[a-z]{3,9})( (?<y>\d{4}))?$")] private static partial Regex DayMonthName();
    [GeneratedRegex(@"^(?<mon>[a-z]{3,9}) (?<d>\d{1,2})(st|nd|rd|th)?( (?<y>\d{4}))?$")] private static partial Regex MonthNameDay();
    [GeneratedRegex(@"^(?<next>next )?(?<day>[a-z]+)$")] private static partial Regex EnglishRelative();
    [GeneratedRegex(@"^(?<which>(下)+|本|这)?周(?<day>[一二三四五六日天])$")] private static partial Regex ChineseRelative();
}
