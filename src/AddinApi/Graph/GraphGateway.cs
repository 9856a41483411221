using System.Globalization;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Data;
using Microsoft.Graph;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;
using Microsoft.Graph.Users.Item.FindMeetingTimes;
using Microsoft.Kiota.Abstractions;
using GraphModels = Microsoft.Graph.Models;

namespace CollabAddin.Api.Graph;

/// <summary>
/// The one place that talks to Microsoft Graph. Acts for the signed-in organizer during a request, as the app in
/// background work; either way the tenant is the one the current work belongs to.
/// </summary>
public sealed class GraphGateway(GraphClients clients, CurrentTenant tenant, IHttpContextAccessor http) : IGraphGateway
{
    /// <summary>Our meeting id on the event (a MAPI named property in our own property set), readable with $filter.</summary>
    public const string MeetingIdProperty = "String {7b1f3c5e-2a4d-4e8f-9c6b-0d1e2f3a4b5c} Name CollabAddinMeetingId";

    private GraphServiceClient Client
    {
        get
        {
            var tenantId = tenant.Id ?? throw new InvalidOperationException("Graph is called for a tenant: set CurrentTenant first.");
            var user = http.HttpContext?.User;
            return clients.For(tenantId, user?.Identity?.IsAuthenticated == true ? user : null);
        }
    }

    public Task<CalendarEvent> CreateEventAsync(EventDraft draft, CancellationToken ct) => Call(async () =>
    {
        var e = ToEvent(draft);
        // Graph returns the event an earlier POST with this transactionId created, so a retried create is not a second invite.
        e.TransactionId = draft.MeetingId.ToString();
        e.SingleValueExtendedProperties = [new() { Id = MeetingIdProperty, Value = draft.MeetingId.ToString() }];
        return FromEvent(await Client.Users[draft.Organizer].Events.PostAsync(e, cancellationToken: ct));
    }, ct);

    public Task<string?> GetICalUIdAsync(string mailbox, string eventId, CancellationToken ct) => Call(async () =>
    {
        try
        {
            return (await Client.Users[mailbox].Events[eventId].GetAsync(r => r.QueryParameters.Select = ["iCalUId"], ct))?.ICalUId;
        }
        catch (GraphModels.ODataErrors.ODataError e) when (e.ResponseStatusCode is 400 or 404)
        {
            return null; // not an event of that mailbox
        }
    }, ct);

