using System.Globalization;
using CollabAddin.Api.Http;

namespace CollabAddin.Api.Series;

/// <summary>How a series repeats, in words people use ("Every 2 weeks on Tuesday", "每月第三个星期二").</summary>
public static class SeriesWords
{
    public static string Describe(MeetingSeries s, CultureInfo culture)
    {
        var zh = Messages.IsChinese(culture);
        var r = s.Recurrence;
        var days = string.Join(zh ? "、" : ", ", r.Days.Select(d => culture.DateTimeFormat.GetDayName(d)));
        string[] indexEn = ["first", "second", "third", "fourth", "last"], indexZh = ["第一个", "第二个", "第三个", "第四个", "最后一个"];
        var index = r.Index is { } i ? (zh ? indexZh : indexEn)[(int)i] : "";
        var pattern = (r.Kind, zh) switch
        {
            (RecurrenceKind.Weekly, false) => r.Interval == 1 ? $"Every week on {days}" : $"Every {r.Interval} weeks on {days}",
            (RecurrenceKind.Weekly, true) => r.Interval == 1 ? $"每周（{days}）" : $"每 {r.Interval} 周（{days}）",
            (RecurrenceKind.AbsoluteMonthly, false) => r.Interval == 1 ? $"Monthly on day {r.DayOfMonth}" : $"Every {r.Interval} months on day {r.DayOfMonth}",
            (RecurrenceKind.AbsoluteMonthly, true) => r.Interval == 1 ? $"每月 {r.DayOfMonth} 日" : $"每 {r.Interval} 个月的 {r.DayOfMonth} 日",
            (_, false) => r.Interval == 1 ? $"Monthly on the {index} {days}" : $"Every {r.Interval} months on the {index} {days}",
            (_, true) => r.Interval == 1 ? $"每月{index}{days}" : $"每 {r.Interval} 个月的{index}{days}",
        };
        var dates = RecurrenceRules.Dates(r, s.FirstDate);
        var end = s.LocalStart.AddMinutes(s.LengthMinutes);
        var dateFormat = zh ? "yyyy年M月d日" : "d MMM yyyy";
        var from = s.FirstDate.ToString(dateFormat, culture);
        var to = dates[^1].ToString(dateFormat, culture);
        return zh
            ? $"{pattern} {s.LocalStart:HH\\:mm}–{end:HH\\:mm}（{s.TimeZone}），{from} 至 {to}，共 {dates.Count} 次"
            : $"{pattern}, {s.LocalStart:HH\\:mm}–{end:HH\\:mm} ({s.TimeZone}), {from} to {to}, {dates.Count} meetings";
    }
}
