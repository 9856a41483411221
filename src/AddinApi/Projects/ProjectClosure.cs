namespace CollabAddin.Api.Projects;

/// <summary>
/// The retrospective (《协作复盘表》) written when the project closes: what went well and the problems. Its improvements
/// become action items of the project, each with an owner; they stay open after the close (everything else is read-only).
/// </summary>
public sealed class Retrospective
{
    public string? WentWell { get; set; }
    public string? Problems { get; set; }
}

/// <summary>
/// One participant's satisfaction with the collaboration (1–5), the guides' survey. Keyed by the rater's account so each
/// answers once; shown only as an average, and only from <see cref="ProjectRatings.MinimumAnswers"/> answers on.
/// </summary>
public sealed class ProjectRating
{
    public required string TenantId { get; set; }
    public Guid ProjectId { get; set; }
    public required string RaterObjectId { get; set; }
    public int Score { get; set; }
    public DateTime At { get; set; }
}

public static class ProjectRatings
{
    /// <summary>Below this many answers the average would give people away: it is not shown.</summary>
    public const int MinimumAnswers = 3;
}
