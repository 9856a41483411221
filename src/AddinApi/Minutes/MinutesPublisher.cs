using System.Globalization;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Decisions;
using CollabAddin.Api.Departments;
using CollabAddin.Api.Http;
using CollabAddin.Api.Meetings;
using CollabAddin.Minutes;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Minutes;

/// <summary>
/// Publishes what a minutes document says into the tracked store, in one transaction: action items created, updated
/// or cancelled by a three-way merge, decisions into their register, attendance recorded. Publishing the same
/// document again changes nothing.
/// </summary>
/// <remarks>
/// The merge per field: if the document's value differs from what the minutes last published, the document changed
/// it and it is applied. Status and progress also move in the task pane: when the assignee changed a field since the
/// last publish and the document changed it too, the document wins and the case is listed as a conflict; when only
/// the assignee changed it, it stays. A row gone from the document cancels its item, unless the assignee has already
/// moved it: then it is left alone and listed as a conflict.
/// </remarks>
public sealed class MinutesPublisher(CollabDb db, TimeProvider clock)
{
    /// <param name="items">The meeting's items as the caller read them for the reader's context: tracked in this
    /// publisher's context, with their departments. Passed in, not read twice.</param>
    /// <param name="culture">The language the report speaks (zh-CN or en-US).</param>
    /// <param name="carried">In a series: the open items of earlier occurrences (tracked, with departments). Their rows
    /// update them in place; a row of theirs gone from this document leaves them alone (they belong to another meeting).</param>
    public async Task<PublishReport> PublishAsync(Meeting meeting, List<ActionItem> items, IReadOnlyList<ActionItem> carried, MinutesContent content, byte[] document, string sha256, Caller caller,
        CultureInfo culture, CancellationToken ct)
    {
        var run = new Run(db, meeting, culture, clock.GetUtcNow().UtcDateTime);
        await run.LoadAsync(items, carried, ct);
        foreach (var row in content.ActionItems) run.Apply(row);
        run.CancelRemovedRows();
        await run.ApplyDecisionsAsync(content.Decisions, ct);
        run.ApplyAttendance(content.Attendance);
        var warnings = content.Warnings.Select(w => MinutesWords.Warning(w, culture)).Concat(run.Warnings).ToList();

        Guid? publication = null;
        // A publish that changes nothing stores nothing — except the meeting's first, and one whose notes changed: the
        // minutes themselves (notes, attendance, decisions) are what attendees get mailed, even with no action item in them.
        var notes = NotesDigest(content);
        var last = await db.MinutesPublications.Where(p => p.MeetingId == meeting.Id).OrderByDescending(p => p.PublishedAt)
            .Select(p => new { p.NotesDigest }).FirstOrDefaultAsync(ct);
        if (run.ChangedAnything || last is null || last.NotesDigest != notes)
        {
            var record = new MinutesPublication
            {
                TenantId = meeting.TenantId, MeetingId = meeting.Id, PublishedAt = run.Now, ByEmail = caller.Email, Sha256 = sha256, NotesDigest = notes, Document = document,
                Created = run.Created.Count, Updated = run.Updated.Count, Cancelled = run.Cancelled.Count, Conflicts = run.Conflicts.Count, Warnings = warnings.Count,
            };
            db.MinutesPublications.Add(record);
            publication = record.Id;
        }
        db.Origin = new ChangeOrigin(caller.Email, caller.Name, ChangeSource.Minutes);
        await db.SaveChangesAsync(ct); // everything above lands together, or nothing does
        return new PublishReport(publication, run.Created, run.Updated, run.Unchanged, run.Cancelled, run.Conflicts, run.Skipped, warnings,
            [.. run.Created, .. run.Updated.Select(u => new RowResult(u.Row, u.Id, u.Title, u.Table, u.RowNumber)), .. run.Unchanged],
            new DecisionCounts(run.DecisionsCreated, run.DecisionsUpdated, run.DecisionsRevoked), content.Attendance.Count);
    }

