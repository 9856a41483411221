using System.Globalization;
using System.Text;
using CollabAddin.Api.Meetings;
using CollabAddin.Minutes;

namespace CollabAddin.Api.Reports;

/// <summary>The progress table as an HTML mail body; every text from the store is encoded.</summary>
public static class ProgressHtml
{
    public static string Render(ProgressReport report, bool zh, string period)
    {
        static string E(string? s) => InviteBody.Encode(s);
        var html = new StringBuilder(Http.MailHtml.Open);
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(zh ? $"任务进度跟踪表 {period}" : $"Progress report {period}")}</h2><ul>");
        foreach (var line in report.FigureLines(zh)) html.Append(CultureInfo.InvariantCulture, $"<li>{E(line)}</li>");
        html.Append("</ul>");
        const string cell = "style=\"border:1px solid #d1d1d1;padding:4px 8px;text-align:left;vertical-align:top\"";
        string[] headers = zh
            ? ["行动项", "负责人", "协作部门", "截止日期", "状态", "最新进展", "逾期天数", "偏差原因"]
            : ["Item", "Owner", "Cooperating", "Due", "Status", "Latest progress", "Days late", "Deviation"];
        foreach (var (meeting, department, rows) in report.Groups(zh))
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{E(meeting)} · {E(department)}</h3><table style=\"border-collapse:collapse\"><tr>");
            foreach (var h in headers) html.Append(CultureInfo.InvariantCulture, $"<th {cell}>{h}</th>");
            html.Append("</tr>");
            foreach (var r in rows)
                html.Append(CultureInfo.InvariantCulture, $"<tr><td {cell}>{E(r.Item)}</td><td {cell}>{E(r.OwnerName)}</td><td {cell}>{E(string.Join(", ", r.CooperatingDepartments))}</td>"
                    + $"<td {cell}>{r.Due:yyyy-MM-dd}</td><td {cell}>{E(MinutesLabels.Status(r.Status, zh))}</td><td {cell}>{E(r.ProgressNote)}</td>"
                    + $"<td {cell}>{(r.DaysLate > 0 ? r.DaysLate : "")}</td><td {cell}>{E(r.DeviationReason)}</td></tr>");
            html.Append("</table>");
        }
        if (report.Rows.Count == 0) html.Append(CultureInfo.InvariantCulture, $"<p>{(zh ? "没有行动项。" : "No action items.")}</p>");
        // The weekly report mail carries the same table as a Word document.
        return html.Append(Http.MailHtml.Close(zh, zh
            ? "完整的表格见附件中的 Word 文档。在 Outlook 的 CollabAddin 窗格中更新进度。"
            : "The full table is attached as a Word document. Update progress from the CollabAddin pane in Outlook.")).ToString();
    }
}
