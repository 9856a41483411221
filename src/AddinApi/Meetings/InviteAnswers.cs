using System.Globalization;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Graph;
using CollabAddin.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Meetings;

/// <param name="Response">accepted, tentative, declined, or none (not answered yet).</param>
/// <param name="AgendaTopics">The agenda items this person owns.</param>
public sealed record AttendeeAnswer(string Email, string DisplayName, AttendanceKind Kind, IReadOnlyList<string> Roles, IReadOnlyList<string> AgendaTopics,
    string Response, DateTime? AnsweredAt, DateTime? ProposedStartUtc, DateTime? ProposedEndUtc);

public sealed record AnswerCounts(int Accepted, int Tentative, int Declined, int None);

/// <param name="Live">From Graph just now; false when Graph could not be asked and these are the answers last seen.</param>
/// <param name="Warnings">A core attendee, a host or an agenda item's owner who declined, worded in the caller's language.</param>
public sealed record InviteAnswers(bool Live, AnswerCounts Counts, IReadOnlyList<AttendeeAnswer> Attendees, IReadOnlyList<string> Warnings);

/// <summary>
/// Who answered the invite how: read from the organizer's event in Graph (accepted, tentative, declined, a proposed new
/// time), kept on the meeting so the minutes template can pre-fill attendance, and shown to the people running it with a
/// warning when someone the meeting depends on declined.
/// </summary>
public static class InviteAnswersApi
{
    public static void MapInviteAnswers(this RouteGroupBuilder meetings) =>
        meetings.MapGet("/{id:guid}/responses", Get).WithSummary("Attendees' answers to the invite from Outlook, who has not answered, and which declines matter.").Refuses(404);

    private static async Task<Results<Ok<InviteAnswers>, ProblemHttpResult>> Get(Guid id, Caller caller, CollabDb db, IGraphGateway graph, HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (meeting, refusal) = await MeetingLookup.SeenByAsync(db, id, caller, culture, ct, tracked: true);
        if (refusal is not null) return refusal;
        if (!MeetingAccess.Of(meeting!, caller).Runs) return Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format("meeting.responsesRunOnly", culture));

        var live = false;
        if (meeting!.Invite.GraphEventId is { } eventId && meeting.Invite.State is InviteState.Sent or InviteState.UpdatePending)
        {
            try
            {
                if (await graph.GetInviteAnswersAsync(meeting.OrganizerEmail, eventId, ct) is { } answers)
                {
                    Remember(meeting, answers);
                    await db.SaveChangesAsync(ct); // only the answers change: not a change of plan, so no new version
                    live = true;
                }
            }
            catch (Exception e) when (e is GraphUnavailableException or GraphRejectedException)
            {
                // Graph is down or refuses: show what was last seen, marked as such, rather than nothing.
            }
        }
        return TypedResults.Ok(Answers(meeting, live, culture));
    }

    private static void Remember(Meeting meeting, IReadOnlyList<InviteAnswer> answers)
    {
        foreach (var attendee in meeting.Attendees)
        {
            var answer = answers.FirstOrDefault(a => a.Email == attendee.Email);
            attendee.Response = answer?.Response switch
            {
                "accepted" => "accepted",
                "tentativelyAccepted" => "tentative",
                "declined" => "declined",
                _ => attendee.Email == meeting.OrganizerEmail ? "accepted" : null, // the organizer's own answer is "organizer"
            };
            attendee.RespondedAt = attendee.Response is null ? null : answer?.AnsweredAt;
            (attendee.ProposedStartUtc, attendee.ProposedEndUtc) = (answer?.ProposedStartUtc, answer?.ProposedEndUtc);
        }
    }

    private static InviteAnswers Answers(Meeting meeting, bool live, CultureInfo culture)
    {
        var people = meeting.Attendees.Select(a => new AttendeeAnswer(a.Email, a.DisplayName, a.Kind, MeetingResponse.RoleNames(a.Roles),
            meeting.Agenda.Where(i => i.OwnerEmail == a.Email).OrderBy(i => i.Position).Select(i => i.Topic).ToList(),
            a.Response ?? "none", a.RespondedAt, a.ProposedStartUtc, a.ProposedEndUtc)).ToList();
        var warnings = new List<string>();
        foreach (var declined in people.Where(p => p.Response == "declined"))
        {
            if (declined.AgendaTopics.Count > 0)
                warnings.Add(Messages.Format("responses.ownerDeclined", culture, declined.DisplayName, string.Join(Messages.IsChinese(culture) ? "、" : ", ", declined.AgendaTopics)));
            else if (declined.Kind == AttendanceKind.Core || declined.Roles.Contains("host"))
                warnings.Add(Messages.Format("responses.coreDeclined", culture, declined.DisplayName));
        }
        return new InviteAnswers(live, new AnswerCounts(people.Count(p => p.Response == "accepted"), people.Count(p => p.Response == "tentative"),
            people.Count(p => p.Response == "declined"), people.Count(p => p.Response == "none")), people, warnings);
    }
}
