using System.Globalization;
using CollabAddin.Api.Auth;

namespace CollabAddin.Api.Meetings;

/// <summary>Turns a checked plan into the stored meeting, keeping the ids of agenda items that already exist.</summary>
public static class MeetingPlanner
{
    /// <summary>Call only with a plan whose verdict has no errors.</summary>
    public static void Apply(Meeting meeting, MeetingPlan plan, PlanCheck check, CultureInfo language, DateTime now)
    {
        meeting.Subject = plan.Subject!.Trim();
        meeting.Goal = plan.Goal!.Trim();
        meeting.StartUtc = check.StartUtc!.Value;
        meeting.EndUtc = check.EndUtc!.Value;
        meeting.TimeZone = plan.TimeZone!.Trim();
        meeting.Location = string.IsNullOrWhiteSpace(plan.Location) ? null : plan.Location.Trim();
        meeting.IsOnlineMeeting = plan.IsOnlineMeeting;
        meeting.Language = language.Name;

        var planned = (plan.Attendees ?? []).Select(a => new MeetingAttendee
        {
            Email = Emails.Normalize(a.Email!),
            DisplayName = a.DisplayName!.Trim(),
            Department = string.IsNullOrWhiteSpace(a.Department) ? null : a.Department.Trim(),
            Kind = MeetingPolicy.TryKind(a.Kind, out var kind) ? kind : AttendanceKind.Core,
            Roles = RolesOf(a.Roles),
            Preparation = string.IsNullOrWhiteSpace(a.Preparation) ? null : a.Preparation.Trim(),
        }).ToList();
        // Update attendees in place (their key is the email): replacing them would delete and re-insert the same key.
        meeting.Attendees.RemoveAll(existing => planned.All(p => p.Email != existing.Email));
        foreach (var p in planned)
        {
            var existing = meeting.Attendees.FirstOrDefault(a => a.Email == p.Email);
            if (existing is null) { meeting.Attendees.Add(p); continue; }
            (existing.DisplayName, existing.Department, existing.Kind, existing.Roles, existing.Preparation) = (p.DisplayName, p.Department, p.Kind, p.Roles, p.Preparation);
        }

        var agenda = plan.Agenda ?? [];
        var kept = agenda.Where(a => a.Id is not null).Select(a => a.Id!.Value).ToHashSet();
        meeting.Agenda.RemoveAll(a => !kept.Contains(a.Id));
        for (var i = 0; i < agenda.Count; i++)
        {
            var p = agenda[i];
            // Only an id of this meeting's own agenda is kept; anything else becomes a new item.
            var item = meeting.Agenda.FirstOrDefault(a => a.Id == p.Id);
            if (item is null)
                meeting.Agenda.Add(item = new AgendaItem { Topic = "", Discussion = "", OwnerEmail = "", ExpectedOutput = "" });
            item.Position = i;
            item.Topic = p.Topic!.Trim();
            item.Discussion = p.Discussion!.Trim();
            item.OwnerEmail = Emails.Normalize(p.Owner!);
            item.PlannedMinutes = p.PlannedMinutes!.Value;
            item.ExpectedOutput = p.ExpectedOutput!.Trim();
        }

        meeting.PreReads.Clear();
        meeting.PreReads.AddRange((plan.PreReads ?? []).Select((p, i) => new PreRead
        {
            Position = i,
            Title = p.Title!.Trim(),
            Url = p.Url!.Trim(),
            Readers = string.Join(';', (p.Readers ?? []).Select(Emails.Normalize).Distinct()),
        }));

        meeting.UpdatedAt = now;
        meeting.Version++;
    }

    /// <summary>Everyone attends as a participant unless given another role.</summary>
    private static MeetingRoles RolesOf(List<string>? names)
    {
        var roles = MeetingRoles.None;
        foreach (var name in names ?? [])
            if (MeetingPolicy.TryRole(name, out var role)) roles |= role;
        return roles == MeetingRoles.None ? MeetingRoles.Participant : roles;
    }
}
