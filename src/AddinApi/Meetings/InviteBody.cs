using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Http;

namespace CollabAddin.Api.Meetings;

/// <summary>
/// The invite's HTML body, in the organizer's language: goal, time, roles, the agenda table with its five elements,
/// pre-reads and what each attendee must prepare. Every user-typed string goes through <see cref="Encode"/>.
/// </summary>
public static class InviteBody
{
    // Encodes only what HTML needs (<, >, &, quotes), leaving Chinese text readable in the mail and its preview.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly Dictionary<string, (string En, string Zh)> Labels = new()
    {
        ["goal"] = ("Goal", "会议目标"),
        ["when"] = ("When", "时间"),
        ["where"] = ("Where", "地点"),
        ["teams"] = ("Microsoft Teams meeting (join link below)", "Microsoft Teams 线上会议（入会链接见下方）"),
        ["roles"] = ("Roles", "会议角色"),
        ["host"] = ("Host", "主持人"),
        ["noteTaker"] = ("Note-taker", "记录人"),
        ["timekeeper"] = ("Timekeeper", "计时员"),
        ["agenda"] = ("Agenda", "会议议程"),
        ["topic"] = ("Topic", "议题"),
        ["discussion"] = ("What is discussed", "讨论内容"),
        ["owner"] = ("Owner", "负责人"),
        ["minutes"] = ("Minutes", "时长（分钟）"),
        ["output"] = ("Expected output", "预期产出"),
        ["total"] = ("Total", "合计"),
        ["preReads"] = ("Please read before the meeting", "会前阅读材料"),
        ["everyone"] = ("everyone", "全体参会人"),
        ["preparation"] = ("Who attends and what to prepare", "参会人及会前准备"),
        ["core"] = ("core", "核心参会人"),
        ["optional"] = ("optional, listen-only", "可选，旁听"),
        ["nothing"] = ("nothing to prepare", "无需准备"),
        ["openItems"] = ("Open items from earlier meetings of this series", "本系列此前会议的未完成事项"),
        ["item"] = ("Action item", "行动项"),
        ["due"] = ("Due", "截止日期"),
        ["status"] = ("Status", "状态"),
        ["progress"] = ("Latest progress", "最新进展"),
        ["footer"] = ("Planned with CollabAddin. Minutes and action items will follow.", "由 CollabAddin 安排。会议纪要和行动项将在会后发送。"),
    };

    /// <summary>HTML-encoded, without the characters nobody types (stored before they were refused, they must not reach a mail).</summary>
    public static string Encode(string? text) => Encoder.Encode(CollabAddin.Minutes.TypedText.Strip(text));

    /// <param name="when">Instead of the meeting's own date and time: a series master says how it repeats.</param>
    /// <param name="openItems">An occurrence of a series opens with the items earlier occurrences left open.</param>
    public static string Render(Meeting meeting, CultureInfo culture, string? when = null, IReadOnlyList<Series.OpenItem>? openItems = null)
    {
        var zh = Messages.IsChinese(culture);
        string L(string key) => zh ? Labels[key].Zh : Labels[key].En;
        string Name(string email) => Encode(meeting.Attendees.FirstOrDefault(a => string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase))?.DisplayName ?? email);
        string WithRole(MeetingRoles role) => string.Join(", ", meeting.Attendees.Where(a => a.Roles.HasFlag(role)).Select(a => Encode(a.DisplayName)));

