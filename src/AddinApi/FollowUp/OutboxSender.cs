using CollabAddin.Api.Data;
using CollabAddin.Api.Graph;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.FollowUp;

/// <summary>
/// Sends one queued mail. The sender first claims it with a lease in the database, so two instances never send the
/// same mail; one that dies after claiming leaves the lease to expire and the mail to the next sender.
/// </summary>
/// <remarks>
/// Graph's sendMail has no idempotency key, so one window stays open: Graph accepted the mail and the process died
/// before recording it. That mail is sent again after the lease expires: at least once, never lost.
/// </remarks>
public sealed class OutboxSender(CollabDb db, IGraphGateway graph, TimeProvider clock, IOptions<FollowUpOptions> options, ILogger<OutboxSender> log)
{
    public async Task<bool> TrySendAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = now.AddSeconds(options.Value.LeaseSeconds);
        var claimed = await db.OutboxMails
            .Where(m => m.Id == id && m.State == OutboxState.Pending && (m.LeaseUntil == null || m.LeaseUntil < now) && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, lease), ct);
        if (claimed == 0) return false;

        var mail = await db.OutboxMails.SingleAsync(m => m.Id == id, ct);
        try
        {
            await graph.SendMailAsync(new OutgoingMail(mail.FromMailbox, mail.To.Split(';', StringSplitOptions.RemoveEmptyEntries), mail.Subject, mail.HtmlBody,
                mail.Attachment is null ? [] : [new MailAttachment(mail.AttachmentName ?? "attachment", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", mail.Attachment)]), ct);
            mail.State = OutboxState.Sent;
            mail.SentAt = clock.GetUtcNow().UtcDateTime;
            mail.Error = null;
        }
        catch (GraphUnavailableException e)
        {
            mail.Attempts++;
            mail.NextAttemptAt = now.AddSeconds(Math.Min(30 * Math.Pow(2, mail.Attempts - 1), 3600));
            mail.Error = e.Message;
            log.LogWarning("Mail {Kind} not sent yet (attempt {Attempts}): {Reason}", mail.Kind, mail.Attempts, e.Message);
        }
        catch (GraphRejectedException e)
        {
            mail.State = OutboxState.Failed;
            mail.Error = e.Message;
            log.LogError("Graph refused mail {Kind}: {Status} {Code}", mail.Kind, e.Status, e.Code);
        }
        mail.LeaseUntil = null;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
