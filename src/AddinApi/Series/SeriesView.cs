using System.Globalization;
using CollabAddin.Api.Data;
using CollabAddin.Api.Meetings;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Series;

/// <param name="Number">This occurrence's place in the series (1-based), of <paramref name="Count"/> not cancelled.</param>
/// <param name="Description">How it repeats, in the caller's language.</param>
public sealed record SeriesRef(Guid Id, string Description, int Number, int Count, Guid? PreviousId, Guid? NextId, InviteState State, int Version);

/// <summary>A meeting response completed with its series and open items (two small queries, only for occurrences).</summary>
public static class SeriesView
{
    public static async Task<MeetingResponse> WithSeriesAsync(this MeetingResponse response, CollabDb db, Meeting m, CultureInfo culture, CancellationToken ct)
    {
        if (m.SeriesId is not { } id) return response;
        var series = await db.Series.AsNoTracking().SingleAsync(s => s.Id == id, ct);
        var occurrences = await Occurrences(db, id).Select(o => o.Id).ToListAsync(ct);
        var at = occurrences.IndexOf(m.Id);
        return response with
        {
            Series = new SeriesRef(id, SeriesWords.Describe(series, culture), at + 1, occurrences.Count,
                at > 0 ? occurrences[at - 1] : null, at >= 0 && at < occurrences.Count - 1 ? occurrences[at + 1] : null, series.Invite.State, series.Version),
            OpenItems = await CarryForward.OpenItemsAsync(db, m, ct),
        };
    }

    /// <summary>A series' occurrences that still take place, in order.</summary>
    public static IQueryable<Meeting> Occurrences(CollabDb db, Guid seriesId) =>
        db.Meetings.Where(o => o.SeriesId == seriesId && o.Invite.State != InviteState.Cancelled && o.Invite.State != InviteState.CancelPending).OrderBy(o => o.StartUtc);
}
