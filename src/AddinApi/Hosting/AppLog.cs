namespace CollabAddin.Api.Hosting;

/// <summary>
/// Everything the API logs of its own, in one place (source-generated, each with an event id an operator can alert
/// on). What goes in is reviewed here against the log policy: kinds, ids, states, exception types and Graph's status
/// and code — never an address, a subject, minutes text or a token (LogPolicyTests).
/// </summary>
internal static partial class AppLog
{
    // 1xxx: invites
    [LoggerMessage(1001, LogLevel.Warning, "Invite for meeting {MeetingId} not sent ({State}); will retry: {Reason}")]
    public static partial void InviteDeferred(this ILogger log, Guid meetingId, Meetings.InviteState state, string reason);

    [LoggerMessage(1002, LogLevel.Error, "Graph refused the invite for meeting {MeetingId} ({State}): {Status} {Code}")]
    public static partial void InviteRefused(this ILogger log, Guid meetingId, Meetings.InviteState state, int status, string code);

    [LoggerMessage(1003, LogLevel.Error, "Preparing the invite for meeting {MeetingId} ({State}) failed; will retry: {Error}")]
    public static partial void InvitePreparationFailed(this ILogger log, Guid meetingId, Meetings.InviteState state, string error);

    [LoggerMessage(1004, LogLevel.Warning, "Sending the invite for meeting {MeetingId} took too long; the invite worker will finish it.")]
    public static partial void InviteLeftToWorker(this ILogger log, Guid meetingId);

    [LoggerMessage(1005, LogLevel.Error, "Sending the invite for meeting {MeetingId} failed: {Error}")]
    public static partial void InviteSendFailed(this ILogger log, Guid meetingId, string error);

    [LoggerMessage(1006, LogLevel.Error, "The invite worker's pass failed; it will try again.")]
    public static partial void InvitePassFailed(this ILogger log, Exception error);

    // 2xxx: follow-up mail
    [LoggerMessage(2001, LogLevel.Error, "Follow-up planning failed for one {Kind} in tenant {Tenant} (attempt {Attempts}{Final}): {Error}")]
    public static partial void PlanningFailed(this ILogger log, string kind, string tenant, int attempts, string final, string error);

    [LoggerMessage(2002, LogLevel.Error, "The follow-up pass failed; it will try again.")]
    public static partial void FollowUpPassFailed(this ILogger log, Exception error);

    [LoggerMessage(2003, LogLevel.Error, "Sending {Count} mail(s) of tenant {Tenant} failed; recorded against them: {Error}")]
    public static partial void MailBatchFailed(this ILogger log, int count, string tenant, string error);

    [LoggerMessage(2004, LogLevel.Warning, "Mail {Kind} not sent yet (attempt {Attempts}): {Status} {Reason}")]
    public static partial void MailDeferred(this ILogger log, string kind, int attempts, int status, string? reason);

    [LoggerMessage(2005, LogLevel.Error, "Graph refused mail {Kind}: {Status} {Code}")]
    public static partial void MailRefused(this ILogger log, string kind, int status, string? code);

    // 9xxx: hosting
    [LoggerMessage(9001, LogLevel.Error, "The database is unavailable: {Reason}")]
    public static partial void StoreUnavailable(this ILogger log, string reason);

    [LoggerMessage(9002, LogLevel.Warning, "{Path} does not exist; nothing is served at '{RequestPath}/'. Build the task panes (npm run build in src/AddinWeb).")]
    public static partial void TaskPanesMissing(this ILogger log, string path, string requestPath);

    [LoggerMessage(1010, LogLevel.Warning, "Recurring event for series {SeriesId} not sent ({State}); will retry: {Reason}")]
    public static partial void SeriesInviteDeferred(this ILogger log, Guid seriesId, Meetings.InviteState state, string reason);

    [LoggerMessage(1011, LogLevel.Error, "Graph refused the recurring event of series {SeriesId} ({State}): {Status} {Code}")]
    public static partial void SeriesInviteRefused(this ILogger log, Guid seriesId, Meetings.InviteState state, int status, string code);
}
