using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Data;
using CollabAddin.Api.Meetings;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Series;

/// <summary>An item an earlier occurrence left open, as the next occurrence's agenda, invite and minutes show it.</summary>
/// <param name="Status">The wire name (open, inProgress, blocked).</param>
/// <param name="Progress">The owner's latest progress note.</param>
public sealed record OpenItem(Guid Id, string Title, string OwnerEmail, string OwnerName, DateOnly? DueDate, string Status, string? Progress, bool NeedsHelp,
    Guid FromMeetingId, DateTime FromStartUtc);

/// <summary>
/// The series' open work carried into each occurrence: every item of an earlier occurrence that is not done or
/// cancelled. Read when asked, never copied: the next occurrence updates the same item (history source minutes).
/// </summary>
public static class CarryForward
{
    /// <summary>Items of the occurrences before this one, open in the SQL sense (one query, no per-meeting round trip).</summary>
    public static IQueryable<ActionItem> Carried(CollabDb db, Meeting m) =>
        Earlier(db, m).Where(i => i.Status != ActionItemStatus.Done && i.Status != ActionItemStatus.Cancelled);

    /// <summary>
    /// Items of earlier occurrences the document names by id whatever their status: a row closed by this meeting's
    /// minutes is no longer open, and publishing the same minutes again must update it, not create it anew.
    /// </summary>
    public static IQueryable<ActionItem> Named(CollabDb db, Meeting m, IReadOnlyCollection<Guid> ids) =>
        Earlier(db, m).Where(i => ids.Contains(i.Id));

    /// <summary>Every item of the series' occurrences before this one.</summary>
    private static IQueryable<ActionItem> Earlier(CollabDb db, Meeting m) =>
        db.ActionItems.Where(i => db.Meetings.Any(e => e.Id == i.MeetingId && e.SeriesId == m.SeriesId && e.StartUtc < m.StartUtc));

    public static async Task<IReadOnlyList<OpenItem>> OpenItemsAsync(CollabDb db, Meeting m, CancellationToken ct)
    {
        if (m.SeriesId is null) return [];
        var rows = await Carried(db, m).AsNoTracking()
            .Join(db.Meetings, i => i.MeetingId, e => e.Id, (i, e) => new { i.Id, i.Title, i.OwnerEmail, i.OwnerName, i.DueDate, i.Status, i.ProgressNote, i.NeedsHelp, i.MeetingId, e.StartUtc, i.CreatedAt })
            .ToListAsync(ct);
        // Oldest meeting first, then by due date: the order the note-taker walks them ("from last week…").
        return rows.OrderBy(r => r.StartUtc).ThenBy(r => r.DueDate ?? DateOnly.MaxValue).ThenBy(r => r.CreatedAt)
            .Select(r => new OpenItem(r.Id, r.Title, r.OwnerEmail, r.OwnerName, r.DueDate, r.Status.ToWire(), r.ProgressNote, r.NeedsHelp, r.MeetingId!.Value, r.StartUtc))
            .ToList();
    }
}
