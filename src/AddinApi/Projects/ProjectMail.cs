using System.Globalization;
using System.Text;
using CollabAddin.Api.Data;
using CollabAddin.Api.FollowUp;
using CollabAddin.Api.Http;
using CollabAddin.Api.Meetings;

namespace CollabAddin.Api.Projects;

/// <summary>
/// The project's notices (submitted for review, returned, approved, a department's response …): planned in the outbox
/// inside the save that causes them, so a notice exists exactly when its change does and is sent once (the key).
/// Written in the project's language; every typed value is encoded.
/// </summary>
internal static class ProjectMail
{
    public sealed record Line(string LabelEn, string LabelZh, string? Value);

    public static void Plan(CollabDb db, FollowUpOptions options, Project project, string key, IEnumerable<string?> to,
        (string En, string Zh) lead, IEnumerable<Line> lines, DateTime now)
    {
        var recipients = to.OfType<string>().Select(Auth.Emails.Normalize).Distinct().ToList();
        if (recipients.Count == 0) return;
        var zh = RequestLanguage.IsChinese(project.Language);
        string E(string? s) => InviteBody.Encode(s);
        var html = new StringBuilder(MailHtml.Open);
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(zh ? lead.Zh : lead.En)}</p><table style=\"border-collapse:collapse\">");
        foreach (var line in new[] { new Line("Project", "项目", $"{project.Number} {project.Title}") }.Concat(lines))
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><th style=\"text-align:left;padding:2px 8px;vertical-align:top\">{E(zh ? line.LabelZh : line.LabelEn)}</th><td style=\"padding:2px 8px\">{E(line.Value ?? "—")}</td></tr>");
        html.Append("</table>");
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(options.ProjectLink(project.Id))}\">{(zh ? "在 CollabAddin 中打开项目" : "Open the project in CollabAddin")}</a></p>");
        html.Append(MailHtml.Close(zh, zh ? "您收到此邮件，是因为您参与了该协作项目。" : "You receive this because you take part in this collaboration project."));
        db.OutboxMails.Add(new OutboxMail
        {
            TenantId = project.TenantId,
            Key = $"project:{project.Id}:{key}",
            Kind = "project",
            FromMailbox = options.SenderMailbox,
            To = string.Join(';', recipients),
            Subject = zh ? $"【{project.Number}】{lead.Zh}" : $"[{project.Number}] {lead.En}",
            HtmlBody = html.ToString(),
            CreatedAt = now,
        });
    }
}
