namespace CollabAddin.Api.Feedback;

/// <summary>What a person sends: each score 1–5, and an optional comment.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record FeedbackAnswer(int? GoalReached, int? AgendaKept, int? TimeWellUsed, string? Comment);

/// <summary>The caller's own answer, to show it again and let them change it.</summary>
public sealed record MyFeedback(int GoalReached, int AgendaKept, int TimeWellUsed, string? Comment, DateTime AnsweredAt);

/// <summary>Averages over the answers; null below <see cref="FeedbackRules.MinAnswers"/>.</summary>
public sealed record FeedbackScores(double GoalReached, double AgendaKept, double TimeWellUsed)
{
    public double Overall => Math.Round((GoalReached + AgendaKept + TimeWellUsed) / 3, 1);
}

/// <param name="Answers">How many attendees answered.</param>
/// <param name="Invited">How many attendees may answer (everyone invited but the organizer).</param>
/// <param name="Scores">Averages, or null while fewer than <see cref="FeedbackRules.MinAnswers"/> answered.</param>
/// <param name="Comments">The comments in no particular order and without who or when, likewise only from the threshold on.</param>
public sealed record FeedbackSummary(Guid MeetingId, string Subject, int Answers, int Invited, int MinAnswers, FeedbackScores? Scores,
    IReadOnlyDictionary<string, int[]>? Distribution, IReadOnlyList<string>? Comments);

/// <summary>One group of the feedback report (an organizer, a department); scores only from the threshold on.</summary>
public sealed record FeedbackGroup(string Key, string Name, int Meetings, int Answers, FeedbackScores? Scores);

public sealed record FeedbackReport(DateOnly From, DateOnly To, int MinAnswers, IReadOnlyList<FeedbackGroup> ByOrganizer, IReadOnlyList<FeedbackGroup> ByDepartment)
{
    /// <summary>Meetings of a series together (the weekly sync over weeks); single meetings are not in it.</summary>
    public IReadOnlyList<FeedbackGroup> BySeries { get; init; } = [];
}
