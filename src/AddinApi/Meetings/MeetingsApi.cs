using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Decisions;
using CollabAddin.Api.Http;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Meetings;

public static class MeetingsApi
{
    public static void MapMeetings(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/meetings").RequireAuthorization(AuthSetup.ApiUserPolicy).WithTags("Meetings");
        api.MapGet("/{id:guid}/action-items", ActionItems).WithSummary("Everything that came out of the meeting, by due date.");
        api.MapGet("/{id:guid}/decisions", Decisions).WithSummary("The meeting's decision register.");
    }

    private static async Task<IResult> ActionItems(Guid id, Caller caller, CollabDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await Refuse(db, id, caller, ct) is { } refusal) return refusal;
        var now = clock.GetUtcNow().UtcDateTime;
        var items = await db.ActionItems.Where(i => i.MeetingId == id)
            .OrderBy(i => i.DueDate == null).ThenBy(i => i.DueDate).ThenBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .Select(ActionItemResponse.Projection)
            .ToListAsync(ct);
        return TypedResults.Ok(items.Select(i => i.AsOf(now)).ToList());
    }

    private static async Task<IResult> Decisions(Guid id, Caller caller, CollabDb db, CancellationToken ct)
    {
        if (await Refuse(db, id, caller, ct) is { } refusal) return refusal;
        var decisions = await db.Decisions.Where(d => d.MeetingId == id)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .Select(DecisionResponse.Projection)
            .ToListAsync(ct);
        return TypedResults.Ok(decisions);
    }

    /// <summary>404 when the meeting is not in the caller's tenant, 403 when the caller is not part of it.</summary>
    internal static async Task<IResult?> Refuse(CollabDb db, Guid id, Caller caller, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
            return Problems.Problem(StatusCodes.Status404NotFound, "No such meeting.");
        return MeetingAccess.Of(meeting, caller).CanSee
            ? null
            : Problems.Problem(StatusCodes.Status403Forbidden, "Only the organizer and the attendees of this meeting can see it.");
    }
}
