using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Data;
using CollabAddin.Api.Decisions;
using CollabAddin.Api.Meetings;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Reports;

/// <summary>Builds the progress table and the figures from the store. Who sees which rows is decided by the caller of each method.</summary>
public sealed class ProgressReports(CollabDb db, TimeProvider clock)
{
    public sealed record Filter(Guid? MeetingId, string? Department, DateOnly? From, DateOnly? To);

    /// <summary>The weekly report: everything from the meetings this person organized.</summary>
    public Task<ProgressReport> ForOrganizerAsync(string tenantId, string organizer, CancellationToken ct) =>
        BuildAsync(db.ActionItems.IgnoreQueryFilters().Where(i => i.TenantId == tenantId && i.Meeting!.OrganizerEmail == organizer),
            db.Decisions.IgnoreQueryFilters().Where(d => d.TenantId == tenantId && db.Meetings.IgnoreQueryFilters().Any(m => m.Id == d.MeetingId && m.OrganizerEmail == organizer)),
            new Filter(null, null, null, null), ct);

    /// <summary>A project's report: its tasks and its meetings' items, for anyone taking part (the caller has been checked).</summary>
    public Task<ProgressReport> ForProjectAsync(Guid projectId, Filter filter, CancellationToken ct) =>
        BuildAsync(db.ActionItems.Where(i => i.ProjectId == projectId || i.Meeting!.ProjectId == projectId),
            db.Decisions.Where(d => db.Meetings.Any(m => m.Id == d.MeetingId && m.ProjectId == projectId)), filter, ct);

    /// <summary>
    /// On demand: organizers see their meetings' rows, department contacts their departments' rows, everyone their own.
    /// </summary>
    /// Owners, organizers and attendees are matched by account (Auth/PersonMatch); department contacts, whom tenant
    /// admins name by email, by email.
    public Task<ProgressReport> ForCallerAsync(Auth.Caller caller, Filter filter, CancellationToken ct)
    {
        var (email, oid) = (caller.Email, caller.ObjectId);
        // PersonMatch's rule in SQL form (bound rows carry their person's current email).
        var items = db.ActionItems.Where(i => i.OwnerEmail == email && (i.OwnerObjectId == oid || i.OwnerObjectId == null)
            || i.Meeting!.OrganizerEmail == email && (i.Meeting.OrganizerObjectId == oid || i.Meeting.OrganizerObjectId == null)
            || i.LeadDepartment!.ContactEmail == email || i.CooperatingDepartments.Any(c => c.Department!.ContactEmail == email));
        var visible = db.Meetings.VisibleTo(caller);
        var decisions = db.Decisions.Where(d => visible.Any(m => m.Id == d.MeetingId));
        return BuildAsync(items, decisions, filter, ct);
    }

