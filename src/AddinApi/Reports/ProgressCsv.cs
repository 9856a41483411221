using System.Globalization;
using System.Text;

namespace CollabAddin.Api.Reports;

/// <summary>
/// The progress table as CSV that Excel opens cleanly with Chinese text: UTF-8 with a byte-order mark, RFC 4180 quoting,
/// and text that would start a formula (= + - @) prefixed with an apostrophe so a cell never runs as one.
/// </summary>
public static class ProgressCsv
{
    private static readonly string[] HeadersZh = ["会议", "行动项", "负责人", "负责人邮箱", "主导部门", "协作部门", "截止日期", "状态", "最新进展", "逾期天数", "偏差原因"];
    private static readonly string[] HeadersEn = ["Meeting", "Item", "Owner", "Owner email", "Lead department", "Cooperating departments", "Due", "Status", "Latest progress", "Days late", "Deviation reason"];

    public static byte[] Write(ProgressReport report, bool zh)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', (zh ? HeadersZh : HeadersEn).Select(Field)));
        foreach (var (_, _, rows) in report.Groups(zh))
            foreach (var r in rows)
                csv.AppendLine(string.Join(',', new[]
                {
                    r.Meeting, r.Item, r.OwnerName, r.OwnerEmail, r.LeadDepartment ?? "", string.Join("; ", r.CooperatingDepartments),
                    r.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", r.Status, r.ProgressNote ?? "", r.DaysLate.ToString(CultureInfo.InvariantCulture), r.DeviationReason ?? "",
                }.Select(Field)));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Field(string value)
    {
        value = CollabAddin.Minutes.TypedText.Strip(value); // first, so "\u0001=cmd" is seen for the formula it is
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !DateOnly.TryParse(value, out _) && !int.TryParse(value, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
