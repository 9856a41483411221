using System.Globalization;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Templates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CollabAddin.Api.Projects;

/// <summary>A project's meetings: the kickoff drafted from the project, and who may plan a meeting for it.</summary>
public static class ProjectMeetings
{
    /// <summary>
    /// The project the caller may plan a meeting for (they run it or lead a department in it, while it runs), or why not.
    /// </summary>
    public static async Task<(Project? Project, ProblemHttpResult? Refusal)> PlannableAsync(CollabDb db, Guid projectId, Caller caller, CultureInfo culture, CancellationToken ct)
    {
        var (project, access, refusal) = await ProjectLookup.SeenByAsync(db, projectId, caller, culture, ct);
        if (refusal is not null) return (null, refusal);
        if (!access!.Runs && access.HeadOf.Count == 0 && access.ContactOf.Count == 0) return (null, ProjectsApi.Forbidden("project.onlyRuns", culture));
        return project!.State == ProjectState.Active ? (project, null) : (null, ProjectsApi.Conflict("project.notActive", culture));
    }

    /// <summary>Saved with the meeting: the project's log says a meeting was planned for it.</summary>
    public static void Log(CollabDb db, Guid projectId, Caller caller, string subject, DateTime now) =>
        db.ProjectEvents.Add(new ProjectEvent
        {
            TenantId = caller.TenantId, ProjectId = projectId, At = now, ByEmail = caller.Email, ByName = caller.Name, Kind = "meetingPlanned", Detail = subject,
        });

    /// <summary>
    /// The kickoff meeting drafted from the project: its goal, each department's contact (and head, when there is no
    /// contact) as core attendees with their department, the initiator hosting, and the kickoff template's agenda owned
    /// by the initiator — for the organizer to adjust (date, people, topics) and send. Nothing is stored.
    /// </summary>
    public static MeetingPlan Kickoff(Project project, DateOnly today)
    {
        var zh = RequestLanguage.IsChinese(project.Language);
        var template = BuiltInTemplates.In(zh).Single(t => t.Id == BuiltInTemplates.Prefix + "kickoff");
        // A kickoff a week out (the invite rule wants three days' notice), at 10:00 in the project's zone.
        var day = today.AddDays(7);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        var start = day.ToDateTime(new TimeOnly(10, 0));
        var attendees = new List<PlannedAttendee>
        {
            new(project.InitiatorEmail, project.InitiatorName, project.InitiatingDepartment!.Name, "core", ["host"], null),
        };
        // The initiating department first, then the others by name; the first contact takes the notes (the organizer may
        // change it), or the initiator when no department has a contact.
        var departments = project.Departments.Select(d => d.Department!).OrderBy(d => d.Name, StringComparer.Ordinal).Prepend(project.InitiatingDepartment);
        var noteTaker = departments.Select(d => d.ContactEmail).FirstOrDefault(e => e is not null && !string.Equals(e, project.InitiatorEmail, StringComparison.OrdinalIgnoreCase));
        if (noteTaker is null) attendees[0] = attendees[0] with { Roles = ["host", "noteTaker"] };
        foreach (var department in departments)
        {
            var email = department.ContactEmail ?? department.HeadEmail;
            if (email is null || attendees.Any(a => string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase))) continue;
            var name = email == department.HeadEmail ? department.HeadName ?? email : email;
            attendees.Add(new(email, name, department.Name, "core", [email == noteTaker ? "noteTaker" : "participant"], null));
        }
        var goal = MeetingPolicy.IsMeasurable(project.Goal) ? project.Goal
            : template.Goal.Replace("[project]", project.Title, StringComparison.Ordinal).Replace("【项目】", project.Title, StringComparison.Ordinal)
                .Replace("[date]", day.ToString("d MMM", CultureInfo.GetCultureInfo("en-US")), StringComparison.Ordinal)
                .Replace("【日期】", day.ToString("M月d日", CultureInfo.GetCultureInfo("zh-CN")), StringComparison.Ordinal);
        return new MeetingPlan
        {
            Subject = zh ? $"{project.Title}启动会" : $"{project.Title}: kickoff",
            Goal = goal,
            Start = start.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            End = start.AddMinutes(template.Minutes).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            TimeZone = project.TimeZone,
            Language = project.Language,
            IsOnlineMeeting = true,
            Attendees = attendees,
            Agenda = template.Agenda.Select(a => new PlannedAgendaItem(null, a.Topic, a.Discussion, project.InitiatorEmail, a.PlannedMinutes, a.ExpectedOutput)).ToList(),
            ProjectId = project.Id,
        };
    }
}
