using System.Globalization;
using System.Text;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Graph;
using CollabAddin.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Meetings;

/// <summary>
/// Topics from attendees: an attendee proposes, the organizer accepts (the topic joins the agenda, owned by its proposer,
/// and the Outlook invite is updated once) or declines with a reason; either way the proposer gets a mail.
/// </summary>
public static class TopicsApi
{
    public const int MaxPendingPerPerson = 5;

    public static void MapTopics(this RouteGroupBuilder meetings)
    {
        meetings.MapPost("/{id:guid}/topics", Propose).WithSummary("Propose an agenda topic (attendees): topic, why, minutes, expected output.")
            .RequireRateLimiting(SecurityHeaders.WritesPolicy).Refuses(404, 409, 422, 429);
        meetings.MapGet("/{id:guid}/topics", List).WithSummary("Proposed topics: all of them for the organizer, their own for an attendee.").Refuses(404);
        meetings.MapPost("/{id:guid}/topics/{topicId:guid}/accept", Accept).WithSummary("Accept a proposed topic (organizer): it joins the agenda and the invite is updated.")
            .RequireRateLimiting(SecurityHeaders.WritesPolicy).Refuses(404, 409, 422, 429);
        meetings.MapPost("/{id:guid}/topics/{topicId:guid}/decline", Decline).WithSummary("Decline a proposed topic with a reason (organizer); the proposer is told.")
            .RequireRateLimiting(SecurityHeaders.WritesPolicy).Refuses(404, 409, 422, 429);
    }

