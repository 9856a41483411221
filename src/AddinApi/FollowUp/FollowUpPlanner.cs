using System.Globalization;
using System.Text;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Data;
using CollabAddin.Api.Graph;
using CollabAddin.Api.Hosting;
using CollabAddin.Api.Http;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Reports;
using CollabAddin.Minutes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.FollowUp;

/// <summary>
/// Decides which follow-up mail is due now — daily digests, escalations, weekly reports — and queues it in the outbox.
/// Runs across tenants. Every mail has a key that says what it is for; a key already queued is not queued again, so
/// the same pass can run on several instances, or twice, and each mail still exists once.
/// </summary>
public sealed class FollowUpPlanner(CollabDb db, IGraphGateway graph, CurrentTenant tenant, TimeProvider clock, IOptions<FollowUpOptions> options,
    IOptions<Projects.ProjectOptions> projects, ILogger<FollowUpPlanner> log)
{
    private static readonly ActionItemStatus[] Live = [ActionItemStatus.Open, ActionItemStatus.InProgress, ActionItemStatus.Blocked];
    private FollowUpOptions O => options.Value;

    public async Task<int> PlanAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = DateOnly.FromDateTime(now.AddDays(2));
        // What is due is decided on a narrow read of the live items due soon: no text, no joins. Most of it was queued on
        // an earlier pass (today's digests, the levels of items long overdue) and is found in a few batched lookups; only
        // the items of what is new are then read whole, for the mail's text. A pass over a large store costs its dates.
        var due = await db.ActionItems.IgnoreQueryFilters().AsNoTracking()
            .Where(i => Live.Contains(i.Status) && i.DueDate != null && i.DueDate <= latest)
            .Select(i => new DueItem(i.Id, i.TenantId, i.OwnerEmail, i.TimeZone, i.DueDate!.Value)).ToListAsync(ct);
        // Nearly always empty: the units that failed before and wait for their back-off (or for a person).
        _failures = await db.PlanningFailures.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(f => (f.TenantId, f.Key), ct);
        // A digest lists what is overdue or due by tomorrow: an assignee whose items are all due later gets none today.
        var digests = due.GroupBy(i => (i.TenantId, i.OwnerEmail))
            .Select(owner => (owner.Key.TenantId, owner.Key.OwnerEmail, Items: owner.ToList(), Today: DigestDay(owner, now)))
            .Where(d => d.Today is not null)
            .Select(d => (d.TenantId, Items: d.Items.Where(i => i.DueDate <= d.Today!.Value.AddDays(1)).ToList(),
                Key: $"digest:{d.OwnerEmail}:{d.Today:yyyy-MM-dd}", Today: d.Today!.Value))
            .Where(d => d.Items.Count > 0).ToList();
        await FindQueuedAsync(digests.Select(d => (d.TenantId, d.Key))
            .Concat(due.SelectMany(i => EscalationLevelsDue(i, now).Select(level => (i.TenantId, EscalationKey(i.Id, level))))), ct);
        digests.RemoveAll(d => _queued.Contains((d.TenantId, d.Key)));
        var escalating = due.Where(i => EscalationLevelsDue(i, now).Any(level => !_queued.Contains((i.TenantId, EscalationKey(i.Id, level))))).ToList();
        var whole = await WholeAsync(digests.SelectMany(d => d.Items).Concat(escalating).Select(i => i.Id), ct);
        var planned = 0;
        foreach (var (tenantId, owned, key, today) in digests)
            planned += await IsolatedAsync(tenantId, key, now, () => DigestAsync(tenantId, key, owned.Where(i => whole.ContainsKey(i.Id)).Select(i => whole[i.Id]).ToList(), today, now, ct), ct);
        foreach (var item in escalating.Where(i => whole.ContainsKey(i.Id))) // one done or deleted since the first read is left out
            planned += await IsolatedAsync(item.TenantId, $"escalation:{item.Id}", now, () => EscalateAsync(whole[item.Id], now, ct), ct);
        planned += await WeeklyReportsAsync(now, ct);
        planned += await Projects.IssueEscalation.PlanAsync(db, tenant, O, projects.Value, now, ct);
        return planned;
    }

    /// <summary>What the planner needs of an item to tell whether mail about it is due.</summary>
    private sealed record DueItem(Guid Id, string TenantId, string OwnerEmail, string TimeZone, DateOnly DueDate);

    /// <summary>These items whole, with what their mail names (meeting or project, lead department), in batches by id.</summary>
    private async Task<Dictionary<Guid, ActionItem>> WholeAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var whole = new Dictionary<Guid, ActionItem>();
        foreach (var batch in ids.Distinct().Chunk(500))
            foreach (var item in await Whole(db, batch).ToListAsync(ct))
                whole[item.Id] = item;
        return whole;
    }

    // The ids and keys of the batched reads go as one array parameter (EF.Parameter): EF's default expands a list into
    // one parameter per element, re-done for each split query of the owned collections, which cost 594 MB and 360 ms to
    // read 438 items (6 MB and 77 ms this way; docs/BENCHMARKS.md, bench mode planner).
    internal static IQueryable<ActionItem> Whole(CollabDb db, Guid[] ids) =>
        db.ActionItems.IgnoreQueryFilters().AsNoTracking().Include(i => i.Meeting).Include(i => i.Project).Include(i => i.LeadDepartment)
            .Where(i => EF.Parameter(ids).Contains(i.Id) && Live.Contains(i.Status)); // one done since the first read is left out

    internal static IQueryable<string> Queued(CollabDb db, string tenantId, string[] keys) =>
        db.OutboxMails.IgnoreQueryFilters().AsNoTracking().Where(m => m.TenantId == tenantId && EF.Parameter(keys).Contains(m.Key)).Select(m => m.Key);

    private Dictionary<(string, string), PlanningFailure> _failures = [];
    /// <summary>Keys this pass found already queued; a key not in it is still checked before its mail is written.</summary>
    private readonly HashSet<(string TenantId, string Key)> _queued = [];

    /// <summary>Which of these keys are in the outbox: per tenant, in batches the (TenantId, Key) index answers.</summary>
    private async Task FindQueuedAsync(IEnumerable<(string TenantId, string Key)> keys, CancellationToken ct)
    {
        foreach (var tenantKeys in keys.GroupBy(k => k.TenantId, k => k.Key))
            foreach (var batch in tenantKeys.Distinct().Chunk(500))
                foreach (var key in await Queued(db, tenantKeys.Key, batch).ToListAsync(ct))
                    _queued.Add((tenantKeys.Key, key));
    }

    private static string EscalationKey(Guid item, int level) => $"escalation:{item}:{level}";

    /// <summary>The levels an item is late enough for (each one's threshold passed in its own zone), whatever was sent.</summary>
    private IEnumerable<int> EscalationLevelsDue(DueItem item, DateTime now)
    {
        var late = DaysLate(item.TimeZone, item.DueDate, now);
        return Enumerable.Range(1, 3).Where(level => LateEnough(late, level));
    }

    private bool LateEnough(int daysLate, int level) => daysLate > O.EscalationDays[level - 1];

    private static int DaysLate(string zone, DateOnly due, DateTime now) => DateOnly.FromDateTime(Local(now, zone)).DayNumber - due.DayNumber;

    /// <summary>
    /// Plans one unit (one mail, or one item's escalations) so that whatever it throws — a report that cannot be
    /// written, a directory lookup that fails — is recorded against that unit with a back-off, and the pass goes on
    /// for every other unit, organizer and tenant. After <see cref="FollowUpOptions.MaxAttempts"/> the unit is failed.
    /// </summary>
    private async Task<int> IsolatedAsync(string tenantId, string key, DateTime now, Func<Task<int>> plan, CancellationToken ct)
    {
        var failure = _failures.GetValueOrDefault((tenantId, key));
        if (failure is not null && (failure.Failed || failure.NextAttemptAt > now)) return 0;
        try
        {
            var planned = await plan();
            if (failure is not null)
                await db.PlanningFailures.IgnoreQueryFilters().Where(f => f.Id == failure.Id).ExecuteDeleteAsync(ct);
            return planned;
        }
        catch (GraphUnavailableException)
        {
            db.ChangeTracker.Clear(); // Graph is down for everyone: not this unit's fault, so it is simply tried next pass
            return 0;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            db.ChangeTracker.Clear(); // nothing the unit half-planned is saved
            var attempts = (failure?.Attempts ?? 0) + 1;
            var error = RetrySchedule.Reason(e);
            var record = failure ?? new PlanningFailure { TenantId = tenantId, Key = key, Error = "" };
            record.Attempts = attempts;
            record.Failed = attempts >= O.MaxAttempts;
            record.NextAttemptAt = now + O.RetryAfter(attempts);
            record.Error = error;
            record.UpdatedAt = now;
            if (failure is null) db.PlanningFailures.Add(record);
            else db.PlanningFailures.Update(record);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // another instance recorded the same failure first: theirs counts
            }
            _failures[(tenantId, key)] = record;
            // The reason is stored with the unit; the log names only its kind (an exception's message may quote stored text).
            log.PlanningFailed(key[..key.IndexOf(':', StringComparison.Ordinal)], tenantId, attempts, record.Failed ? ", giving up" : "", e.GetType().Name);
            return 0;
        }
    }

    /// <summary>The assignee's local day when their digest is due (from DigestHour in their zone), or null.</summary>
    private DateOnly? DigestDay(IEnumerable<DueItem> items, DateTime now)
    {
        var local = Local(now, items.OrderBy(i => i.DueDate).First().TimeZone); // the assignee's zone: their meetings'
        return local.Hour < O.DigestHour ? null : DateOnly.FromDateTime(local);
    }

    /// <summary>One digest per assignee per day: overdue, due today and due tomorrow.</summary>
    private async Task<int> DigestAsync(string tenantId, string key, List<ActionItem> items, DateOnly today, DateTime now, CancellationToken ct)
    {
        var overdue = items.Where(i => i.DueDate < today).OrderBy(i => i.DueDate).ToList();
        var soon = items.Where(i => i.DueDate == today || i.DueDate == today.AddDays(1)).OrderBy(i => i.DueDate).ToList();
        if (overdue.Count + soon.Count == 0) return 0;
        var zh = items.Any(i => RequestLanguage.IsChinese(i.Language));
        var body = new StringBuilder(MailHtml.Open);
        body.Append(CultureInfo.InvariantCulture, $"<p>{E(items[0].OwnerName)}{(zh ? "，您好：" : ",")}</p>");
        Section(body, zh ? "已逾期" : "Overdue", overdue, today, zh);
        Section(body, zh ? "今明两天到期" : "Due today or tomorrow", soon, today, zh);
        body.Append(MailHtml.Close(zh));
        return await QueueAsync(tenantId, key, "digest", [items[0].OwnerEmail],
            zh ? $"行动项提醒：{overdue.Count} 项逾期，{soon.Count} 项即将到期" : $"Your action items: {overdue.Count} overdue, {soon.Count} due soon", body.ToString(), null, null, now, ct);
    }

    private void Section(StringBuilder body, string title, List<ActionItem> items, DateOnly today, bool zh)
    {
        if (items.Count == 0) return;
        body.Append(CultureInfo.InvariantCulture, $"<h3>{title}</h3><ul>");
        foreach (var i in items)
            body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{E(O.ItemLink(i.Id))}\">{E(i.Title)}</a> — {(zh ? "截止" : "due")} {i.DueDate:yyyy-MM-dd}{(i.DueDate < today ? Late(today.DayNumber - i.DueDate!.Value.DayNumber, zh) : "")} · {E(i.SourceName)}</li>");
        body.Append("</ul>");
    }

    /// <summary>Level 1: the lead department's contact; 2: the assignee's manager; 3: the organizer. Each once per item.</summary>
    private async Task<int> EscalateAsync(ActionItem item, DateTime now, CancellationToken ct)
    {
        var late = DaysLate(item.TimeZone, item.DueDate!.Value, now);
        var planned = 0;
        var skipToNext = false;
        for (var level = 1; level <= 3; level++)
        {
            if (!LateEnough(late, level) && !skipToNext) break;
            skipToNext = false;
            var key = EscalationKey(item.Id, level);
            if (_queued.Contains((item.TenantId, key)) || await KeyExistsAsync(item.TenantId, key, ct)) continue;
            tenant.Id = item.TenantId; // Graph acts for this item's tenant
            var (to, who) = level switch
            {
                1 => (item.LeadDepartment?.ContactEmail, item.LeadDepartment is null ? null : $"{item.LeadDepartment.Name} contact"),
                2 => await graph.GetManagerAsync(item.OwnerEmail, ct) is { } manager ? (manager.Email, $"manager {manager.DisplayName}") : (null, null),
                _ => (item.StewardEmail, item.MeetingId is null ? "project initiator" : "organizer"),
            };
            if (to is null)
            {
                var why = level == 1 ? "no lead department contact is known" : "no manager is known in the directory";
                History(item, level, $"skipped: {why}", now);
                await QueueAsync(item.TenantId, key, "skipped", [], $"Escalation level {level} skipped: {why}", "", null, null, now, ct, sent: true);
                skipToNext = true; // go straight to the next level instead
                continue;
            }
            var zh = RequestLanguage.IsChinese(item.Language);
            var body = EscalationBody(item, level, late, zh);
            History(item, level, $"level {level} → {who} {to}", now); // saved with the mail, in one transaction
            planned += await QueueAsync(item.TenantId, key, "escalation", [to],
                zh ? $"【逾期升级】{item.Title}" : $"Overdue {late} days: {item.Title}", body, null, null, now, ct);
        }
        return planned;
    }

    private void History(ActionItem item, int level, string what, DateTime now) =>
        db.ActionItemChanges.Add(new ActionItemChange
        {
            TenantId = item.TenantId, ActionItemId = item.Id, At = now, ByEmail = ChangeOrigin.System.Email, ByName = ChangeOrigin.System.Name,
            Source = ChangeSource.System, Field = "escalation", NewValue = what, OldValue = level.ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>Each organizer with open items gets the progress table once a week, from the configured day and hour in their zone.</summary>
    private async Task<int> WeeklyReportsAsync(DateTime now, CancellationToken ct)
    {
        // One row per meeting with a live item, not per item: a project task without a meeting is in its project's report.
        var meetings = await db.Meetings.IgnoreQueryFilters().AsNoTracking()
            .Where(m => db.ActionItems.IgnoreQueryFilters().Any(i => i.MeetingId == m.Id && Live.Contains(i.Status)))
            .Select(m => new { m.TenantId, m.OrganizerEmail, m.TimeZone, m.Language, m.StartUtc })
            .ToListAsync(ct);
        var due = meetings.GroupBy(m => (m.TenantId, m.OrganizerEmail)).Select(meetingsOf =>
        {
            var latest = meetingsOf.OrderByDescending(m => m.StartUtc).First(); // the organizer's zone and language: their latest meeting's
            var week = WeekDue(now, latest.TimeZone);
            return (meetingsOf.Key.TenantId, meetingsOf.Key.OrganizerEmail, latest.Language, Week: week, Key: $"weekly:{meetingsOf.Key.OrganizerEmail}:{week}");
        }).ToList();
        await FindQueuedAsync(due.Select(d => (d.TenantId, d.Key)), ct);
        var planned = 0;
        foreach (var (tenantId, organizer, language, week, key) in due.Where(d => !_queued.Contains((d.TenantId, d.Key))))
            planned += await IsolatedAsync(tenantId, key, now, async () =>
            {
                tenant.Id = tenantId;
                var zh = RequestLanguage.IsChinese(language);
                var report = await new ProgressReports(db, clock).ForOrganizerAsync(tenantId, organizer, ct);
                var docx = ProgressReportWriter.Write(report.ToDocument(zh, week), zh);
                return await QueueAsync(tenantId, key, "weekly", [organizer],
                    zh ? $"任务进度跟踪表（{week}）" : $"Weekly progress report ({week})", ProgressHtml.Render(report, zh, week),
                    zh ? $"任务进度跟踪表 {week}.docx" : $"Progress report {week}.docx", docx, now, ct);
            }, ct);
        return planned + await ProjectReportsAsync(now, ct);
    }

    /// <summary>The report week due now in this zone ("2026-W47"): from the configured day and hour on, this week's; before, last week's.</summary>
    private string WeekDue(DateTime now, string zone)
    {
        var local = Local(now, zone);
        var since = local.Date.AddDays(-(((int)local.DayOfWeek - (int)O.WeeklyReportDay + 7) % 7)).AddHours(O.WeeklyReportHour);
        if (since > local) since = since.AddDays(-7); // this week's report time has not come yet: last week's is the due one
        return ISOWeek.GetYear(since) + "-W" + ISOWeek.GetWeekOfYear(since).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Each running project's progress table goes weekly to its initiator and its departments' heads (the report scoped to it).</summary>
    private async Task<int> ProjectReportsAsync(DateTime now, CancellationToken ct)
    {
        var projects = await db.Projects.IgnoreQueryFilters().AsNoTracking().Where(p => p.State == Projects.ProjectState.Active)
            .Include(p => p.InitiatingDepartment).Include(p => p.Departments).ThenInclude(d => d.Department).AsSplitQuery().ToListAsync(ct);
        var due = projects.Select(p =>
        {
            var week = WeekDue(now, p.TimeZone);
            return (Project: p, Week: week, Key: $"weekly-project:{p.Id}:{week}");
        }).ToList();
        await FindQueuedAsync(due.Select(d => (d.Project.TenantId, d.Key)), ct);
        var planned = 0;
        foreach (var (project, week, key) in due.Where(d => !_queued.Contains((d.Project.TenantId, d.Key))))
        {
            planned += await IsolatedAsync(project.TenantId, key, now, async () =>
            {
                tenant.Id = project.TenantId;
                var zh = RequestLanguage.IsChinese(project.Language);
                var today = DateOnly.FromDateTime(Local(now, project.TimeZone));
                var report = await new ProgressReports(db, clock).ForProjectAsync(project.Id,
                    new ProgressReports.Filter(null, null, project.StartDate < today ? project.StartDate : today, project.EndDate > today ? project.EndDate : today), ct);
                var to = project.Departments.Select(d => d.Department!.HeadEmail).Append(project.InitiatingDepartment!.HeadEmail).Append(project.InitiatorEmail)
                    .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var title = zh ? $"【{project.Number}】任务进度跟踪表（{week}）" : $"[{project.Number}] Weekly progress report ({week})";
                return await QueueAsync(project.TenantId, key, "weekly", to, title, ProgressHtml.Render(report, zh, week),
                    $"{project.Number} {(zh ? "任务进度跟踪表" : "progress report")} {week}.docx", ProgressReportWriter.Write(report.ToDocument(zh, $"{project.Number} {week}"), zh), now, ct);
            }, ct);
        }
        return planned;
    }

    private Task<bool> KeyExistsAsync(string tenantId, string key, CancellationToken ct) =>
        db.OutboxMails.IgnoreQueryFilters().AnyAsync(m => m.TenantId == tenantId && m.Key == key, ct);

    /// <summary>Queues the mail unless its key is already there; another instance may win the race, and that is fine.</summary>
    private async Task<int> QueueAsync(string tenantId, string key, string kind, IReadOnlyList<string> to, string subject, string html,
        string? attachmentName, byte[]? attachment, DateTime now, CancellationToken ct, bool sent = false)
    {
        if (await KeyExistsAsync(tenantId, key, ct))
        {
            db.ChangeTracker.Clear(); // queued by another instance since this pass looked: what was written for it (history) goes too
            return 0;
        }
        db.OutboxMails.Add(new OutboxMail
        {
            TenantId = tenantId, Key = key, Kind = kind, FromMailbox = O.SenderMailbox, To = string.Join(';', to), Subject = subject[..Math.Min(subject.Length, 500)],
            HtmlBody = html, AttachmentName = attachmentName, Attachment = attachment, CreatedAt = now, State = sent ? OutboxState.Sent : OutboxState.Pending,
        });
        db.Origin = ChangeOrigin.System;
        try
        {
            await db.SaveChangesAsync(ct);
            return sent ? 0 : 1;
        }
        catch (DbUpdateException)
        {
            // The unique key: another instance queued the same mail a moment earlier. Anything else is a real failure.
            db.ChangeTracker.Clear();
            if (await KeyExistsAsync(tenantId, key, ct)) return 0;
            throw;
        }
    }

    /// <summary>
    /// What the escalated reader needs to act: what is late and by how long, who owns it, the latest progress they gave,
    /// and what this level is asked to do, with the item one click away.
    /// </summary>
    private string EscalationBody(ActionItem item, int level, int late, bool zh)
    {
        string ask = (level, zh) switch
        {
            (1, true) => $"请与 {E(item.OwnerName)} 确认新的完成日期或所需的协助，并在窗格中更新。",
            (1, false) => $"Please talk to {E(item.OwnerName)}: agree a new date, or the help they need, and record it in the pane.",
            (2, true) => $"请帮助 {E(item.OwnerName)} 排除阻碍，或将此事项改派他人。",
            (2, false) => $"Please help {E(item.OwnerName)} clear what holds it up, or hand the item to someone else.",
            (_, true) => "请决定：重新安排、改派，或在会议纪要中取消此事项。",
            _ => "Please decide: re-plan it, re-assign it, or cancel it in the minutes.",
        };
        var html = new StringBuilder(MailHtml.Open);
        html.Append(zh ? $"<p>以下行动项已<b>逾期 {late} 天</b>，现升级至您处（第 {level} 级）：</p>"
                       : $"<p>This action item is <b>{late} days late</b> and is escalated to you (level {level}):</p>");
        html.Append("<table style=\"border-collapse:collapse\">");
        void Row(string label, string value) => html.Append(CultureInfo.InvariantCulture, $"<tr><th style=\"text-align:left;padding:2px 8px\">{label}</th><td style=\"padding:2px 8px\">{value}</td></tr>");
        Row(zh ? "行动项" : "Item", $"<a href=\"{E(O.ItemLink(item.Id))}\">{E(item.Title)}</a>");
        Row(zh ? "负责人" : "Owner", $"{E(item.OwnerName)} &lt;{E(item.OwnerEmail)}&gt;");
        Row(zh ? "截止日期" : "Due", $"{item.DueDate:yyyy-MM-dd}");
        Row(zh ? "最新进展" : "Latest progress", E(item.ProgressNote ?? (zh ? "（尚无进展说明）" : "(no progress note yet)")));
        Row(item.MeetingId is null ? (zh ? "项目" : "Project") : (zh ? "会议" : "Meeting"), E(item.SourceName));
        html.Append("</table>");
        html.Append(CultureInfo.InvariantCulture, $"<p><b>{ask}</b></p>");
        html.Append(MailHtml.Close(zh, zh ? "点击行动项可在 Outlook 的 CollabAddin 窗格中打开它。" : "Click the item to open it in the CollabAddin pane in Outlook."));
        return html.ToString();
    }

    // No-break spaces: "9 days late" must not be split across lines in a narrow mail pane.
    private static string Late(int days, bool zh) => zh ? $"（逾期\u00a0{days}\u00a0天）" : $" ({days}\u00a0days\u00a0late)";
    private static string E(string? s) => InviteBody.Encode(s);

    internal static DateTime Local(DateTime utc, string zone) => TimeZones.Local(utc, zone);
}