    public Task<IReadOnlyList<InviteAnswer>?> GetInviteAnswersAsync(string organizer, string eventId, CancellationToken ct) => Call<IReadOnlyList<InviteAnswer>?>(async () =>
    {
        try
        {
            var found = await Client.Users[organizer].Events[eventId].GetAsync(r => r.QueryParameters.Select = ["attendees"], ct);
            return found?.Attendees?.Where(a => a.EmailAddress?.Address is not null).Select(a => new InviteAnswer(
                a.EmailAddress!.Address!.ToLowerInvariant(),
                a.Status?.Response is { } r ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.ToString()) : "none",
                a.Status?.Time is { } t && t.Year > 1 ? t.UtcDateTime : null,
                Utc(a.ProposedNewTime?.Start), Utc(a.ProposedNewTime?.End))).ToList();
        }
        catch (GraphModels.ODataErrors.ODataError e) when (e.ResponseStatusCode == 404)
        {
            return null;
        }
    }, ct);

    /// <summary>A Graph dateTimeTimeZone (a local time and its zone, UTC unless a Prefer header asked otherwise) as UTC.</summary>
    private static DateTime? Utc(GraphModels.DateTimeTimeZone? value) =>
        value?.DateTime is { } text && DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(at, DateTimeKind.Unspecified), ActionItems.TimeZones.OrUtc(value.TimeZone))
            : null;

    public Task<DirectoryPerson?> GetManagerAsync(string person, CancellationToken ct) => Call(async () =>
    {
        try
        {
            var manager = await Client.Users[person].Manager.GetAsync(cancellationToken: ct) as GraphModels.User;
            return manager?.Mail is { } mail ? new DirectoryPerson(mail.ToLowerInvariant(), manager.DisplayName ?? mail, manager.Department) : null;
        }
        catch (GraphModels.ODataErrors.ODataError e) when (e.ResponseStatusCode == 404)
        {
            return null; // nobody is recorded as this person's manager
        }
    }, ct);

    public Task<IReadOnlyList<DirectoryPerson>> SearchPeopleAsync(string startsWith, int top, CancellationToken ct) => Call<IReadOnlyList<DirectoryPerson>>(async () =>
    {
        var quoted = startsWith.Replace("'", "''");
        var page = await Client.Users.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"startswith(displayName,'{quoted}') or startswith(mail,'{quoted}')";
            r.QueryParameters.Select = ["displayName", "mail", "department"];
            r.QueryParameters.Top = top;
        }, ct);
        return (page?.Value ?? []).Where(u => !string.IsNullOrEmpty(u.Mail))
            .Select(u => new DirectoryPerson(u.Mail!.ToLowerInvariant(), u.DisplayName ?? u.Mail!, u.Department)).ToList();
    }, ct);

    public Task SendMailAsync(OutgoingMail mail, CancellationToken ct) => Call(async () =>
    {
        await Client.Users[mail.From].SendMail.PostAsync(MailBody(mail), cancellationToken: ct);
        return true;
    }, ct);

    /// <summary>Graph takes at most 20 requests in one $batch.</summary>
    public const int MaxBatch = 20;
    /// <summary>Outlook runs at most 4 requests at once per mailbox; more at once come back 429 (MailboxConcurrency).</summary>
    public const int MailboxConcurrency = 4;

    public Task<IReadOnlyList<MailOutcome>> SendMailBatchAsync(IReadOnlyList<OutgoingMail> mails, CancellationToken ct) => Call<IReadOnlyList<MailOutcome>>(async () =>
    {
        if (mails.Count is 0 or > MaxBatch)
            throw new ArgumentOutOfRangeException(nameof(mails), mails.Count, $"A batch holds 1 to {MaxBatch} mails.");
        var client = Client;
        // The collection form (the single-batch type is obsolete); we hand it at most 20 steps, so it is one $batch.
        var batch = new BatchRequestContentCollection(client);
        for (var i = 0; i < mails.Count; i++)
        {
            var request = await client.RequestAdapter.ConvertToNativeRequestAsync<HttpRequestMessage>(
                client.Users[mails[i].From].SendMail.ToPostRequestInformation(MailBody(mails[i])), ct);
            // Graph runs a batch's independent requests at once. All our mail leaves from one sender mailbox, so the
            // batch is MailboxConcurrency chains, each mail waiting for the one before it in its chain.
            var dependsOn = i >= MailboxConcurrency ? new List<string> { Id(i - MailboxConcurrency) } : null;
            batch.AddBatchRequestStep(new BatchRequestStep(Id(i), request, dependsOn));
        }
        var response = await client.Batch.PostAsync(batch, ct);
        var outcomes = new List<MailOutcome>(mails.Count);
        for (var i = 0; i < mails.Count; i++)
        {
            using var answer = await response.GetResponseByIdAsync(Id(i));
            if (answer is null)
            {
                outcomes.Add(new MailOutcome(502, "missingResponse", "Graph's batch answer has no response for this mail.", null));
                continue;
            }
            var status = (int)answer.StatusCode;
            var (code, message) = status is >= 200 and < 300 ? (null, null) : await ErrorOf(answer, ct);
            outcomes.Add(new MailOutcome(status, code, message, answer.Headers.RetryAfter?.Delta));
        }
        return outcomes;

        static string Id(int i) => i.ToString(CultureInfo.InvariantCulture);
    }, ct);

    private static async Task<(string? Code, string? Message)> ErrorOf(HttpResponseMessage answer, CancellationToken ct)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync(ct));
            var error = json.RootElement.GetProperty("error");
            return (error.TryGetProperty("code", out var c) ? c.GetString() : null, error.TryGetProperty("message", out var m) ? m.GetString() : null);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, $"Graph answered {(int)answer.StatusCode}.");
        }
    }

    private static Microsoft.Graph.Users.Item.SendMail.SendMailPostRequestBody MailBody(OutgoingMail mail) => new()
    {
        Message = new GraphModels.Message
        {
            Subject = mail.Subject,
            Body = new GraphModels.ItemBody { ContentType = GraphModels.BodyType.Html, Content = mail.HtmlBody },
            ToRecipients = mail.To.Select(t => new GraphModels.Recipient { EmailAddress = new GraphModels.EmailAddress { Address = t } }).ToList(),
            Attachments = mail.Attachments.Select(a => (GraphModels.Attachment)new GraphModels.FileAttachment
            {
                OdataType = "#microsoft.graph.fileAttachment", Name = a.Name, ContentType = a.ContentType, ContentBytes = a.Content,
            }).ToList(),
        },
        SaveToSentItems = true,
    };

    public Task<CalendarEvent?> FindEventAsync(string organizer, Guid meetingId, CancellationToken ct) => Call(async () =>
    {
        var page = await Client.Users[organizer].Events.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{MeetingIdProperty}' and ep/value eq '{meetingId}')";
            r.QueryParameters.Select = ["id", "iCalUId", "webLink", "onlineMeeting", "isCancelled"];
        }, ct);
        var found = page?.Value?.FirstOrDefault();
        return found is null ? null : FromEvent(found);
    }, ct);

    public Task<CalendarEvent> UpdateEventAsync(string eventId, EventDraft draft, CancellationToken ct) => Call(async () =>
        FromEvent(await Client.Users[draft.Organizer].Events[eventId].PatchAsync(ToEvent(draft), cancellationToken: ct)), ct);

    public Task CancelEventAsync(string organizer, string eventId, string? comment, CancellationToken ct) => Call(async () =>
    {
        await Client.Users[organizer].Events[eventId].Cancel.PostAsync(new CancelPostRequestBody { Comment = comment ?? "" }, cancellationToken: ct);
        return true;
    }, ct);

    public Task<IReadOnlyList<TimeSuggestion>> FindMeetingTimesAsync(TimeSearch search, CancellationToken ct) => Call<IReadOnlyList<TimeSuggestion>>(async () =>
    {
        try
        {
            var result = await Client.Users[search.Organizer].FindMeetingTimes.PostAsync(new FindMeetingTimesPostRequestBody
            {
                Attendees = search.Attendees.Select(a => new GraphModels.AttendeeBase
                {
                    Type = a.Required ? GraphModels.AttendeeType.Required : GraphModels.AttendeeType.Optional,
                    EmailAddress = new GraphModels.EmailAddress { Address = a.Email, Name = a.DisplayName },
                }).ToList(),
                TimeConstraint = new GraphModels.TimeConstraint
                {
                    ActivityDomain = GraphModels.ActivityDomain.Work,
                    TimeSlots = [new GraphModels.TimeSlot { Start = Utc(search.FromUtc), End = Utc(search.ToUtc) }],
                },
                MeetingDuration = TimeSpan.FromMinutes(search.DurationMinutes),
                MaxCandidates = search.MaxSuggestions,
                IsOrganizerOptional = false,
                ReturnSuggestionReasons = true,
                MinimumAttendeePercentage = 50,
            }, cancellationToken: ct);
            return (result?.MeetingTimeSuggestions ?? []).Select(s => new TimeSuggestion(
                ParseUtc(s.MeetingTimeSlot?.Start), ParseUtc(s.MeetingTimeSlot?.End), s.Confidence ?? 0,
                (s.AttendeeAvailability ?? []).Select(a => new PersonAvailability(a.Attendee?.EmailAddress?.Address ?? "", Wire(a.Availability))).ToList()))
                .ToList();
        }
        catch (ApiException e) when (e.ResponseStatusCode is 400 or 404 or 501 && e.Message.Contains("findMeetingTimes", StringComparison.OrdinalIgnoreCase)
                                     || e is GraphModels.ODataErrors.ODataError { Error.Message: { } m } && m.Contains("findMeetingTimes", StringComparison.OrdinalIgnoreCase))
        {
            throw new GraphFeatureUnavailableException("findMeetingTimes is not available in this cloud.", e);
        }
    }, ct);

    public Task<IReadOnlyList<FreeBusy>> GetScheduleAsync(string organizer, IReadOnlyList<string> people, DateTime fromUtc, DateTime toUtc, int intervalMinutes, CancellationToken ct) =>
        Call<IReadOnlyList<FreeBusy>>(async () =>
        {
            var result = await Client.Users[organizer].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(new GetSchedulePostRequestBody
            {
                Schedules = people.ToList(),
                StartTime = Utc(fromUtc),
                EndTime = Utc(toUtc),
                AvailabilityViewInterval = intervalMinutes,
            }, cancellationToken: ct);
            return (result?.Value ?? []).Select(s => new FreeBusy(s.ScheduleId ?? "", s.AvailabilityView ?? "")).ToList();
        }, ct);

    private static GraphModels.Event ToEvent(EventDraft d) => new()
    {
        Subject = d.Subject,
        Body = new GraphModels.ItemBody { ContentType = GraphModels.BodyType.Html, Content = d.HtmlBody },
        Start = Local(d.StartUtc, d.TimeZone),
        End = Local(d.EndUtc, d.TimeZone),
        Location = new GraphModels.Location { DisplayName = d.Location ?? "" },
        IsOnlineMeeting = d.IsOnlineMeeting,
        OnlineMeetingProvider = d.IsOnlineMeeting ? GraphModels.OnlineMeetingProviderType.TeamsForBusiness : null,
        AllowNewTimeProposals = true,
        ResponseRequested = true,
        Attendees = d.Attendees.Select(a => new GraphModels.Attendee
        {
            EmailAddress = new GraphModels.EmailAddress { Address = a.Email, Name = a.DisplayName },
            Type = a.Required ? GraphModels.AttendeeType.Required : GraphModels.AttendeeType.Optional,
        }).ToList(),
        Recurrence = d.Recurrence is { } r ? Recurrence(r) : null,
    };

    private static GraphModels.PatternedRecurrence Recurrence(EventRecurrence r) => new()
    {
        Pattern = new GraphModels.RecurrencePattern
        {
            Type = Enum.Parse<GraphModels.RecurrencePatternType>(r.Type, ignoreCase: true),
            Interval = r.Interval,
            DaysOfWeek = r.DaysOfWeek.Count == 0 ? null : r.DaysOfWeek.Select(d => (GraphModels.DayOfWeekObject?)Enum.Parse<GraphModels.DayOfWeekObject>(d, ignoreCase: true)).ToList(),
            DayOfMonth = r.DayOfMonth,
            Index = r.Index is null ? null : Enum.Parse<GraphModels.WeekIndex>(r.Index, ignoreCase: true),
            FirstDayOfWeek = Enum.Parse<GraphModels.DayOfWeekObject>(r.FirstDayOfWeek, ignoreCase: true),
        },
        Range = new GraphModels.RecurrenceRange
        {
            Type = r.EndDate is null ? GraphModels.RecurrenceRangeType.Numbered : GraphModels.RecurrenceRangeType.EndDate,
            StartDate = new Date(r.StartDate.ToDateTime(TimeOnly.MinValue)),
            EndDate = r.EndDate is { } end ? new Date(end.ToDateTime(TimeOnly.MinValue)) : null,
            NumberOfOccurrences = r.Count ?? 0,
            RecurrenceTimeZone = TimeZoneInfo.TryConvertIanaIdToWindowsId(r.TimeZone, out var w) ? w : r.TimeZone,
        },
    };

    public Task<IReadOnlyList<EventOccurrence>> GetOccurrencesAsync(string organizer, string seriesMasterId, DateTime fromUtc, DateTime toUtc, CancellationToken ct) =>
        Call<IReadOnlyList<EventOccurrence>>(async () =>
        {
            var found = new List<EventOccurrence>();
            var page = await Client.Users[organizer].Events[seriesMasterId].Instances.GetAsync(r =>
            {
                r.QueryParameters.StartDateTime = fromUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                r.QueryParameters.EndDateTime = toUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                r.QueryParameters.Select = ["id", "iCalUId", "originalStart", "start", "webLink", "type"];
                r.QueryParameters.Top = 100;
            }, ct);
            // Graph pages instances; a series of ours has at most RecurrenceRules.MaxOccurrences, a few pages at worst.
            while (page is not null)
            {
                found.AddRange((page.Value ?? []).Where(e => e.Id is not null && e.OriginalStart is not null).Select(e => new EventOccurrence(
                    e.Id!, e.ICalUId, e.OriginalStart!.Value.UtcDateTime, ParseUtc(e.Start), e.WebLink, e.Type?.ToString() ?? "occurrence")));
                if (page.OdataNextLink is not { } next) break;
                page = await Client.Users[organizer].Events[seriesMasterId].Instances.WithUrl(next).GetAsync(cancellationToken: ct);
            }
            return found;
        }, ct);

    private static CalendarEvent FromEvent(GraphModels.Event? e) =>
        e?.Id is null
            ? throw new GraphRejectedException(502, "emptyResponse", "Graph answered without an event.")
            : new CalendarEvent(e.Id, e.ICalUId, e.WebLink, e.OnlineMeeting?.JoinUrl, e.IsCancelled == true);

    /// <summary>Graph wants local time plus the zone; IANA ids are given as Windows ids, which every Exchange knows.</summary>
    private static GraphModels.DateTimeTimeZone Local(DateTime utc, string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var windowsId = TimeZoneInfo.TryConvertIanaIdToWindowsId(zoneId, out var w) ? w : zoneId;
        return new() { DateTime = TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), TimeZone = windowsId };
    }

    private static GraphModels.DateTimeTimeZone Utc(DateTime utc) =>
        new() { DateTime = utc.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), TimeZone = "UTC" };

    private static DateTime ParseUtc(GraphModels.DateTimeTimeZone? value)
    {
        if (value?.DateTime is null || !DateTime.TryParse(value.DateTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return default;
        var zone = TimeZones.OrUtc(value.TimeZone);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
    }

    private static string Wire(GraphModels.FreeBusyStatus? status) =>
        status is null ? "unknown" : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.Value.ToString());

    /// <summary>Graph's failures in our words: try again later, or do not try again.</summary>
    private static async Task<T> Call<T>(Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (GraphFeatureUnavailableException) { throw; }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is ApiException))
        {
            // Graph's retry handler gives up this way after honouring Retry-After on 429/503/504 as often as allowed.
            throw new GraphUnavailableException($"Graph kept answering {((ApiException)e.InnerExceptions[^1]).ResponseStatusCode} after retries.", e);
        }
        catch (ApiException e) when (e.ResponseStatusCode is 429 or 500 or 502 or 503 or 504)
        {
            throw new GraphUnavailableException($"Graph answered {e.ResponseStatusCode} after retries.", e);
        }
        catch (ApiException e)
        {
            var error = (e as GraphModels.ODataErrors.ODataError)?.Error;
            throw new GraphRejectedException(e.ResponseStatusCode, error?.Code ?? "error", error?.Message ?? e.Message, e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || e is TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new GraphUnavailableException("Graph could not be reached: " + e.Message, e);
        }
        catch (Microsoft.Identity.Client.MsalServiceException e) when (e.StatusCode is 429 or >= 500)
        {
            throw new GraphUnavailableException($"Entra ID answered {e.StatusCode} when asked for a Graph token.", e);
        }
        catch (Microsoft.Identity.Web.MicrosoftIdentityWebChallengeUserException e)
        {
            // The user (or an admin) must consent or sign in again: the pane's next sign-in asks them.
            throw new GraphRejectedException(401, "consent_required", "Could not get a Graph token for this user: " + e.MsalUiRequiredException.ErrorCode, e);
        }
        catch (Microsoft.Identity.Client.MsalException e)
        {
            // Consent missing, the user's session revoked, a wrong secret: asking again will not help.
            throw new GraphRejectedException(401, "authentication", "Could not get a Graph token: " + e.ErrorCode, e);
        }
    }
}
