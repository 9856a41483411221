using System.Globalization;
using System.Text;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Graph;
using CollabAddin.Api.Http;
using CollabAddin.Api.Meetings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Minutes;

public sealed record MailFailure(string Email, string Reason);
public sealed record MailReport(IReadOnlyList<string> Sent, IReadOnlyList<MailFailure> Failed);

/// <summary>
/// Mails the latest published minutes to every attendee: the .docx attached, and in the body the action items that
/// person owns. One mail per person, from the caller's mailbox, so each sees only their own list.
/// </summary>
public static class MinutesMail
{
    /// <summary>Graph's sendMail takes attachments inline up to about 3 MB; bigger ones need an upload session.</summary>
    public const int MaxInlineAttachmentBytes = 3 * 1024 * 1024;

    /// <summary>The same minutes go to the attendees again at most this often, even when the resend is confirmed.</summary>
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(10);

    public static void MapMinutesMail(this RouteGroupBuilder minutes) =>
        minutes.MapPost("/mail", Send).RequireRateLimiting(SecurityHeaders.WritesPolicy).Refuses(404, 409, 422, 429, 502)
            .WithSummary("Mail the published minutes to all attendees, each with their own action items. Again only with resend=true, and at most every 10 minutes.");

    private static async Task<Results<Ok<MailReport>, ProblemHttpResult>> Send(Guid id, Caller caller, CollabDb db, IGraphGateway graph, TimeProvider clock,
        Microsoft.Extensions.Options.IOptions<FollowUp.FollowUpOptions> links, HttpRequest request, HttpResponse response, CancellationToken ct, bool resend = false)
    {
        var culture = RequestLanguage.Of(request);
        var (meeting, refusal) = await MinutesApi.LoadRunAsync(db, id, caller, culture, ct);
        if (refusal is not null) return refusal;
        var latest = await db.MinutesPublications.Where(p => p.MeetingId == id).OrderByDescending(p => p.PublishedAt).FirstOrDefaultAsync(ct);
        if (latest is null)
            return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("minutes.nothingPublished", culture), Messages.Format("minutes.nothingPublishedDetail", culture));
        if (latest.Document.Length > MaxInlineAttachmentBytes)
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, Messages.Format("minutes.tooLargeToMail", culture), Messages.Format("minutes.tooLargeToMailDetail", culture));
        var now = clock.GetUtcNow().UtcDateTime;
        if (latest.MailedAt is { } mailed && !resend)
            return Problems.Problem(StatusCodes.Status409Conflict, Messages.Format("minutes.alreadyMailed", culture),
                Messages.Format("minutes.alreadyMailedDetail", culture, mailed.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)), "mailedAt", mailed);
        // Claimed in the store before anything is sent: two clicks, or two instances, send once.
        var retryBefore = now - ResendInterval;
        if (await db.MinutesPublications.Where(p => p.Id == latest.Id && (p.MailedAt == null || p.MailedAt <= retryBefore))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.MailedAt, now), ct) == 0)
        {
            var wait = (int)Math.Ceiling(((latest.MailedAt ?? now) + ResendInterval - now).TotalSeconds);
            response.Headers.RetryAfter = Math.Max(1, wait).ToString(CultureInfo.InvariantCulture);
            return Problems.Problem(StatusCodes.Status429TooManyRequests, Messages.Format("minutes.mailedMoment", culture),
                Messages.Format("minutes.mailedMomentDetail", culture, (int)ResendInterval.TotalMinutes, Math.Max(1, wait)));
        }
        var items = await db.ActionItems.Where(i => i.MeetingId == id && i.Status != ActionItemStatus.Cancelled).InDueOrder().ToListAsync(ct);
        var chinese = RequestLanguage.IsChinese(meeting!.Language);
        var approval = MinutesSignOff.Mark(meeting, latest, chinese);
        // Until the host approves them, the minutes go out marked as a draft — on the document and in the subject.
        var attachment = new MailAttachment(MinutesApi.FileName(meeting.Subject, chinese), MinutesApi.DocxType, CollabAddin.Minutes.MinutesStamp.Mark(latest.Document, approval, chinese));
        var subject = (approval.Approved ? "" : chinese ? "【草稿】" : "[Draft] ") + (chinese ? "会议纪要：" : "Minutes: ") + meeting.Subject;

        var sent = new List<string>();
        var failed = new List<MailFailure>();
        foreach (var person in meeting.Attendees)
        {
            var mine = items.Where(i => i.OwnerEmail == person.Email).ToList();
            try
            {
                await graph.SendMailAsync(new OutgoingMail(caller.Email, [person.Email], subject, Body(meeting, person, mine, chinese, links.Value, approval), [attachment]), ct);
                sent.Add(person.Email);
            }
            catch (Exception e) when (e is GraphUnavailableException or GraphRejectedException)
            {
                failed.Add(new MailFailure(person.Email, e.Message));
            }
        }
        if (sent.Count == 0 && failed.Count > 0)
        {
            // Nothing went out: the minutes count as not mailed, so trying again needs no confirmation.
            await db.MinutesPublications.Where(p => p.Id == latest.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.MailedAt, latest.MailedAt), ct);
            throw new GraphUnavailableException("No minutes mail could be sent: " + failed[0].Reason);
        }
        return TypedResults.Ok(new MailReport(sent, failed));
    }

    private static string Body(Meeting meeting, MeetingAttendee person, List<ActionItem> mine, bool zh, FollowUp.FollowUpOptions links, CollabAddin.Minutes.MinutesApproval approval)
    {
        string E(string? text) => InviteBody.Encode(text);
        var html = new StringBuilder(MailHtml.Open);
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(person.DisplayName)}{(zh ? "，您好：" : ",")}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{(zh ? "附件是本次会议的纪要：" : "Attached are the minutes of ")}<b>{E(meeting.Subject)}</b>.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"font-weight:600;color:{(approval.Approved ? "#107c10" : "#c50f1f")}\">{E(CollabAddin.Minutes.MinutesStamp.Text(approval, zh))}</p>");
        if (mine.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{(zh ? "您在本次会议中没有行动项。" : "You have no action items from this meeting.")}</p>");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{(zh ? "您的行动项：" : "Your action items:")}</p><table style=\"border-collapse:collapse\">");
            html.Append(CultureInfo.InvariantCulture, $"<tr><th style=\"text-align:left;padding:4px 8px\">{(zh ? "行动项" : "Action")}</th><th style=\"text-align:left;padding:4px 8px\">{(zh ? "截止日期" : "Due")}</th></tr>");
            foreach (var item in mine)
                html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:4px 8px\">{E(item.Title)}</td><td style=\"padding:4px 8px\">{item.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—"}</td></tr>");
            html.Append("</table>");
        }
        if (person.Email != meeting.OrganizerEmail)
        {
            // One click: each number opens the rating with "the goal was reached" answered; two more questions and it is sent.
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin-top:16px\">{(zh ? "本次会议达成目标了吗？点击打分（1 = 完全没有，5 = 完全达成）：" : "Did the meeting reach its goal? Rate it in one click (1 = not at all, 5 = fully):")}<br>");
            for (var score = Feedback.FeedbackRules.Lowest; score <= Feedback.FeedbackRules.Highest; score++)
                html.Append(CultureInfo.InvariantCulture, $"<a href=\"{E(links.FeedbackLink(meeting.Id, score))}\" style=\"display:inline-block;min-width:28px;padding:4px 8px;margin:4px 4px 0 0;border:1px solid #8a8886;border-radius:4px;text-align:center;text-decoration:none;color:#0f6cbd\">{score}</a>");
            html.Append(CultureInfo.InvariantCulture, $"<br><span style=\"color:#605e5c;font-size:12px\">{(zh ? "评价匿名：少于 3 人作答时，发起人只能看到人数。" : "Anonymous: until 3 people have answered, the organizer sees only how many did.")}</span></p>");
        }
        html.Append(MailHtml.Close(zh));
        return html.ToString();
    }
}
