using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;
using CollabAddin.Api.Meetings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Feedback;

/// <summary>
/// Meeting feedback: attendees rate a meeting they were invited to, once it has started (answering again replaces their
/// answer); the organizer sees the averages and comments once enough answered; the report groups them by organizer and
/// by the organizer's department.
/// </summary>
public static class FeedbackApi
{
    public static void MapFeedback(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").RequireAuthorization(AuthSetup.ApiUserPolicy).WithTags("Feedback");
        api.MapPut("/meetings/{id:guid}/feedback/mine", Answer).WithSummary("Rate the meeting 1–5 on goal reached, agenda kept, time well used, with an optional comment. Attendees, once it has started; again replaces the answer.")
            .RequireRateLimiting(SecurityHeaders.WritesPolicy).Refuses(404, 409, 422, 429);
        api.MapGet("/meetings/{id:guid}/feedback/mine", Mine).WithSummary("The caller's own answer (204 when they have not answered).").Refuses(404);
        api.MapGet("/meetings/{id:guid}/feedback", Summary).WithSummary("For the organizer: how many answered; averages and comments once at least 3 did, never who gave which.").Refuses(404);
        api.MapGet("/reports/feedback", Report).WithSummary("Feedback by organizer, by the organizer's department and by series: your own meetings, or the tenant's for tenant admins.");
    }

