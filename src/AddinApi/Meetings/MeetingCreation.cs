using System.Text.Json;

namespace CollabAddin.Api.Meetings;

/// <summary>The rules that keep one plan from becoming two meetings, or an unchanged plan from mailing everyone.</summary>
public static class MeetingCreation
{
    public const string KeyHeader = "Idempotency-Key";
    public const int MaxKeyLength = 100;

    /// <summary>A key is 1–100 visible ASCII characters (a UUID per plan is what the pane sends).</summary>
    public static bool IsValidKey(string key) => key.Length is > 0 and <= MaxKeyLength && key.All(c => c is > ' ' and <= '~');

    /// <summary>
    /// What attendees see of a meeting — the plan, not its bookkeeping — so that saving a plan that changes none of it
    /// sends nobody an "updated" invite.
    /// </summary>
    public static string Fingerprint(Meeting m) => JsonSerializer.Serialize(new
    {
        m.Subject, m.Goal, m.StartUtc, m.EndUtc, m.TimeZone, m.Location, m.IsOnlineMeeting, m.Language,
        Attendees = m.Attendees.Select(a => new { a.Email, a.DisplayName, a.Department, a.Kind, a.Roles, a.Preparation }),
        Agenda = m.Agenda.OrderBy(a => a.Position).Select(a => new { a.Id, a.Topic, a.Discussion, a.OwnerEmail, a.PlannedMinutes, a.ExpectedOutput }),
        PreReads = m.PreReads.OrderBy(p => p.Position).Select(p => new { p.Title, p.Url, p.Readers }),
    });
}
