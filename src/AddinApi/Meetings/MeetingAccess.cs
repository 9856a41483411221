using CollabAddin.Api.Auth;

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
