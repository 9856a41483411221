using System.Globalization;
using System.Text;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;
using CollabAddin.Api.Meetings;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.FollowUp;

/// <summary>
/// "Needs help" or "blocked" raised on an item → one mail, at once, to the meeting's organizer and the lead
/// department's contact. Planned inside the save that raises it, so every way of raising it (task pane, API, minutes)
/// alerts, and the alert exists exactly when the change does. Raising it again later (a new version) alerts again, once
/// <see cref="FollowUpOptions.AlertCoalesceMinutes"/> have passed since the item's last alert; within that window the
/// raise is in the item's history and the pane, and nobody is mailed twice.
/// </summary>
internal static class Alerts
{
    public static async Task<bool> PlanAsync(CollabDb db, IReadOnlyList<ActionItemChange> changes, FollowUpOptions options, DateTime now, CancellationToken ct)
    {
        // The tracker is read once: each Entries() call runs DetectChanges over every tracked entity, and asking it per
        // change made publishing 500 new items quadratic (seconds; see BENCHMARKS.md).
        var tracked = db.ChangeTracker.Entries<ActionItem>().ToDictionary(e => e.Entity.Id, e => e.Entity);
        var created = changes.Where(c => c.Field == "created").Select(c => c.ActionItemId).ToHashSet();
        var raised = changes.Where(c => c.Field == "needsHelp" && c.NewValue == "true" || c.Field == "status" && c.NewValue == "blocked"
                || created.Contains(c.ActionItemId) && tracked[c.ActionItemId] is { } added && (added.NeedsHelp || added.Status == ActionItemStatus.Blocked))
            .Select(c => c.ActionItemId).Distinct().ToList();
        if (raised.Count == 0) return false;
        // Raised again and again (blocked, open, blocked …): one alert per item per window, or toggling floods inboxes.
        var since = now.AddMinutes(-options.AlertCoalesceMinutes);
        var tenants = raised.Select(r => tracked[r].TenantId).Distinct().ToList();
        var alertedLately = (await db.OutboxMails.IgnoreQueryFilters().AsNoTracking()
                .Where(m => m.Kind == "alert" && m.CreatedAt > since && tenants.Contains(m.TenantId))
                .Select(m => m.Key).ToListAsync(ct))
            .Concat(db.ChangeTracker.Entries<OutboxMail>().Select(e => e.Entity).Where(m => m.Kind == "alert").Select(m => m.Key))
            .ToList();
        var planned = false;
        foreach (var id in raised)
        {
            if (alertedLately.Any(key => key.StartsWith($"alert:{id}:", StringComparison.Ordinal))) continue;
            planned = true;
            var item = tracked[id];
            // The meeting and department may be new in this very save, so the tracker is asked before the database.
            // A project task without a meeting answers to its project's initiator instead of an organizer.
            var meeting = item.MeetingId is null
                ? db.ChangeTracker.Entries<Projects.Project>().Select(e => e.Entity).Where(p => p.Id == item.ProjectId)
                      .Select(p => new { OrganizerEmail = p.InitiatorEmail, Subject = $"{p.Number} {p.Title}", Language = (string?)p.Language }).FirstOrDefault()
                  ?? await db.Projects.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == item.ProjectId)
                      .Select(p => new { OrganizerEmail = p.InitiatorEmail, Subject = p.Number + " " + p.Title, Language = (string?)p.Language }).SingleAsync(ct)
                : db.ChangeTracker.Entries<Meeting>().Select(e => e.Entity).Where(m => m.Id == item.MeetingId)
                      .Select(m => new { m.OrganizerEmail, m.Subject, Language = (string?)m.Language }).FirstOrDefault()
                  ?? await db.Meetings.IgnoreQueryFilters().AsNoTracking().Where(m => m.Id == item.MeetingId)
                      .Select(m => new { m.OrganizerEmail, m.Subject, Language = (string?)m.Language }).SingleAsync(ct);
            var contact = item.LeadDepartmentId is not { } lead ? null
                : db.ChangeTracker.Entries<Departments.Department>().FirstOrDefault(e => e.Entity.Id == lead)?.Entity.ContactEmail
                  ?? await db.Departments.IgnoreQueryFilters().Where(d => d.Id == lead).Select(d => d.ContactEmail).SingleOrDefaultAsync(ct);
            var to = new[] { meeting.OrganizerEmail, contact }.OfType<string>().Select(e => e.ToLowerInvariant()).Distinct().ToList();
            var zh = RequestLanguage.IsChinese(meeting.Language);
            var blocked = item.Status == ActionItemStatus.Blocked;
            var what = zh ? (item.NeedsHelp ? "需协助" : "阻塞") : (item.NeedsHelp ? "needs help" : "is blocked");
            db.OutboxMails.Add(new OutboxMail
            {
                TenantId = item.TenantId,
                Key = $"alert:{item.Id}:{item.Version}",
                Kind = "alert",
                FromMailbox = options.SenderMailbox,
                To = string.Join(';', to),
                Subject = zh ? $"【{what}】{item.Title}" : $"{item.OwnerName}: \"{item.Title}\" {what}",
                HtmlBody = Body(item, meeting.Subject, item.MeetingId is null, blocked, zh, options),
                CreatedAt = now,
            });
        }
        return planned;
    }

    private static string Body(ActionItem item, string meeting, bool ofProject, bool blocked, bool zh, FollowUpOptions options)
    {
        string E(string? s) => InviteBody.Encode(s);
        var reason = item.NeedsHelp ? item.NeedsHelpReason : item.ProgressNote;
        var html = new StringBuilder(Http.MailHtml.Open);
        html.Append(zh
            ? $"<p><b>{E(item.OwnerName)}</b> 的行动项{(item.NeedsHelp ? "需要协助" : "")}{(blocked ? "（已阻塞）" : "")}：</p>"
            : $"<p><b>{E(item.OwnerName)}</b> {(item.NeedsHelp ? "needs help with" : "is blocked on")} an action item{(item.NeedsHelp && blocked ? " (blocked)" : "")}:</p>");
        html.Append("<table style=\"border-collapse:collapse\">");
        void Row(string label, string? value) => html.Append(CultureInfo.InvariantCulture, $"<tr><th style=\"text-align:left;padding:2px 8px\">{label}</th><td style=\"padding:2px 8px\">{E(value)}</td></tr>");
        Row(zh ? "行动项" : "Item", item.Title);
        Row(zh ? "负责人" : "Assignee", $"{item.OwnerName} <{item.OwnerEmail}>");
        Row(zh ? "原因" : "Reason", reason ?? (zh ? "（未说明）" : "(none given)"));
        Row(zh ? "截止日期" : "Due", item.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—");
        Row(ofProject ? (zh ? "项目" : "Project") : (zh ? "会议" : "Meeting"), meeting);
        html.Append("</table>");
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(options.ItemLink(item.Id))}\">{(zh ? "在任务窗格中打开" : "Open it in the task pane")}</a></p>");
        html.Append(Http.MailHtml.Close(zh, zh ? "发起人和主导部门联系人会收到此提醒。" : "The organizer and the lead department's contact receive this alert."));
        return html.ToString();
    }
}
