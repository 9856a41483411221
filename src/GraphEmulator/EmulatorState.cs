using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace CollabAddin.GraphEmulator;

/// <summary>
/// Everything the emulator knows: each mailbox's events, mail "sent", managers, extra busy time, and the faults
/// tests ask for. Thread-safe: Graph is called concurrently. Tests read it back to see what was "sent".
/// </summary>
public sealed class EmulatorState
{
    private readonly Lock _gate = new(); // Lock is reentrant for its owner thread, so copies can be written under it
    private readonly Dictionary<string, Mailbox> _mailboxes = new(StringComparer.OrdinalIgnoreCase);

    public TimeProvider Clock { get; set; } = TimeProvider.System;
    public FaultPlan Faults { get; } = new();
    /// <summary>False plays the China (21Vianet) cloud, where findMeetingTimes does not exist.</summary>
    public bool FindMeetingTimesAvailable { get; set; } = true;
    public ConcurrentDictionary<string, EmulatedUser> Managers { get; } = new(StringComparer.OrdinalIgnoreCase);
    public ConcurrentQueue<SentMail> SentMail { get; } = new();
    /// <summary>Invitations, updates and cancellations Outlook would have mailed to attendees.</summary>
    public ConcurrentQueue<MeetingNotice> Notices { get; } = new();
    public ConcurrentQueue<ExchangeRecord> Exchanges { get; } = new();
    private int _held;
    /// <summary>Calls a Slow fault is holding back right now: a test waits on it to know a client is mid-call.</summary>
    public int Held => Volatile.Read(ref _held);
    internal void Hold() => Interlocked.Increment(ref _held);
    internal void Release() => Interlocked.Decrement(ref _held);
    /// <summary>Each bearer token clients presented, with how many calls carried it.</summary>
    public ConcurrentDictionary<string, int> BearerTokens { get; } = new(StringComparer.Ordinal);
    /// <summary>The organizer's event id → the attendees' copies (mailbox, event id), as Exchange delivers them.</summary>
    public ConcurrentDictionary<string, List<(string Mailbox, string EventId)>> Copies { get; } = new();
    /// <summary>The tenant's people, for directory search (GET /users?$filter=startswith(...)).</summary>
    public ConcurrentDictionary<string, DirectoryUser> Directory { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Busy time that is not one of the mailbox's events (other calendars, out of office).</summary>
    public ConcurrentDictionary<string, List<BusyBlock>> ExtraBusy { get; } = new(StringComparer.OrdinalIgnoreCase);

    public T WithMailbox<T>(string user, Func<Mailbox, T> work)
    {
        lock (_gate)
            return work(MailboxOf(user));
    }

    /// <summary>Call only while holding the gate (inside WithMailbox).</summary>
    internal Mailbox MailboxOf(string user)
    {
        if (!_mailboxes.TryGetValue(user, out var mailbox))
            _mailboxes[user] = mailbox = new Mailbox(user);
        return mailbox;
    }

    /// <summary>A copy of one mailbox's events (cancelled ones included), for tests and the inspection page.</summary>
    public IReadOnlyList<JsonObject> EventsOf(string user) =>
        WithMailbox(user, m => m.Events.Values.Select(e => (JsonObject)e.Json.DeepClone()).ToList());

    public IReadOnlyList<(string Mailbox, JsonObject Event)> AllEvents()
    {
        lock (_gate)
            return _mailboxes.Values.SelectMany(m => m.Events.Values.Select(e => (m.User, (JsonObject)e.Json.DeepClone()))).ToList();
    }

    /// <summary>
    /// An attendee answers the invite in Outlook (accepted, tentativelyAccepted or declined; tentative and declined may
    /// propose a new time), as Exchange records it: on the attendee's own copy (responseStatus) and on the organizer's
    /// event, in that attendee's <c>status</c> and <c>proposedNewTime</c> (Graph's attendee resource). Our product never
    /// answers invites, so this is the emulator's own control, not a Graph operation. False when there is no such invite.
    /// </summary>
    public bool Answer(string attendee, string iCalUId, string response, DateTime? proposedStartUtc = null, DateTime? proposedEndUtc = null)
    {
        if (response is not ("accepted" or "tentativelyAccepted" or "declined"))
            throw new ArgumentException("Graph's attendee answers are accepted, tentativelyAccepted and declined.", nameof(response));
        lock (_gate)
        {
            var time = Json.Iso(Clock.GetUtcNow());
            var answered = false;
            foreach (var mailbox in _mailboxes.Values)
                foreach (var e in mailbox.Events.Values.Where(e => e.Json["iCalUId"]?.GetValue<string>() == iCalUId))
                {
                    if (e.Json["isOrganizer"]?.GetValue<bool>() == true && e.Json["attendees"] is JsonArray attendees)
                    {
                        foreach (var a in attendees.OfType<JsonObject>().Where(a => string.Equals(a["emailAddress"]?["address"]?.GetValue<string>(), attendee, StringComparison.OrdinalIgnoreCase)))
                        {
                            a["status"] = new JsonObject { ["response"] = response, ["time"] = time };
                            a["proposedNewTime"] = proposedStartUtc is { } start && proposedEndUtc is { } end && response != "accepted"
                                ? new JsonObject { ["start"] = Json.DateTimeTimeZone(start), ["end"] = Json.DateTimeTimeZone(end) }
                                : null;
                            answered = true;
                        }
                    }
                    else if (string.Equals(mailbox.User, attendee, StringComparison.OrdinalIgnoreCase))
                    {
                        e.Json["responseStatus"] = new JsonObject { ["response"] = response, ["time"] = time };
                    }
                }
            return answered;
        }
    }

    public int RequestCount(string method, string pathContains) =>
        Exchanges.Count(e => e.Method == method && e.Path.Contains(pathContains, StringComparison.OrdinalIgnoreCase));

    /// <summary>Requests clients sent (a $batch counts once; the requests inside it do not).</summary>
    public int ClientRequests => Exchanges.Count(e => !e.InBatch);
}

public sealed class Mailbox(string user)
{
    public string User { get; } = user;
    public Dictionary<string, StoredEvent> Events { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> ByTransactionId { get; } = new(StringComparer.Ordinal);
}

public sealed class StoredEvent(JsonObject json)
{
    public JsonObject Json { get; } = json;
    /// <summary>Graph returns these only when asked with $expand.</summary>
    public Dictionary<string, string?> ExtendedProperties { get; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed record EmulatedUser(string Id, string DisplayName, string Mail);
public sealed record DirectoryUser(string Mail, string DisplayName, string? Department);
public sealed record BusyBlock(DateTime StartUtc, DateTime EndUtc, string Status = "busy");
public sealed record SentMail(string From, IReadOnlyList<string> To, IReadOnlyList<string> Cc, string Subject, string ContentType, string Body,
    IReadOnlyList<SentAttachment> Attachments, DateTimeOffset At);
public sealed record SentAttachment(string Name, string ContentType, byte[] Content);
public sealed record MeetingNotice(string Kind, string Organizer, string EventId, IReadOnlyList<string> To, string? Comment, DateTimeOffset At);
/// <summary>
/// One request the emulator answered, with the response body, so tests can check shapes and count calls. InBatch marks a
/// request replayed from a $batch: the client sent the batch, one request, not this one.
/// </summary>
public sealed record ExchangeRecord(string Method, string Path, string? Operation, int Status, string? ResponseBody, string? Fault, bool InBatch = false);
