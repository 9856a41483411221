using System.Globalization;
using System.Text.Json;
using CollabAddin.Api.ActionItems;

namespace CollabAddin.Api.Meetings;

public sealed record AttendeeResponse(string Email, string DisplayName, string? Department, AttendanceKind Kind, IReadOnlyList<string> Roles, string? Preparation);
public sealed record AgendaItemResponse(Guid Id, int Position, string Topic, string Discussion, PersonRef Owner, int PlannedMinutes, string ExpectedOutput);
public sealed record PreReadResponse(Guid Id, string Title, string Url, IReadOnlyList<string> Readers);
public sealed record InviteResponse(InviteState State, string? GraphEventId, string? ICalUId, string? WebLink, string? JoinUrl, string? Error, int Attempts, DateTime? NextAttemptAt);

/// <summary>A meeting as its people see it. Start and end come both as UTC instants and as local times in its zone.</summary>
public sealed record MeetingResponse(
    Guid Id, string Subject, string? Goal, DateTime StartUtc, DateTime EndUtc, string Start, string End, string TimeZone,
    string? Location, bool IsOnlineMeeting, string Language, PersonRef Organizer,
    IReadOnlyList<AttendeeResponse> Attendees, IReadOnlyList<AgendaItemResponse> Agenda, IReadOnlyList<PreReadResponse> PreReads,
    InviteResponse Invite, int Version, IReadOnlyList<PolicyFinding> Warnings)
{
    /// <summary>For an occurrence of a series: which one, and its neighbours.</summary>
    public Series.SeriesRef? Series { get; init; }
    /// <summary>For an occurrence of a series: what earlier occurrences left open (carried forward, not copied).</summary>
    public IReadOnlyList<Series.OpenItem> OpenItems { get; init; } = [];
    /// <summary>The organizer's saved changes are not yet sent to attendees (see <see cref="Meeting.AgendaDraft"/>).</summary>
    public bool AgendaDraft { get; init; }
    /// <summary>The collaboration project the meeting belongs to (its kickoff, its regular meetings), if any.</summary>
    public Guid? ProjectId { get; init; }

    public static MeetingResponse From(Meeting m, IReadOnlyList<PolicyFinding>? warnings = null)
    {
        string Name(string email) => m.Attendees.FirstOrDefault(a => a.Email == email)?.DisplayName ?? email;
        return new(m.Id, m.Subject, m.Goal, m.StartUtc, m.EndUtc, Local(m.StartUtc, m.TimeZone), Local(m.EndUtc, m.TimeZone), m.TimeZone,
            m.Location, m.IsOnlineMeeting, m.Language ?? "en-US", new PersonRef(m.OrganizerEmail, m.OrganizerName),
            m.Attendees.Select(a => new AttendeeResponse(a.Email, a.DisplayName, a.Department, a.Kind, RoleNames(a.Roles), a.Preparation)).ToList(),
            m.Agenda.OrderBy(a => a.Position).Select(a => new AgendaItemResponse(a.Id, a.Position, a.Topic, a.Discussion,
                new PersonRef(a.OwnerEmail, Name(a.OwnerEmail)), a.PlannedMinutes, a.ExpectedOutput)).ToList(),
            m.PreReads.OrderBy(p => p.Position).Select(p => new PreReadResponse(p.Id, p.Title, p.Url, p.ReaderList)).ToList(),
            new InviteResponse(m.Invite.State, m.Invite.GraphEventId, m.Invite.ICalUId, m.Invite.WebLink, m.Invite.JoinUrl, m.Invite.Error,
                m.Invite.Attempts, m.Invite.NextAttemptAt),
            m.Version, warnings ?? [])
        {
            AgendaDraft = m.AgendaDraft,
            ProjectId = m.ProjectId,
        };
    }

    public static IReadOnlyList<string> RoleNames(MeetingRoles roles) =>
        Enum.GetValues<MeetingRoles>().Where(r => r != MeetingRoles.None && roles.HasFlag(r))
            .Select(r => JsonNamingPolicy.CamelCase.ConvertName(r.ToString())).ToList();

    private static string Local(DateTime utc, string zoneId)
    {
        return TimeZones.Local(utc, zoneId).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
    }
}

/// <param name="InviteError">Why Graph refused the invite, when <paramref name="InviteState"/> is failed.</param>
/// <param name="Items">How the meeting's action items stand: the organizer's list shows it without opening each meeting.</param>
public sealed record MeetingSummary(Guid Id, string Subject, DateTime StartUtc, DateTime EndUtc, string TimeZone, PersonRef Organizer,
    IReadOnlyList<string> MyRoles, bool IAmOrganizer, InviteState InviteState, string? InviteError, ItemProgress Items);

/// <param name="Overdue">Open items past their due date in their own time zone.</param>
public sealed record ItemProgress(int Total, int Done, int Overdue)
{
    public static readonly ItemProgress None = new(0, 0, 0);
}

public sealed record MeetingList(IReadOnlyList<MeetingSummary> Items);
