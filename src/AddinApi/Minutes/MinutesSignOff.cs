using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;
using CollabAddin.Api.Meetings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Minutes;

/// <summary>One kept publication of the minutes, as its history shows it: published, approved, mailed.</summary>
public sealed record PublicationStep(Guid Id, DateTime PublishedAt, string PublishedBy, int Created, int Updated, int Cancelled,
    DateTime? ApprovedAt, PersonRef? ApprovedBy, DateTime? MailedAt, bool Latest);

/// <param name="Approvers">Who approves these minutes: the meeting's hosts, or its organizer when no host is named.</param>
/// <param name="CanApprove">The caller is one of them.</param>
public sealed record MinutesStatus(IReadOnlyList<PublicationStep> Publications, IReadOnlyList<PersonRef> Approvers, bool CanApprove);

public sealed record ApproveRequest(Guid PublicationId);

/// <summary>
/// Sign-off: the host approves the published minutes (which publication, who, when). Until then they are a draft — in the
/// mail and on the document. A publish that is kept after an approval is a new draft that needs approving again.
/// </summary>
public static class MinutesSignOff
{
    public static void MapMinutesSignOff(this RouteGroupBuilder minutes)
    {
        minutes.MapGet("/publications", Status).WithSummary("Each kept publication of the minutes: who published it when, who approved it when, when it was mailed.").Refuses(404);
        minutes.MapPost("/approve", Approve).WithSummary("The host approves the latest publication (the organizer, when no host is named).")
            .RequireRateLimiting(SecurityHeaders.WritesPolicy).Refuses(404, 409, 429);
    }

    /// <summary>The meeting's hosts (主持人), or its organizer when the plan names no host.</summary>
    public static IReadOnlyList<PersonRef> Approvers(Meeting meeting)
    {
        var hosts = meeting.Attendees.Where(a => a.Roles.HasFlag(MeetingRoles.Host)).Select(a => new PersonRef(a.Email, a.DisplayName)).ToList();
        return hosts.Count > 0 ? hosts : [new PersonRef(meeting.OrganizerEmail, meeting.OrganizerName)];
    }

    private static bool IsApprover(Meeting meeting, Caller caller) =>
        meeting.Attendees.Any(a => a.Roles.HasFlag(MeetingRoles.Host) && PersonMatch.Is(a.ObjectId, a.Email, caller))
        || !meeting.Attendees.Any(a => a.Roles.HasFlag(MeetingRoles.Host)) && PersonMatch.Is(meeting.OrganizerObjectId, meeting.OrganizerEmail, caller);

    /// <summary>How the minutes' mark reads: approved (by, on), or a draft awaiting the approvers.</summary>
    public static CollabAddin.Minutes.MinutesApproval Mark(Meeting meeting, MinutesPublication latest, bool chinese) => new(
        latest.ApprovedAt is not null, latest.ApprovedByName,
        latest.ApprovedAt is { } at ? DateOnly.FromDateTime(TimeZones.Local(at, meeting.TimeZone)) : null,
        string.Join(chinese ? "、" : ", ", Approvers(meeting).Select(p => p.DisplayName)));

    private static async Task<Results<Ok<MinutesStatus>, ProblemHttpResult>> Status(Guid id, Caller caller, CollabDb db, HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (meeting, refusal) = await MeetingLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        return TypedResults.Ok(await StatusOfAsync(db, meeting!, caller, ct));
    }

    private static async Task<MinutesStatus> StatusOfAsync(CollabDb db, Meeting meeting, Caller caller, CancellationToken ct)
    {
        var steps = await db.MinutesPublications.AsNoTracking().Where(p => p.MeetingId == meeting.Id).OrderByDescending(p => p.PublishedAt)
            .Select(p => new { p.Id, p.PublishedAt, p.ByEmail, p.Created, p.Updated, p.Cancelled, p.ApprovedAt, p.ApprovedByEmail, p.ApprovedByName, p.MailedAt })
            .ToListAsync(ct);
        return new MinutesStatus(steps.Select((p, i) => new PublicationStep(p.Id, p.PublishedAt, p.ByEmail, p.Created, p.Updated, p.Cancelled, p.ApprovedAt,
            p.ApprovedByEmail is null ? null : new PersonRef(p.ApprovedByEmail, p.ApprovedByName ?? p.ApprovedByEmail), p.MailedAt, i == 0)).ToList(),
            Approvers(meeting), IsApprover(meeting, caller));
    }

    private static async Task<Results<Ok<MinutesStatus>, ProblemHttpResult>> Approve(Guid id, ApproveRequest approve, Caller caller, CollabDb db, TimeProvider clock,
        HttpRequest request, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(request);
        var (meeting, refusal) = await MeetingLookup.SeenByAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        if (!IsApprover(meeting!, caller))
            return Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format("minutes.approveHostOnly", culture,
                string.Join(Messages.IsChinese(culture) ? "、" : ", ", Approvers(meeting!).Select(p => p.DisplayName))));
        var latest = await db.MinutesPublications.Where(p => p.MeetingId == id).OrderByDescending(p => p.PublishedAt).Select(p => new { p.Id, p.ApprovedAt }).FirstOrDefaultAsync(ct);
        if (latest is null)
            return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("minutes.nothingPublished", culture), Messages.Format("minutes.nothingPublishedDetail", culture));
        if (latest.Id != approve.PublicationId)
            return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("minutes.approveNotLatest", culture), Messages.Format("minutes.approveNotLatestDetail", culture));
        if (latest.ApprovedAt is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // Conditional, so two approvals at once record one. Mailed-at is cleared: the approved version has not gone
            // out yet, and mailing it must not need the "send again" confirmation the draft's mail set.
            await db.MinutesPublications.Where(p => p.Id == latest.Id && p.ApprovedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ApprovedAt, now).SetProperty(p => p.ApprovedByEmail, caller.Email)
                    .SetProperty(p => p.ApprovedByName, caller.Name).SetProperty(p => p.MailedAt, (DateTime?)null), ct);
        }
        return TypedResults.Ok(await StatusOfAsync(db, meeting!, caller, ct));
    }
}