        var html = new StringBuilder();
        html.Append(MailHtml.Open);
        html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"margin:0 0 8px\">{Encode(meeting.Subject)}</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p><b>{L("goal")}:</b> {Encode(meeting.Goal)}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p><b>{L("when")}:</b> {Encode(when ?? When(meeting, culture))}</p>");
        if (!string.IsNullOrWhiteSpace(meeting.Location) || meeting.IsOnlineMeeting)
            html.Append(CultureInfo.InvariantCulture, $"<p><b>{L("where")}:</b> {Encode(meeting.Location)}{(meeting.IsOnlineMeeting ? (string.IsNullOrWhiteSpace(meeting.Location) ? "" : " · ") + L("teams") : "")}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p><b>{L("roles")}:</b> {L("host")}: {WithRole(MeetingRoles.Host)} · {L("noteTaker")}: {WithRole(MeetingRoles.NoteTaker)}");
        if (meeting.Attendees.Any(a => a.Roles.HasFlag(MeetingRoles.Timekeeper)))
            html.Append(CultureInfo.InvariantCulture, $" · {L("timekeeper")}: {WithRole(MeetingRoles.Timekeeper)}");
        html.Append("</p>");

        const string cell = "style=\"border:1px solid #d1d1d1;padding:4px 8px;text-align:left;vertical-align:top\"";
        if (openItems is { Count: > 0 })
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{L("openItems")}</h3><table style=\"border-collapse:collapse\"><thead><tr>");
            foreach (var head in new[] { L("item"), L("owner"), L("due"), L("status"), L("progress") })
                html.Append(CultureInfo.InvariantCulture, $"<th {cell}>{head}</th>");
            html.Append("</tr></thead><tbody>");
            foreach (var item in openItems)
                html.Append(CultureInfo.InvariantCulture, $"<tr><td {cell}>{Encode(item.Title)}</td><td {cell}>{Encode(item.OwnerName)}</td>" +
                    $"<td {cell}>{item.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</td><td {cell}>{Encode(Minutes.MinutesWords.Status(item.Status, culture))}</td>" +
                    $"<td {cell}>{Encode(item.Progress)}</td></tr>");
            html.Append("</tbody></table>");
        }

        if (meeting.Agenda.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{L("agenda")}</h3><table style=\"border-collapse:collapse\"><thead><tr>");
            foreach (var head in new[] { "#", L("topic"), L("discussion"), L("owner"), L("minutes"), L("output") })
                html.Append(CultureInfo.InvariantCulture, $"<th {cell}>{head}</th>");
            html.Append("</tr></thead><tbody>");
            foreach (var item in meeting.Agenda.OrderBy(a => a.Position))
                html.Append(CultureInfo.InvariantCulture, $"<tr><td {cell}>{item.Position + 1}</td><td {cell}>{Encode(item.Topic)}</td><td {cell}>{Encode(item.Discussion)}</td>" +
                    $"<td {cell}>{Name(item.OwnerEmail)}</td><td {cell}>{item.PlannedMinutes}</td><td {cell}>{Encode(item.ExpectedOutput)}</td></tr>");
            html.Append(CultureInfo.InvariantCulture, $"<tr><td {cell} colspan=\"4\"><b>{L("total")}</b></td><td {cell}><b>{meeting.Agenda.Sum(a => a.PlannedMinutes)}</b></td><td {cell}></td></tr>");
            html.Append("</tbody></table>");
        }

        if (meeting.PreReads.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{L("preReads")}</h3><ul>");
            foreach (var p in meeting.PreReads.OrderBy(p => p.Position))
            {
                var readers = p.ReaderList.Count == 0 ? L("everyone") : string.Join(", ", p.ReaderList.Select(Name));
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Encode(p.Url)}\">{Encode(p.Title)}</a> — {readers}</li>");
            }
            html.Append("</ul>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<h3>{L("preparation")}</h3><ul>");
        foreach (var a in meeting.Attendees)
            html.Append(CultureInfo.InvariantCulture, $"<li><b>{Encode(a.DisplayName)}</b>{(string.IsNullOrWhiteSpace(a.Department) ? "" : $" ({Encode(a.Department)})")}, " +
                $"{L(a.Kind == AttendanceKind.Core ? "core" : "optional")}: {(string.IsNullOrWhiteSpace(a.Preparation) ? L("nothing") : Encode(a.Preparation))}</li>");
        html.Append("</ul>");
        html.Append(MailHtml.Close(zh, L("footer")));
        return html.ToString();
    }

    private static string When(Meeting meeting, CultureInfo culture)
    {
        var zone = TimeZones.OrUtc(meeting.TimeZone);
        var start = TimeZoneInfo.ConvertTimeFromUtc(meeting.StartUtc, zone);
        var end = TimeZoneInfo.ConvertTimeFromUtc(meeting.EndUtc, zone);
        var pattern = Messages.IsChinese(culture) ? "yyyy年M月d日 dddd HH:mm" : "dddd d MMMM yyyy HH:mm";
        var endPattern = start.Date == end.Date ? "HH:mm" : pattern;
        return $"{start.ToString(pattern, culture)}–{end.ToString(endPattern, culture)} ({meeting.TimeZone})";
    }
}
