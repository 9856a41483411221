namespace CollabAddin.Api.FollowUp;

/// <summary>Section <c>FollowUp</c>: when the system reminds, escalates and reports.</summary>
public sealed class FollowUpOptions
{
    public bool WorkerEnabled { get; set; } = true;
    public int PollSeconds { get; set; } = 60;
    public int LeaseSeconds { get; set; } = 120;
    /// <summary>Send mail without attachments in Graph $batch requests (20 per request). Off: one request per mail.</summary>
    public bool BatchMail { get; set; } = true;
    /// <summary>The mailbox system mail is sent from (alerts, digests, escalations, reports).</summary>
    public string SenderMailbox { get; set; } = "collabaddin@contoso.example";
    /// <summary>Where people open an item: {PublicBaseUrl}/items.html#item={id}.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
    /// <summary>Local hour (in the assignee's time zone) from which the daily digest goes out.</summary>
    public int DigestHour { get; set; } = 9;
    /// <summary>Days overdue beyond which each escalation level fires: lead department contact, manager, organizer.</summary>
    public int[] EscalationDays { get; set; } = [1, 3, 7];
    public DayOfWeek WeeklyReportDay { get; set; } = DayOfWeek.Friday;
    public int WeeklyReportHour { get; set; } = 17;
    /// <summary>Within this many minutes of an item's last alert, raising it again mails nobody (toggling is not news).</summary>
    public int AlertCoalesceMinutes { get; set; } = 60;
    /// <summary>Back-off of a mail (or a mail's planning) that failed: from this many seconds, doubling …</summary>
    public int RetryBaseSeconds { get; set; } = 30;
    /// <summary>… up to this many minutes.</summary>
    public int RetryMaxMinutes { get; set; } = 60;
    /// <summary>After this many failed attempts a mail, or its planning, is marked failed and tried no more.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Where a mail sends someone to act on an item: the items pane opened on it.</summary>
    /// <summary>Where people open a collaboration project: the Projects pane on that project.</summary>
    public string ProjectLink(Guid project) => $"{PublicBaseUrl.TrimEnd('/')}/projects.html#project={project}";
    public string ItemLink(Guid item) => $"{PublicBaseUrl.TrimEnd('/')}/items.html#item={item}";

    /// <summary>Where an attendee rates a meeting, the first question already answered with <paramref name="goal"/> (one click from the mail).</summary>
    public string FeedbackLink(Guid meeting, int goal) => $"{PublicBaseUrl.TrimEnd('/')}/feedback.html?meeting={meeting}&goal={goal.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public TimeSpan RetryAfter(int attempts) =>
        Data.RetrySchedule.After(attempts, TimeSpan.FromSeconds(RetryBaseSeconds), TimeSpan.FromMinutes(RetryMaxMinutes));
}