    private async Task<ProgressReport> BuildAsync(IQueryable<ActionItem> items, IQueryable<Decision> decisions, Filter filter, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var to = filter.To ?? DateOnly.FromDateTime(now);
        var from = filter.From ?? to.AddDays(-90);
        if (filter.MeetingId is { } meeting) { items = items.Where(i => i.MeetingId == meeting); decisions = decisions.Where(d => d.MeetingId == meeting); }
        if (filter.Department is { Length: > 0 } department)
            items = items.Where(i => i.LeadDepartment!.Name == department || i.CooperatingDepartments.Any(c => c.Department!.Name == department));
        var loaded = await items.Where(i => i.Status != ActionItemStatus.Cancelled)
            .Include(i => i.Meeting).Include(i => i.Project).Include(i => i.LeadDepartment).Include(i => i.CooperatingDepartments).ThenInclude(c => c.Department)
            .AsSplitQuery().AsNoTracking().ToListAsync(ct);
        var ids = loaded.Select(i => i.Id).ToList();
        var history = await db.ActionItemChanges.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.ActionItemId))
            .Where(c => c.Field == "status" || c.Source == ChangeSource.TaskPane || c.Source == ChangeSource.Api)
            .Select(c => new { c.ActionItemId, c.At, c.Field, c.NewValue, c.ByEmail, c.Source }).ToListAsync(ct);

        // Done on the day the status last became done; an item that was created done (no such change) on its last update.
        DateOnly? DoneOn(ActionItem i) => i.Status != ActionItemStatus.Done ? null
            : history.Where(h => h.ActionItemId == i.Id && h.Field == "status" && h.NewValue == "done").OrderByDescending(h => h.At)
                .Select(h => (DateOnly?)DateOnly.FromDateTime(FollowUp.FollowUpPlanner.Local(h.At, i.TimeZone))).FirstOrDefault()
              ?? DateOnly.FromDateTime(FollowUp.FollowUpPlanner.Local(i.UpdatedAt, i.TimeZone));
        DateOnly Today(ActionItem i) => DateOnly.FromDateTime(FollowUp.FollowUpPlanner.Local(now, i.TimeZone));
        int DaysLate(ActionItem i) => i.DueDate is not { } due ? 0
            : i.Status == ActionItemStatus.Done ? Math.Max(0, (DoneOn(i) ?? due).DayNumber - due.DayNumber)
            : Math.Max(0, Today(i).DayNumber - due.DayNumber);

        var rows = loaded.Where(i => filter.From is null && filter.To is null || i.DueDate is { } d && d >= from && d <= to)
            .Select(i => new ProgressRow(i.Id, i.MeetingId, i.SourceName ?? "", i.Title, i.OwnerName, i.OwnerEmail, i.LeadDepartment?.Name,
                i.CooperatingDepartments.Select(c => c.Department!.Name).Order(StringComparer.Ordinal).ToList(), i.DueDate, i.Status.ToWire(),
                i.ProgressNote, DaysLate(i), i.DeviationReason)).ToList();

        var due = loaded.Where(i => i.DueDate is { } d && d >= from && d <= to).ToList();
        var doneByDue = due.Count(i => i.Status == ActionItemStatus.Done && DoneOn(i) is { } done && done <= i.DueDate);
        var firstUpdates = loaded.Where(i => DateOnly.FromDateTime(i.CreatedAt) >= from && DateOnly.FromDateTime(i.CreatedAt) <= to)
            .Select(i => history.Where(h => h.ActionItemId == i.Id && h.ByEmail == i.OwnerEmail && h.Source is ChangeSource.TaskPane or ChangeSource.Api)
                .OrderBy(h => h.At).Select(h => (double?)(h.At - i.CreatedAt).TotalHours).FirstOrDefault())
            .OfType<double>().ToList();
        var byDepartment = loaded.Where(i => i.LeadDepartment is not null).GroupBy(i => i.LeadDepartment!.Name)
            .Select(g => new DepartmentFigures(g.Key, g.Count(i => i.Status != ActionItemStatus.Done && i.DueDate < Today(i)), g.Count(i => i.Status == ActionItemStatus.Blocked)))
            .OrderBy(d => d.Department, StringComparer.Ordinal).ToList();
        var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        // From the register: decisions still standing (neither revoked nor replaced by another), and of them the implemented.
        var taken = await decisions.Where(d => d.Status != DecisionStatus.Revoked && d.Status != DecisionStatus.Superseded && d.CreatedAt >= fromUtc && d.CreatedAt < toUtc)
            .Select(d => d.Status).ToListAsync(ct);
        var carried = taken.Count(s => s == DecisionStatus.Implemented);

        return new ProgressReport(rows, new Figures(from, to, due.Count, doneByDue, due.Count == 0 ? null : (double)doneByDue / due.Count,
            firstUpdates.Count, firstUpdates.Count == 0 ? null : Math.Round(firstUpdates.Average(), 1), byDepartment,
            taken.Count, carried, taken.Count == 0 ? null : (double)carried / taken.Count));
    }
}
