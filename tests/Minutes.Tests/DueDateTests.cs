using System.Globalization;
namespace CollabAddin.Minutes.Tests;

public sealed class DueDateTests
{
    private static readonly DateOnly Meeting = new(2026, 11, 16); // Monday

    [Theory]
    [InlineData("2026-12-01", "2026-12-01")]
    [InlineData("2026/12/1", "2026-12-01")]
    [InlineData("2026.12.01", "2026-12-01")]
    [InlineData("12/1", "2026-12-01")]
    [InlineData("12/1/27", "2027-12-01")]
    [InlineData("12月1日", "2026-12-01")]
    [InlineData("12月1号", "2026-12-01")]
    [InlineData("2026年12月1日", "2026-12-01")]
    [InlineData("Dec 1", "2026-12-01")]
    [InlineData("dec 1st", "2026-12-01")]
    [InlineData("1 December 2026", "2026-12-01")]
    [InlineData("December 1, 2026", "2026-12-01")]
    [InlineData("1/5", "2027-01-05")]        // a date before the meeting without a year is next year's
    [InlineData("today", "2026-11-16")]
    [InlineData("明天", "2026-11-17")]
    [InlineData("Friday", "2026-11-20")]
    [InlineData("周五", "2026-11-20")]
    [InlineData("星期五", "2026-11-20")]
    [InlineData("本周五", "2026-11-20")]
    [InlineData("下周五", "2026-11-27")]
    [InlineData("下下周一", "2026-11-30")]
    [InlineData("next Friday", "2026-11-27")]
    [InlineData("next monday", "2026-11-23")]
    [InlineData("Monday", "2026-11-23")]      // "Monday" said on a Monday means the next one
    [InlineData("月底", "2026-11-30")]
    [InlineData("２０２６－１２－０１", "2026-12-01")] // full-width digits typed with a Chinese keyboard
    public void Reads_the_dates_people_write(string text, string expected)
    {
        Assert.True(DueDates.TryParse(text, Meeting, out var date), text);
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("2026-02-30")]
    [InlineData("13/1")]
    [InlineData("next week-ish")]
    [InlineData("周八")]
    [InlineData("")]
    public void Refuses_what_is_not_a_date(string text) => Assert.False(DueDates.TryParse(text, Meeting, out _));
}