    private static async Task<Results<Ok<MyFeedback>, ProblemHttpResult>> Answer(Guid id, FeedbackAnswer answer, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (meeting, refusal) = await MeetingLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        var access = MeetingAccess.Of(meeting!, caller);
        if (access.IsOrganizer) return Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format("feedback.organizer", culture));
        var now = clock.GetUtcNow().UtcDateTime;
        if (meeting!.Invite.State == InviteState.Cancelled) return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("feedback.cancelled", culture));
        if (meeting.StartUtc > now) return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("feedback.notYet", culture));

        var errors = new Dictionary<string, string[]>();
        foreach (var (field, score) in new[] { ("goalReached", answer.GoalReached), ("agendaKept", answer.AgendaKept), ("timeWellUsed", answer.TimeWellUsed) })
            if (score is not (>= FeedbackRules.Lowest and <= FeedbackRules.Highest))
                errors[field] = [Messages.Format("feedback.score", culture, FeedbackRules.Lowest, FeedbackRules.Highest)];
        if (answer.Comment is { Length: > FeedbackRules.CommentLength }) errors["comment"] = [Messages.Format("text.tooLong", culture, FeedbackRules.CommentLength)];
        if (errors.Count > 0) return Problems.Invalid(errors, title: Messages.Format("feedback.invalid", culture), status: StatusCodes.Status422UnprocessableEntity);

        var comment = string.IsNullOrWhiteSpace(answer.Comment) ? null : answer.Comment.Trim();
        for (var attempt = 0; ; attempt++)
        {
            var mine = await db.Feedback.SingleOrDefaultAsync(f => f.MeetingId == id && f.RaterObjectId == caller.ObjectId, ct);
            if (mine is null)
                db.Feedback.Add(mine = new MeetingFeedback { TenantId = meeting.TenantId, MeetingId = id, RaterObjectId = caller.ObjectId });
            (mine.GoalReached, mine.AgendaKept, mine.TimeWellUsed, mine.Comment, mine.AnsweredAt) = (answer.GoalReached!.Value, answer.AgendaKept!.Value, answer.TimeWellUsed!.Value, comment, now);
            try
            {
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(new MyFeedback(mine.GoalReached, mine.AgendaKept, mine.TimeWellUsed, mine.Comment, mine.AnsweredAt));
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear(); // the same person's answer arrived twice at once (a double click): the second replaces the first
            }
        }
    }

    private static async Task<Results<Ok<MyFeedback>, NoContent, ProblemHttpResult>> Mine(Guid id, Caller caller, CollabDb db, HttpRequest request, CancellationToken ct)
    {
        var (_, refusal) = await MeetingLookup.SeenByAsync(db, id, caller, RequestLanguage.Of(request), ct);
        if (refusal is not null) return refusal;
        var mine = await db.Feedback.AsNoTracking().Where(f => f.MeetingId == id && f.RaterObjectId == caller.ObjectId)
            .Select(f => new MyFeedback(f.GoalReached, f.AgendaKept, f.TimeWellUsed, f.Comment, f.AnsweredAt)).SingleOrDefaultAsync(ct);
        return mine is null ? TypedResults.NoContent() : TypedResults.Ok(mine);
    }

    private static async Task<Results<Ok<FeedbackSummary>, ProblemHttpResult>> Summary(Guid id, Caller caller, CollabDb db, HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (meeting, refusal) = await MeetingLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        if (!MeetingAccess.Of(meeting!, caller).IsOrganizer) return Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format("feedback.organizerOnly", culture));
        var answers = await db.Feedback.AsNoTracking().Where(f => f.MeetingId == id).ToListAsync(ct);
        var invited = meeting!.Attendees.Count(a => a.Email != meeting.OrganizerEmail);
        if (answers.Count < FeedbackRules.MinAnswers)
            return TypedResults.Ok(new FeedbackSummary(id, meeting.Subject, answers.Count, invited, FeedbackRules.MinAnswers, null, null, null));
        int[] Spread(Func<MeetingFeedback, int> score) => [.. Enumerable.Range(FeedbackRules.Lowest, FeedbackRules.Highest).Select(n => answers.Count(a => score(a) == n))];
        var distribution = new Dictionary<string, int[]>
        {
            ["goalReached"] = Spread(a => a.GoalReached), ["agendaKept"] = Spread(a => a.AgendaKept), ["timeWellUsed"] = Spread(a => a.TimeWellUsed),
        };
        // Comments ordered by their text, not by when they came: the order must not tell who wrote which.
        var comments = answers.Where(a => a.Comment is not null).Select(a => a.Comment!).Order(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new FeedbackSummary(id, meeting.Subject, answers.Count, invited, FeedbackRules.MinAnswers, Scores(answers), distribution, comments));
    }

    private static async Task<Results<Ok<FeedbackReport>, ProblemHttpResult>> Report(Caller caller, CollabDb db, TimeProvider clock, HttpContext context, CancellationToken ct,
        DateOnly? from = null, DateOnly? to = null)
    {
        var culture = RequestLanguage.Of(context.Request);
        var until = to ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var since = from ?? until.AddDays(-90);
        if (since > until) return Problems.Invalid(new Dictionary<string, string[]> { ["to"] = [Messages.Format("report.toBeforeFrom", culture)] }, title: Messages.Format("report.periodInvalid", culture));
        var (start, end) = (since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), until.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var meetings = db.Meetings.AsNoTracking().Where(m => m.StartUtc >= start && m.StartUtc < end);
        // Tenant admins see every organizer's; everyone else their own meetings' feedback.
        if (!context.User.HasClaim(EntraClaims.Roles, Departments.DepartmentsApi.AdminRole))
            meetings = meetings.Where(m => m.OrganizerEmail == caller.Email && (m.OrganizerObjectId == caller.ObjectId || m.OrganizerObjectId == null));
        var rated = await meetings.Where(m => db.Feedback.Any(f => f.MeetingId == m.Id)).ToListAsync(ct);
        var ids = rated.Select(m => m.Id).ToList();
        var answers = ids.Count == 0 ? [] : await db.Feedback.AsNoTracking().Where(f => ids.Contains(f.MeetingId)).ToListAsync(ct);
        var byMeeting = answers.ToLookup(a => a.MeetingId);
        // The organizer's department as the meeting's plan records it (their own attendee row).
        string DepartmentOf(Meeting m) => m.Attendees.FirstOrDefault(a => a.Email == m.OrganizerEmail)?.Department?.Trim() is { Length: > 0 } d ? d : "—";
        var seriesIds = rated.Select(m => m.SeriesId).OfType<Guid>().Distinct().ToList();
        var seriesNames = seriesIds.Count == 0 ? [] : await db.Series.AsNoTracking().Where(s => seriesIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Subject, ct);
        List<FeedbackGroup> Groups(Func<Meeting, (string Key, string Name)> key, Func<Meeting, bool>? which = null) => rated.Where(which ?? (_ => true)).GroupBy(key)
            .Select(g => (Group: g, Answers: g.SelectMany(m => byMeeting[m.Id]).ToList()))
            .Select(g => new FeedbackGroup(g.Group.Key.Key, g.Group.Key.Name, g.Group.Count(), g.Answers.Count, g.Answers.Count < FeedbackRules.MinAnswers ? null : Scores(g.Answers)))
            .OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new FeedbackReport(since, until, FeedbackRules.MinAnswers,
            Groups(m => (m.OrganizerEmail, m.OrganizerName)), Groups(m => (DepartmentOf(m).ToLowerInvariant(), DepartmentOf(m))))
        {
            BySeries = Groups(m => (m.SeriesId!.Value.ToString(), seriesNames.GetValueOrDefault(m.SeriesId!.Value, m.Subject)), m => m.SeriesId is not null),
        });
    }

    private static FeedbackScores Scores(IReadOnlyCollection<MeetingFeedback> answers) => new(
        Math.Round(answers.Average(a => a.GoalReached), 1), Math.Round(answers.Average(a => a.AgendaKept), 1), Math.Round(answers.Average(a => a.TimeWellUsed), 1));
}
