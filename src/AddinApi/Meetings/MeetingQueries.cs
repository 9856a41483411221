using CollabAddin.Api.Auth;

namespace CollabAddin.Api.Meetings;

/// <summary>Which meetings a caller sees, as SQL: the one home of <see cref="MeetingAccess.CanSee"/>'s rule for queries.</summary>
public static class MeetingQueries
{
    /// <summary>
    /// Meetings the caller organizes or attends. PersonMatch's rule as index seeks on the email (bound rows carry their
    /// person's current email, see PersonMatch): an email match counts only while the row is not bound to another account.
    /// </summary>
    public static IQueryable<Meeting> VisibleTo(this IQueryable<Meeting> meetings, Caller caller)
    {
        var (me, oid) = (caller.Email, caller.ObjectId);
        return meetings.Where(m => m.OrganizerEmail == me && (m.OrganizerObjectId == oid || m.OrganizerObjectId == null)
                                   || m.Attendees.Any(a => a.Email == me && (a.ObjectId == oid || a.ObjectId == null)));
    }

    /// <summary>Meetings the caller runs (<see cref="MeetingAccess.Runs"/>): as organizer or note-taker.</summary>
    public static IQueryable<Meeting> RunBy(this IQueryable<Meeting> meetings, Caller caller)
    {
        var (me, oid) = (caller.Email, caller.ObjectId);
        return meetings.Where(m => m.OrganizerEmail == me && (m.OrganizerObjectId == oid || m.OrganizerObjectId == null)
                                   || m.Attendees.Any(a => a.Email == me && (a.ObjectId == oid || a.ObjectId == null) && (a.Roles & MeetingRoles.NoteTaker) == MeetingRoles.NoteTaker));
    }
}
