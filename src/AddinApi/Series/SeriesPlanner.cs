using System.Globalization;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Meetings;

namespace CollabAddin.Api.Series;

/// <summary>Turns a checked plan with a recurrence into the series and its occurrences, and applies changes to the whole series.</summary>
public static class SeriesPlanner
{
    /// <summary>
    /// The series and one meeting per date. The first meeting is the plan as typed; every later one starts with the
    /// standing topics (fresh agenda ids each, so each occurrence's items point at its own agenda).
    /// </summary>
    public static (MeetingSeries Series, List<Meeting> Occurrences) Create(MeetingPlan plan, PlanCheck check, Caller caller, CultureInfo language, DateTime now, string? createKey)
    {
        var recurrence = check.Recurrence ?? throw new ArgumentException("A series needs a checked recurrence.", nameof(check));
        var zone = plan.TimeZone!.Trim();
        var localStart = TimeZones.Local(check.StartUtc!.Value, zone);
        var series = new MeetingSeries
        {
            TenantId = caller.TenantId, OrganizerEmail = caller.Email, OrganizerObjectId = caller.ObjectId, Subject = plan.Subject!.Trim(),
            TimeZone = zone, LocalStart = TimeOnly.FromDateTime(localStart), LengthMinutes = (int)(check.EndUtc!.Value - check.StartUtc.Value).TotalMinutes,
            FirstDate = DateOnly.FromDateTime(localStart), Recurrence = recurrence, CreatedAt = now, UpdatedAt = now, Version = 1,
            Invite = { State = InviteState.CreatePending, NextAttemptAt = now },
        };
        series.StandingTopics.AddRange(Standing(plan));
        var occurrences = RecurrenceRules.Dates(recurrence, series.FirstDate)
            .Select((date, i) => Occurrence(series, date, i == 0 ? plan : WithStandingAgenda(plan, series), caller, language, now, i == 0 ? createKey : null))
            .ToList();
        return (series, occurrences);
    }

    /// <summary>One more occurrence of the series on its date, with the series' current plan and standing topics.</summary>
    public static Meeting Occurrence(MeetingSeries series, DateOnly date, MeetingPlan plan, Caller caller, CultureInfo language, DateTime now, string? createKey = null)
    {
        var start = RecurrenceRules.StartUtc(date, series.LocalStart, series.TimeZone);
        var meeting = new Meeting
        {
            TenantId = series.TenantId, OrganizerEmail = caller.Email, OrganizerName = caller.Name, OrganizerObjectId = caller.ObjectId,
            Subject = "", TimeZone = "", CreatedAt = now, CreateKey = createKey, SeriesId = series.Id, OccurrenceStartUtc = start,
            Invite = { State = InviteState.AwaitingSeries },
        };
        var verdict = new PolicyVerdict([], []);
        MeetingPlanner.Apply(meeting, plan, new PlanCheck(verdict, start, start.AddMinutes(series.LengthMinutes)), language, now);
        return meeting;
    }

    /// <summary>The plan with the series' standing topics as its agenda (new items: no ids).</summary>
    public static MeetingPlan WithStandingAgenda(MeetingPlan plan, MeetingSeries series) => plan with
    {
        Agenda = series.StandingTopics.OrderBy(t => t.Position)
            .Select(t => new PlannedAgendaItem(null, t.Topic, t.Discussion, t.OwnerEmail, t.PlannedMinutes, t.ExpectedOutput)).ToList(),
        Recurrence = null,
    };

    /// <summary>Every agenda item of the plan not marked as for this meeting only.</summary>
    public static IEnumerable<StandingTopic> Standing(MeetingPlan plan) =>
        (plan.Agenda ?? []).Where(a => a.Standing != false).Select((a, i) => new StandingTopic
        {
            Position = i, Topic = a.Topic!.Trim(), Discussion = a.Discussion!.Trim(), OwnerEmail = Emails.Normalize(a.Owner!),
            PlannedMinutes = a.PlannedMinutes!.Value, ExpectedOutput = a.ExpectedOutput!.Trim(),
        });

    /// <summary>The plan an occurrence has today, as the pane would send it: to re-apply series-wide fields over it.</summary>
    public static MeetingPlan PlanOf(Meeting m) => new()
    {
        Subject = m.Subject, Goal = m.Goal, TimeZone = m.TimeZone, Location = m.Location, IsOnlineMeeting = m.IsOnlineMeeting, Language = m.Language,
        Start = TimeZones.Local(m.StartUtc, m.TimeZone).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        End = TimeZones.Local(m.EndUtc, m.TimeZone).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        Attendees = m.Attendees.Select(a => new PlannedAttendee(a.Email, a.DisplayName, a.Department, a.Kind.ToString().ToLowerInvariant(), MeetingResponse.RoleNames(a.Roles).ToList(), a.Preparation)).ToList(),
        Agenda = m.Agenda.OrderBy(a => a.Position).Select(a => new PlannedAgendaItem(a.Id, a.Topic, a.Discussion, a.OwnerEmail, a.PlannedMinutes, a.ExpectedOutput)).ToList(),
        PreReads = m.PreReads.OrderBy(p => p.Position).Select(p => new PlannedPreRead(p.Title, p.Url, [.. p.ReaderList])).ToList(),
    };

    /// <summary>The series' standing topics as attendees see them: an occurrence whose agenda has this shape has none of its own.</summary>
    public static string StandingShape(MeetingSeries s) =>
        Shape(s.StandingTopics.OrderBy(t => t.Position).Select(t => (t.Topic, t.OwnerEmail, t.PlannedMinutes, t.ExpectedOutput)));

    public static string AgendaShape(Meeting m) =>
        Shape(m.Agenda.OrderBy(a => a.Position).Select(a => (a.Topic, a.OwnerEmail, a.PlannedMinutes, a.ExpectedOutput)));

    private static string Shape(IEnumerable<(string Topic, string Owner, int Minutes, string Output)> items) =>
        string.Join('\u001f', items.Select(i => $"{i.Topic}\u001e{i.Owner}\u001e{i.Minutes}\u001e{i.Output}"));

    /// <summary>What Graph is told about the series: the pattern from the first date, in the series' zone.</summary>
    public static Graph.EventRecurrence ToGraph(MeetingSeries s) => new(
        RecurrenceRules.Wire(s.Recurrence.Kind),
        s.Recurrence.Interval, s.Recurrence.Days.Select(d => d.ToString().ToLowerInvariant()).ToList(), s.Recurrence.Kind == RecurrenceKind.AbsoluteMonthly ? s.Recurrence.DayOfMonth : null,
        s.Recurrence.Index?.ToString().ToLowerInvariant(), RecurrenceRules.FirstDayOfWeek.ToString().ToLowerInvariant(),
        s.FirstDate, s.Recurrence.EndDate, s.Recurrence.EndDate is null ? s.Recurrence.Count : null, s.TimeZone);
}
