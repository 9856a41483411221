using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Decisions;
using CollabAddin.Api.Meetings;
using CollabAddin.Minutes;

namespace CollabAddin.Api.Minutes;

/// <summary>Our meeting, as the minutes library sees it (its own plain records: it knows nothing of EF or ASP.NET).</summary>
internal static class MinutesMapping
{
    public static MinutesMeeting ToMinutes(Meeting m, IReadOnlyList<ActionItem> items, IReadOnlyList<Decision> decisions)
    {
        int? Number(Guid? agendaItemId) => m.Agenda.FirstOrDefault(a => a.Id == agendaItemId) is { } a ? a.Position + 1 : null;
        return new MinutesMeeting(m.Id, m.Subject, m.Goal, Local(m.StartUtc, m.TimeZone), Local(m.EndUtc, m.TimeZone), m.TimeZone, m.Location, m.Invite.JoinUrl,
            m.Attendees.Select(a =>
            {
                var recorded = m.Attendance.FirstOrDefault(r => r.Email == a.Email);
                return new MinutesPerson(a.Email, a.DisplayName, a.Department, a.Kind == AttendanceKind.Core,
                    a.Roles.HasFlag(MeetingRoles.Host), a.Roles.HasFlag(MeetingRoles.NoteTaker), a.Roles.HasFlag(MeetingRoles.Timekeeper),
                    // Until minutes record who came, the invite's answers pre-fill it: accepted as present, declined as absent.
                    recorded?.Status ?? a.Response switch { "accepted" => "present", "declined" => "absent", _ => null }, recorded?.Delegate);
            }).ToList(),
            m.Agenda.OrderBy(a => a.Position).Select(a => new MinutesAgendaItem(a.Id, a.Position + 1, a.Topic, a.OwnerEmail, a.PlannedMinutes, a.ExpectedOutput,
                a.ActualSeconds is { } seconds ? (int)Math.Round(seconds / 60.0, MidpointRounding.AwayFromZero) : null)).ToList())
        {
            ActionItems = items.Where(i => i.Status != ActionItemStatus.Cancelled).Select(i => new MinutesActionItem(i.Id, i.Title, i.OwnerName, i.DueDate,
                i.LeadDepartment?.Name, i.CooperatingDepartments.Select(c => c.Department!.Name).ToList(), Number(i.AgendaItemId), i.Status.ToWire())).ToList(),
            Decisions = decisions.Where(d => d.Status != DecisionStatus.Revoked).Select(d => new MinutesDecision(d.Id, d.Text, d.OwnerName, Number(d.AgendaItemId))).ToList(),
        };
    }

    public static MinutesOpenItem ToMinutes(Series.OpenItem o, string zone) =>
        new(o.Id, o.Title, o.OwnerName, o.DueDate, o.Status, o.Progress, DateOnly.FromDateTime(Local(o.FromStartUtc, zone)));

    /// <param name="carried">Items earlier occurrences of the series left open: their owners are known names here too.</param>
    public static MinutesContext Context(Meeting m, IReadOnlyList<ActionItem> items, IReadOnlyList<ActionItem>? carried = null) =>
        new(DateOnly.FromDateTime(Local(m.StartUtc, m.TimeZone)),
            m.Attendees.Select(a => new ResolvedPerson(a.Email, a.DisplayName))
                .Concat((carried ?? []).Where(c => m.Attendees.All(a => a.Email != c.OwnerEmail)).DistinctBy(c => c.OwnerEmail).Select(c => new ResolvedPerson(c.OwnerEmail, c.OwnerName)))
                .ToList(),
            m.Agenda.OrderBy(a => a.Position).Select(a => new MinutesAgendaRef(a.Id, a.Position + 1, a.Topic)).ToList())
        {
            KnownTitles = items.Concat(carried ?? []).ToDictionary(i => i.Id, i => i.Title),
        };

    private static DateTime Local(DateTime utc, string zone) => TimeZones.Local(utc, zone);
}
