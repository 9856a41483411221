namespace CollabAddin.Api.Feedback;

/// <summary>
/// One attendee's rating of a meeting (1–5 on three questions, an optional comment). Who gave it is kept only so that
/// answering again replaces the answer; it is never shown to anyone (see <see cref="FeedbackRules.MinAnswers"/>).
/// </summary>
public sealed class MeetingFeedback
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    public Guid MeetingId { get; set; }
    /// <summary>The rater's account (Entra <c>oid</c>): one answer per person and meeting.</summary>
    public required string RaterObjectId { get; set; }
    /// <summary>"The goal was reached."</summary>
    public int GoalReached { get; set; }
    /// <summary>"The agenda was kept."</summary>
    public int AgendaKept { get; set; }
    /// <summary>"My time was well used."</summary>
    public int TimeWellUsed { get; set; }
    public string? Comment { get; set; }
    public DateTime AnsweredAt { get; set; }
}

/// <summary>The rules of meeting feedback, in one place.</summary>
public static class FeedbackRules
{
    /// <summary>Below this many answers nobody sees scores or comments, only how many answered: with one or two
    /// answers, anyone who knows who attended could tell who gave which score.</summary>
    public const int MinAnswers = 3;
    public const int CommentLength = 1000;
    public const int Lowest = 1, Highest = 5;
}
