using CollabAddin.Api.Data;
using CollabAddin.Api.Graph;
using CollabAddin.Api.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.FollowUp;

/// <summary>
/// Sends queued mail, one at a time or up to <see cref="GraphGateway.MaxBatch"/> in one Graph <c>$batch</c>. A sender
/// first claims each mail with a lease in the database, so two instances never send the same mail; one that dies after
/// claiming leaves the lease to expire and the mail to the next sender.
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
        if (!await ClaimAsync(id, now, ct)) return false;
        var mail = await db.OutboxMails.SingleAsync(m => m.Id == id, ct);
        MailOutcome outcome;
        try
        {
            await graph.SendMailAsync(Outgoing(mail), ct);
            outcome = new MailOutcome(202, null, null, null);
        }
        catch (GraphUnavailableException e) { outcome = new MailOutcome(503, "unavailable", e.Message, null); }
        catch (GraphRejectedException e) { outcome = new MailOutcome(e.Status, e.Code, e.Message, null); }
        Record(mail, outcome, now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Sends the given mails (one tenant's, at most <see cref="GraphGateway.MaxBatch"/>) in one Graph request; each is
    /// recorded by its own answer. Returns how many were claimed and tried.
    /// </summary>
    public async Task<int> TrySendBatchAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = new List<Guid>();
        foreach (var id in ids) // a claim is one local UPDATE; it is the Graph requests that are worth saving
            if (await ClaimAsync(id, now, ct)) claimed.Add(id);
        if (claimed.Count == 0) return 0;

        var mails = await db.OutboxMails.Where(m => claimed.Contains(m.Id)).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        IReadOnlyList<MailOutcome> outcomes;
        try
        {
            outcomes = await graph.SendMailBatchAsync(mails.Select(Outgoing).ToList(), ct);
        }
        catch (GraphUnavailableException e) { outcomes = mails.Select(_ => new MailOutcome(503, "unavailable", e.Message, null)).ToList(); }
        catch (GraphRejectedException e) { outcomes = mails.Select(_ => new MailOutcome(e.Status, e.Code, e.Message, null)).ToList(); }
        for (var i = 0; i < mails.Count; i++)
            Record(mails[i], outcomes[i], now);
        await db.SaveChangesAsync(ct);
        return mails.Count;
    }

    /// <summary>
    /// Records an unexpected failure against the given mails (each counts an attempt, backs off, and fails for good after
    /// <see cref="FollowUpOptions.MaxAttempts"/>), releasing their leases. Runs in a fresh scope after the send threw.
    /// </summary>
    public async Task RecordFailureAsync(IReadOnlyList<Guid> ids, Exception failure, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var error = RetrySchedule.Reason(failure);
        foreach (var mail in await db.OutboxMails.Where(m => ids.Contains(m.Id) && m.State == OutboxState.Pending).ToListAsync(ct))
        {
            mail.Attempts++;
            mail.State = mail.Attempts >= options.Value.MaxAttempts ? OutboxState.Failed : OutboxState.Pending;
            mail.NextAttemptAt = now + options.Value.RetryAfter(mail.Attempts);
            mail.Error = error;
            mail.LeaseUntil = null;
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<bool> ClaimAsync(Guid id, DateTime now, CancellationToken ct)
    {
        var lease = now.AddSeconds(options.Value.LeaseSeconds);
        return await db.OutboxMails
            .Where(m => m.Id == id && m.State == OutboxState.Pending && (m.LeaseUntil == null || m.LeaseUntil < now) && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, lease), ct) == 1;
    }

    private static OutgoingMail Outgoing(OutboxMail mail) =>
        new(mail.FromMailbox, mail.To.Split(';', StringSplitOptions.RemoveEmptyEntries), mail.Subject, mail.HtmlBody,
            mail.Attachment is null ? [] : [new MailAttachment(mail.AttachmentName ?? "attachment", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", mail.Attachment)]);

    private void Record(OutboxMail mail, MailOutcome outcome, DateTime now)
    {
        if (outcome.Sent)
        {
            mail.State = OutboxState.Sent;
            mail.SentAt = clock.GetUtcNow().UtcDateTime;
            mail.Error = null;
            // Counted as Graph answered (the store's save follows; a lost save only means the mail is counted again when resent).
            Telemetry.MailsSent.Add(1, new KeyValuePair<string, object?>("kind", mail.Kind));
            Telemetry.OutboxLag.Record(Math.Max(0, (mail.SentAt.Value - (mail.NextAttemptAt ?? mail.CreatedAt)).TotalSeconds), new KeyValuePair<string, object?>("kind", mail.Kind));
        }
        else if (outcome.NotTried)
        {
            mail.NextAttemptAt = now; // the next pass sends it: no back-off for a mail Graph never tried
        }
        else if (outcome.Retry)
        {
            mail.Attempts++;
            var backOff = options.Value.RetryAfter(mail.Attempts);
            mail.NextAttemptAt = now + (outcome.RetryAfter > backOff ? outcome.RetryAfter.Value : backOff);
            mail.Error = RetrySchedule.Stored(outcome.Message);
            log.MailDeferred(mail.Kind, mail.Attempts, outcome.Status, outcome.Message);
        }
        else
        {
            mail.State = OutboxState.Failed;
            Telemetry.MailsFailed.Add(1, new KeyValuePair<string, object?>("kind", mail.Kind));
            mail.Error = RetrySchedule.Stored(outcome.Message);
            log.MailRefused(mail.Kind, outcome.Status, outcome.Code);
        }
        mail.LeaseUntil = null;
    }
}