    /// <summary>The notes per agenda item and the next-meeting text, hashed: what a publish may change without touching the store.</summary>
    private static string NotesDigest(MinutesContent content)
    {
        var text = string.Join('\u001f', content.Notes.Select(n => $"{n.AgendaItemId}\u001e{n.Notes}").Append(content.NextMeeting ?? ""));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    private sealed class Run(CollabDb db, Meeting meeting, CultureInfo culture, DateTime now)
    {
        public DateTime Now => now;
        public List<RowResult> Created { get; } = [];
        public List<UpdatedRow> Updated { get; } = [];
        public List<RowResult> Unchanged { get; } = [];
        public List<CancelledItem> Cancelled { get; } = [];
        public List<MergeConflict> Conflicts { get; } = [];
        public List<SkippedRow> Skipped { get; } = [];
        public List<PublishWarning> Warnings { get; } = [];
        public int DecisionsCreated, DecisionsUpdated, DecisionsRevoked;
        private bool _attendanceChanged;
        public bool ChangedAnything => Created.Count + Updated.Count + Cancelled.Count + DecisionsCreated + DecisionsUpdated + DecisionsRevoked > 0
            || Conflicts.Any(c => c.Resolution == "documentWins") || _attendanceChanged;

        private List<ActionItem> _items = [];
        // Published items by the normalized title the minutes last gave them: matching a row is a lookup, not a scan
        // that would deserialize every item's merge base for every row (quadratic; see BENCHMARKS.md).
        private readonly Dictionary<string, List<ActionItem>> _byTitle = new(StringComparer.Ordinal);
        private Dictionary<string, Department> _departments = [];
        private readonly HashSet<Guid> _matched = [];

        public async Task LoadAsync(List<ActionItem> items, IReadOnlyList<ActionItem> carried, CancellationToken ct)
        {
            if (items.Any(i => i.MeetingId != meeting.Id || db.Entry(i).State == EntityState.Detached))
                throw new ArgumentException("Pass this meeting's items, tracked by this context.", nameof(items));
            if (carried.Any(i => i.MeetingId == meeting.Id || db.Entry(i).State == EntityState.Detached))
                throw new ArgumentException("Pass earlier meetings' items, tracked by this context.", nameof(carried));
            _items = [.. items, .. carried];
            _departments = (await db.Departments.ToListAsync(ct)).ToDictionary(d => d.Name.Trim(), StringComparer.OrdinalIgnoreCase);
            foreach (var item in _items)
                if (PublishedRow.FromJson(item.PublishedRow) is { } published)
                    Index(item, published.Title);
        }

        public void Apply(ActionRow row)
        {
            var at = MinutesWords.Where(row.Location, null, culture);
            var (table, number) = (row.Location.Number, row.Location.Row);
            if (row.Title.Length > CollabModel.TitleLength)
            {
                Warnings.Add(new PublishWarning(at, Messages.Format("minutes.titleShortened", culture, CollabModel.TitleLength), "titleShortened"));
                row = row with { Title = row.Title[..CollabModel.TitleLength] };
            }
            var item = Match(row);
            if (item is null)
            {
                if (row.Owner is null)
                {
                    Skipped.Add(new SkippedRow(at, Messages.Format("minutes.noOwnerSkipped", culture), table, number));
                    return;
                }
                item = new ActionItem
                {
                    TenantId = meeting.TenantId, MeetingId = meeting.Id, ProjectId = meeting.ProjectId, Title = row.Title, OwnerEmail = row.Owner.Email, OwnerName = row.Owner.DisplayName,
                    OwnerObjectId = AccountOf(row.Owner.Email),
                    DueDate = row.Due, TimeZone = meeting.TimeZone, AgendaItemId = row.AgendaItemId,
                    Status = ActionItemStatusRules.TryParse(row.Status, out var status) ? status : ActionItemStatus.Open,
                };
                SetDepartments(item, row.LeadDepartment, row.CooperatingDepartments, at);
                item.PublishedRow = PublishedRow.Of(item).ToJson();
                db.ActionItems.Add(item);
                _items.Add(item);
                _matched.Add(item.Id);
                Created.Add(new RowResult(at, item.Id, item.Title, table, number));
                return;
            }

            _matched.Add(item.Id);
            var current = PublishedRow.Of(item);
            var previous = PublishedRow.FromJson(item.PublishedRow) ?? current;
            var document = new PublishedRow(row.Title, row.Owner?.Email ?? previous.OwnerEmail, row.Due ?? (row.DueText.Length == 0 ? null : previous.Due),
                row.LeadDepartment, row.CooperatingDepartments, row.AgendaItemId ?? (row.AgendaText.Length == 0 ? null : previous.AgendaItemId), row.Status);
            // A carried item's row (the open-items table) has no department or agenda columns, and this meeting's agenda
            // is not its own: those stay as its meeting published them.
            if (item.MeetingId != meeting.Id)
                document = document with { Lead = previous.Lead, Cooperating = previous.Cooperating, AgendaItemId = previous.AgendaItemId };
            var fields = new List<string>();
            if (document.Title != previous.Title && document.Title != item.Title) { item.Title = document.Title; fields.Add("title"); }
            if (document.OwnerEmail != previous.OwnerEmail && document.OwnerEmail != item.OwnerEmail)
            {
                item.OwnerEmail = document.OwnerEmail;
                item.OwnerName = row.Owner!.DisplayName;
                item.OwnerObjectId = AccountOf(document.OwnerEmail);
                fields.Add("owner");
            }
            if (document.Due != previous.Due && document.Due != item.DueDate) { item.DueDate = document.Due; fields.Add("dueDate"); }
            if (document.AgendaItemId != previous.AgendaItemId && document.AgendaItemId != item.AgendaItemId) { item.AgendaItemId = document.AgendaItemId; fields.Add("agendaItem"); }
            var lead = !string.Equals(document.Lead, previous.Lead, StringComparison.OrdinalIgnoreCase) && !string.Equals(document.Lead, current.Lead, StringComparison.OrdinalIgnoreCase);
            var cooperating = !PublishedRow.Same(document.Cooperating, previous.Cooperating) && !PublishedRow.Same(document.Cooperating, current.Cooperating);
            if (lead || cooperating)
            {
                SetDepartments(item, lead ? document.Lead : current.Lead, cooperating ? document.Cooperating : current.Cooperating, at);
                if (lead) fields.Add("leadDepartment");
                if (cooperating) fields.Add("cooperatingDepartments");
            }
            MergeStatus(item, document.Status, previous.Status, current.Status, at, fields);
            item.PublishedRow = (document with { Status = document.Status ?? previous.Status }).ToJson();
            if (fields.Count > 0) Updated.Add(new UpdatedRow(at, item.Id, item.Title, fields, table, number));
            else Unchanged.Add(new RowResult(at, item.Id, item.Title, table, number));
        }

        private void MergeStatus(ActionItem item, string? document, string? previous, string? current, string at, List<string> fields)
        {
            if (item.Status == ActionItemStatus.Cancelled && document != "cancelled")
            {
                // The row is back in the minutes: so is the item.
                item.Status = ActionItemStatusRules.TryParse(document, out var back) ? back : ActionItemStatus.Open;
                fields.Add("status");
                return;
            }
            if (document is null || document == previous || document == current || !ActionItemStatusRules.TryParse(document, out var wanted))
                return;
            if (current != previous)
                Conflicts.Add(new MergeConflict(at, item.Id, item.Title, "status", document, current, "documentWins",
                    Messages.Format("minutes.statusConflict", culture, item.OwnerName, MinutesWords.Status(current, culture), MinutesWords.Status(document, culture))));
            item.Status = wanted;
            if (wanted == ActionItemStatus.Done) item.NeedsHelp = false;
            if (!item.NeedsHelp) item.NeedsHelpReason = null;
            fields.Add("status");
        }

        /// <summary>The owner's account as the meeting knows it (bound at planning or at their sign-in), or none yet.</summary>
        private string? AccountOf(string email) => meeting.Attendees.FirstOrDefault(a => a.Email == email)?.ObjectId;

        /// <summary>A row without an id (tags lost, or never stamped) is the published item with the same title, if exactly one is.</summary>
        private ActionItem? Match(ActionRow row)
        {
            if (row.Id is { } id && _items.FirstOrDefault(i => i.Id == id && !_matched.Contains(i.Id)) is { } byId)
                return byId;
            var candidates = _byTitle.GetValueOrDefault(Normalize(row.Title), []).Where(i => !_matched.Contains(i.Id)).ToList();
            if (candidates.Count > 1 && row.Owner is not null)
                candidates = candidates.Where(i => i.OwnerEmail == row.Owner.Email).ToList();
            return candidates.Count == 1 ? candidates[0] : null;
        }

        private void Index(ActionItem item, string title)
        {
            var key = Normalize(title);
            if (!_byTitle.TryGetValue(key, out var list)) _byTitle[key] = list = [];
            list.Add(item);
        }

        public void CancelRemovedRows()
        {
            foreach (var item in _items.Where(i => i.MeetingId == meeting.Id && i.PublishedRow is not null && !_matched.Contains(i.Id) && i.Status != ActionItemStatus.Cancelled))
            {
                var previous = PublishedRow.FromJson(item.PublishedRow)!;
                var moved = item.Status.ToWire() != (previous.Status ?? "open") || item.ProgressNote is not null || item.NeedsHelp;
                if (moved)
                {
                    Conflicts.Add(new MergeConflict(null, item.Id, item.Title, "row", null, item.Status.ToWire(), "leftAlone",
                        Messages.Format("minutes.removedButWorked", culture, item.Title, item.OwnerName, MinutesWords.Status(item.Status.ToWire(), culture))));
                    continue;
                }
                item.Status = ActionItemStatus.Cancelled;
                item.NeedsHelp = false;
                item.NeedsHelpReason = null;
                item.PublishedRow = (previous with { Status = "cancelled" }).ToJson();
                Cancelled.Add(new CancelledItem(item.Id, item.Title));
            }
        }

        public async Task ApplyDecisionsAsync(IReadOnlyList<DecisionRow> rows, CancellationToken ct)
        {
            var existing = await db.Decisions.Where(d => d.MeetingId == meeting.Id).ToListAsync(ct);
            var seen = new HashSet<Guid>();
            foreach (var row in rows)
            {
                var decision = existing.FirstOrDefault(d => d.Id == row.Id && !seen.Contains(d.Id))
                    ?? existing.FirstOrDefault(d => !seen.Contains(d.Id) && Normalize(d.Text) == Normalize(row.Text));
                if (decision is null)
                {
                    decision = new Decision { TenantId = meeting.TenantId, MeetingId = meeting.Id, Text = row.Text, CreatedAt = now, UpdatedAt = now };
                    db.Decisions.Add(decision);
                    existing.Add(decision);
                    DecisionsCreated++;
                }
                seen.Add(decision.Id);
                decision.CapturedAt = null; // in the minutes now: from here on the minutes keep it
                var text = row.Text.Length <= CollabModel.TextLength ? row.Text : row.Text[..CollabModel.TextLength];
                var changed = decision.Text != text || decision.AgendaItemId != (row.AgendaItemId ?? decision.AgendaItemId)
                    || row.Owner is not null && decision.OwnerEmail != row.Owner.Email || row.Due is not null && decision.DueDate != row.Due
                    || decision.RevokedByMinutes;
                if (!changed) continue;
                if (db.Entry(decision).State != EntityState.Added) { DecisionsUpdated++; decision.Version++; }
                decision.Text = text;
                decision.AgendaItemId = row.AgendaItemId ?? decision.AgendaItemId;
                if (row.Owner is not null) (decision.OwnerEmail, decision.OwnerName, decision.OwnerObjectId) = (row.Owner.Email, row.Owner.DisplayName, AccountOf(row.Owner.Email));
                decision.DueDate = row.Due ?? decision.DueDate;
                if (decision.RevokedByMinutes) (decision.Status, decision.RevokedByMinutes) = (DecisionStatus.Agreed, false); // back in the minutes
                decision.UpdatedAt = now;
            }
            // Gone from the minutes: kept in the register, marked as no longer standing. One already revoked or
            // superseded in the register is left as it is.
            // A decision captured live and never yet in the minutes is not "gone": the note-taker's copy may predate it.
            foreach (var gone in existing.Where(d => !seen.Contains(d.Id) && d.CapturedAt is null && d.Status is not (DecisionStatus.Revoked or DecisionStatus.Superseded)))
            {
                (gone.Status, gone.RevokedByMinutes, gone.UpdatedAt) = (DecisionStatus.Revoked, true, now);
                gone.Version++;
                DecisionsRevoked++;
            }
        }

        public void ApplyAttendance(IReadOnlyList<AttendanceRow> rows)
        {
            var recorded = rows.Where(r => r.Status != "unknown").ToList();
            if (recorded.Count == 0) return; // no marks at all: nothing recorded in this copy, keep what was
            static string Key(string? email, string name, string status, string? delegated) => $"{email}|{name}|{status}|{delegated}";
            var same = recorded.Select(r => Key(r.Email, r.Name, r.Status, r.Delegate)).Order(StringComparer.Ordinal)
                .SequenceEqual(meeting.Attendance.Select(a => Key(a.Email, a.Name, a.Status, a.Delegate)).Order(StringComparer.Ordinal));
            if (same) return;
            meeting.Attendance.Clear();
            meeting.Attendance.AddRange(recorded.Select(r => new AttendanceRecord { Email = r.Email, Name = Clip(r.Name, CollabModel.NameLength), Status = r.Status, Delegate = r.Delegate is null ? null : Clip(r.Delegate, CollabModel.NameLength) }));
            _attendanceChanged = true;
        }

        private void SetDepartments(ActionItem item, string? lead, IReadOnlyList<string> cooperating, string at)
        {
            var leadDepartment = lead is null ? null : Department(lead, at);
            item.LeadDepartmentId = leadDepartment?.Id;
            item.LeadDepartment = leadDepartment;
            var wanted = cooperating.Select(c => Department(c, at)).DistinctBy(d => d.Id).ToList();
            item.CooperatingDepartments.RemoveAll(c => wanted.All(w => w.Id != c.DepartmentId));
            foreach (var d in wanted.Where(w => item.CooperatingDepartments.All(c => c.DepartmentId != w.Id)))
                item.CooperatingDepartments.Add(new CooperatingDepartment { ActionItemId = item.Id, DepartmentId = d.Id, Department = d });
        }

        /// <summary>A department named in the minutes; one nobody set up yet is created so nothing typed is lost, and said so.</summary>
        private Department Department(string name, string at)
        {
            var key = Clip(name.Trim(), CollabModel.NameLength);
            if (_departments.TryGetValue(key, out var department)) return department;
            department = new Department { TenantId = meeting.TenantId, Name = key };
            db.Departments.Add(department);
            _departments[key] = department;
            // A department the meeting's plan names (an attendee's) is known: it is set up now, without a word.
            if (!meeting.Attendees.Any(a => string.Equals(a.Department?.Trim(), key, StringComparison.OrdinalIgnoreCase)))
                Warnings.Add(new PublishWarning(at, Messages.Format("minutes.newDepartment", culture, key), "newDepartment"));
            return department;
        }

        private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
    }
}