    private static async Task<Results<Created<TopicResponse>, ProblemHttpResult>> Propose(Guid id, TopicInput input, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (meeting, refusal) = await MeetingLookup.SeenByAsync(db, id, caller, culture, ct, tracked: false);
        if (refusal is not null) return refusal;
        var attendee = meeting!.Attendees.FirstOrDefault(a => PersonMatch.Is(a.ObjectId, a.Email, caller));
        if (attendee is null || MeetingAccess.Of(meeting, caller).IsOrganizer)
            return Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format("topic.attendeesOnly", culture));
        if (Closed(meeting, clock) is { } closed) return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format(closed, culture));
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string code, params object[] args) => errors[field] = [Messages.Format(code, culture, args)];
        if (string.IsNullOrWhiteSpace(input.Topic)) Error("topic", "topic.topicMissing");
        else if (input.Topic.Length > CollabModel.TitleLength) Error("topic", "text.tooLong", CollabModel.TitleLength);
        if (string.IsNullOrWhiteSpace(input.Why)) Error("why", "topic.whyMissing");
        else if (input.Why.Length > CollabModel.GoalLength) Error("why", "text.tooLong", CollabModel.GoalLength);
        if (input.Minutes is not (>= 1 and <= 120)) Error("minutes", "topic.minutes");
        if (string.IsNullOrWhiteSpace(input.ExpectedOutput)) Error("expectedOutput", "topic.outputMissing");
        else if (input.ExpectedOutput.Length > CollabModel.GoalLength) Error("expectedOutput", "text.tooLong", CollabModel.GoalLength);
        if (errors.Count > 0) return Problems.Invalid(errors, title: Messages.Format("topic.invalid", culture), status: StatusCodes.Status422UnprocessableEntity);
        if (await db.TopicProposals.CountAsync(p => p.MeetingId == id && p.ProposerEmail == attendee.Email && p.Status == "pending", ct) >= MaxPendingPerPerson)
            return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("topic.tooMany", culture, MaxPendingPerPerson));

        var proposal = new TopicProposal
        {
            TenantId = meeting.TenantId, MeetingId = id, ProposerEmail = attendee.Email, ProposerName = attendee.DisplayName, Topic = input.Topic!.Trim(), Why = input.Why!.Trim(),
            Minutes = input.Minutes!.Value, ExpectedOutput = input.ExpectedOutput!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.TopicProposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/meetings/{id}/topics", TopicResponse.From(proposal));
    }

    private static async Task<Results<Ok<List<TopicResponse>>, ProblemHttpResult>> List(Guid id, Caller caller, CollabDb db, HttpRequest request, CancellationToken ct)
    {
        var (meeting, refusal) = await MeetingLookup.SeenByAsync(db, id, caller, RequestLanguage.Of(request), ct, tracked: false);
        if (refusal is not null) return refusal;
        var query = db.TopicProposals.AsNoTracking().Where(p => p.MeetingId == id);
        if (!MeetingAccess.Of(meeting!, caller).IsOrganizer)
        {
            var me = meeting!.Attendees.FirstOrDefault(a => PersonMatch.Is(a.ObjectId, a.Email, caller))?.Email ?? "";
            query = query.Where(p => p.ProposerEmail == me);
        }
        var proposals = await query.OrderBy(p => p.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(proposals.Select(TopicResponse.From).ToList());
    }

    private static async Task<Results<Ok<TopicResponse>, ProblemHttpResult>> Accept(Guid id, Guid topicId, Caller caller, CollabDb db, IGraphGateway graph, InviteDispatch invites,
        TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (meeting, proposal, refusal) = await DecidableAsync(db, id, topicId, caller, clock, culture, ct);
        if (refusal is not null) return refusal;
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new AgendaItem
        {
            Position = meeting!.Agenda.Count == 0 ? 0 : meeting.Agenda.Max(a => a.Position) + 1, Topic = proposal!.Topic, Discussion = proposal.Why,
            OwnerEmail = proposal.ProposerEmail, PlannedMinutes = proposal.Minutes, ExpectedOutput = proposal.ExpectedOutput,
        };
        meeting.Agenda.Add(item);
        (proposal.Status, proposal.AgendaItemId, proposal.DecidedAt) = ("accepted", item.Id, now);
        // The agenda changed: attendees get the updated invite, once, through the outbox (or with the draft, when published).
        meeting.InviteFollows(now);
        (meeting.UpdatedAt, meeting.Version) = (now, meeting.Version + 1);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("topic.meetingChanged", culture));
        }
        await invites.TryNowAsync(caller.TenantId, id, ct);
        await TellAsync(graph, caller, meeting, proposal, ct);
        return TypedResults.Ok(TopicResponse.From(proposal));
    }

    private static async Task<Results<Ok<TopicResponse>, ProblemHttpResult>> Decline(Guid id, Guid topicId, TopicDecision decision, Caller caller, CollabDb db, IGraphGateway graph,
        TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        if (string.IsNullOrWhiteSpace(decision.Reason) || decision.Reason.Length > CollabModel.GoalLength)
            return Problems.Invalid(new Dictionary<string, string[]> { ["reason"] = [Messages.Format(string.IsNullOrWhiteSpace(decision.Reason) ? "topic.reasonMissing" : "text.tooLong", culture, CollabModel.GoalLength)] },
                title: Messages.Format("topic.invalid", culture), status: StatusCodes.Status422UnprocessableEntity);
        var (meeting, proposal, refusal) = await DecidableAsync(db, id, topicId, caller, clock, culture, ct);
        if (refusal is not null) return refusal;
        (proposal!.Status, proposal.DeclineReason, proposal.DecidedAt) = ("declined", decision.Reason.Trim(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await TellAsync(graph, caller, meeting!, proposal, ct);
        return TypedResults.Ok(TopicResponse.From(proposal));
    }

    /// <summary>The proposer's mail, from the organizer, in the meeting's language. A mail that cannot go does not undo the decision: it is in the pane.</summary>
    private static async Task TellAsync(IGraphGateway graph, Caller caller, Meeting meeting, TopicProposal proposal, CancellationToken ct)
    {
        var zh = RequestLanguage.IsChinese(meeting.Language);
        string E(string? text) => InviteBody.Encode(text);
        var accepted = proposal.Status == "accepted";
        var subject = zh ? $"{(accepted ? "议题已采纳" : "议题未采纳")}：{proposal.Topic}" : $"Your topic was {(accepted ? "added to the agenda" : "declined")}: {proposal.Topic}";
        var html = new StringBuilder(MailHtml.Open);
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(proposal.ProposerName)}{(zh ? "，您好：" : ",")}</p>");
        html.Append(accepted
            ? zh ? $"<p>您为<b>{E(meeting.Subject)}</b>提议的议题“{E(proposal.Topic)}”已加入议程（{proposal.Minutes} 分钟），由您负责。更新后的邀请会随后送达。</p>"
                 : $"<p>The topic you proposed for <b>{E(meeting.Subject)}</b>, “{E(proposal.Topic)}”, is on the agenda ({proposal.Minutes} min), with you as its owner. The updated invite follows.</p>"
            : zh ? $"<p>您为<b>{E(meeting.Subject)}</b>提议的议题“{E(proposal.Topic)}”未被采纳。原因：{E(proposal.DeclineReason)}</p>"
                 : $"<p>The topic you proposed for <b>{E(meeting.Subject)}</b>, “{E(proposal.Topic)}”, was declined. The reason: {E(proposal.DeclineReason)}</p>");
        html.Append(MailHtml.Close(zh));
        try
        {
            await graph.SendMailAsync(new OutgoingMail(caller.Email, [proposal.ProposerEmail], subject, html.ToString(), []), ct);
        }
        catch (Exception e) when (e is GraphUnavailableException or GraphRejectedException)
        {
            // The decision stands and shows in the proposer's pane; the mail is a courtesy.
        }
    }

    private static async Task<(Meeting?, TopicProposal?, ProblemHttpResult?)> DecidableAsync(CollabDb db, Guid id, Guid topicId, Caller caller, TimeProvider clock,
        CultureInfo culture, CancellationToken ct)
    {
        var (meeting, refusal) = await MeetingLookup.SeenByAsync(db, id, caller, culture, ct, tracked: true);
        if (refusal is not null) return (null, null, refusal);
        if (!MeetingAccess.Of(meeting!, caller).IsOrganizer) return (null, null, Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format("meeting.organizerOnly", culture)));
        var proposal = await db.TopicProposals.SingleOrDefaultAsync(p => p.Id == topicId && p.MeetingId == id, ct);
        if (proposal is null) return (null, null, Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("topic.notFound", culture)));
        if (proposal.Status != "pending") return (null, null, Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("topic.decided", culture)));
        if (Closed(meeting!, clock) is { } closed) return (null, null, Problems.Problem(StatusCodes.Status409Conflict, Messages.Format(closed, culture)));
        return (meeting, proposal, null);
    }

    /// <summary>Topics are for a meeting still to come and not cancelled.</summary>
    private static string? Closed(Meeting meeting, TimeProvider clock) =>
        meeting.Invite.State is InviteState.Cancelled or InviteState.CancelPending ? "meeting.cancelled"
        : meeting.StartUtc <= clock.GetUtcNow().UtcDateTime ? "topic.started" : null;
}
