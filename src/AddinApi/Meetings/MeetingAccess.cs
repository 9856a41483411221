using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Meetings;

/// <summary>What the caller is to a meeting. Rights follow from it: organizer and note-taker run the meeting.</summary>
public readonly record struct MeetingAccess(bool IsOrganizer, bool IsNoteTaker, bool IsAttendee)
{
    public static MeetingAccess Of(Meeting meeting, Caller caller)
    {
        var attendee = meeting.Attendees.FirstOrDefault(a => PersonMatch.Is(a.ObjectId, a.Email, caller));
        return new(PersonMatch.Is(meeting.OrganizerObjectId, meeting.OrganizerEmail, caller),
            attendee is not null && attendee.Roles.HasFlag(MeetingRoles.NoteTaker),
            attendee is not null);
    }

    public bool CanSee => IsOrganizer || IsAttendee;
    public bool Runs => IsOrganizer || IsNoteTaker;
}

/// <summary>Loading a meeting for a caller who must be part of it: the one home of "404 outside the tenant, 403 for anyone else".</summary>
public static class MeetingLookup
{
    /// <param name="tracked">Tracked when the handler changes the meeting.</param>
    public static async Task<(Meeting? Meeting, ProblemHttpResult? Refusal)> SeenByAsync(CollabDb db, Guid id, Caller caller, System.Globalization.CultureInfo culture,
        CancellationToken ct, bool tracked = false)
    {
        var meeting = await (tracked ? db.Meetings : db.Meetings.AsNoTracking()).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return (null, Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("meeting.notFound", culture)));
        return MeetingAccess.Of(meeting, caller).CanSee
            ? (meeting, null)
            : (null, Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format("meeting.cannotSee", culture)));
    }
}
