using System.Globalization;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Graph;
using CollabAddin.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CollabAddin.Api.Meetings;

public sealed record FindTimesRequest(List<FindTimesAttendee>? Attendees, int? DurationMinutes, string? From, string? To, string? TimeZone, int? MaxSuggestions);
public sealed record FindTimesAttendee(string? Email, string? DisplayName, bool Required = true);

public sealed record SuggestedTime(DateTime StartUtc, DateTime EndUtc, string Start, string End, double Confidence, IReadOnlyList<PersonAvailability> Attendees);
/// <param name="Source">findMeetingTimes, or getSchedule where that API does not exist (the China cloud).</param>
public sealed record FindTimesResponse(string Source, IReadOnlyList<SuggestedTime> Suggestions);

/// <summary>
/// Time suggestions. Graph's findMeetingTimes where it exists; otherwise the same answer computed from everyone's
/// free/busy (getSchedule): slots in working hours where the most required attendees are free.
/// </summary>
public static class FindTimes
{
    private const int Interval = 15;

    public static async Task<Results<Ok<FindTimesResponse>, ProblemHttpResult>> Handle(FindTimesRequest request, Caller caller, IGraphGateway graph, IOptions<GraphOptions> options, HttpRequest http,
        IOptions<FindTimesOptions> hours, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(http);
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string code, params object[] args) => errors[field] = [Messages.Format(code, culture, args)];
        var attendees = request.Attendees ?? [];
        if (attendees.Count is 0 or > 50) Error("attendees", "times.attendees");
        for (var i = 0; i < attendees.Count; i++)
            if (!Emails.IsValid(attendees[i].Email)) Error($"attendees[{i}].email", "attendee.emailInvalid", attendees[i].Email ?? "");
        if (request.DurationMinutes is not (>= 5 and <= 480)) Error("durationMinutes", "times.duration");
        TimeZoneInfo? zone = TimeZones.IsKnown(request.TimeZone) ? TimeZoneInfo.FindSystemTimeZoneById(request.TimeZone!) : null;
        if (zone is null) Error("timeZone", "timeZone.unknown", request.TimeZone ?? "");
        var from = MeetingPolicy.ToUtc(request.From, zone);
        var to = MeetingPolicy.ToUtc(request.To, zone);
        if (from is null) Error("from", "times.from");
        if (to is null) Error("to", "times.to");
        if (from is not null && to is not null && (to <= from || to - from > TimeSpan.FromDays(31)))
            Error("to", "times.window");
        if (request.MaxSuggestions is < 1 or > 50) Error("maxSuggestions", "times.suggestions");
        if (errors.Count > 0)
            return Problems.Invalid(errors, title: Messages.Format("times.invalid", culture), status: StatusCodes.Status422UnprocessableEntity);

        var people = attendees.Select(a => new EventAttendee(Emails.Normalize(a.Email!), a.DisplayName ?? a.Email!, a.Required))
            .DistinctBy(a => a.Email).ToList();
        var search = new TimeSearch(caller.Email, people, request.DurationMinutes!.Value, from!.Value, to!.Value, request.MaxSuggestions ?? 10);
        string source;
        IReadOnlyList<TimeSuggestion> suggestions;
        try
        {
            if (!options.Value.FindMeetingTimesAvailable)
                throw new GraphFeatureUnavailableException("findMeetingTimes is switched off for this cloud.");
            // Graph works to each mailbox's own working hours (08:00 in many); the product's workday is the configured one.
            suggestions = (await graph.FindMeetingTimesAsync(search, ct)).Where(s => InWorkday(s.StartUtc, search.DurationMinutes, zone!, hours.Value)).ToList();
            source = "findMeetingTimes";
        }
        catch (GraphFeatureUnavailableException)
        {
            var freeBusy = await graph.GetScheduleAsync(caller.Email, people.Select(p => p.Email).Append(caller.Email).Distinct().ToList(),
                search.FromUtc, search.ToUtc, Interval, ct);
            suggestions = FromFreeBusy(search, freeBusy, zone!, hours.Value);
            source = "getSchedule";
        }
        return TypedResults.Ok(new FindTimesResponse(source, suggestions.Select(s => new SuggestedTime(s.StartUtc, s.EndUtc,
            Local(s.StartUtc, zone!), Local(s.EndUtc, zone!), s.Confidence, s.Attendees)).ToList()));
    }

    /// <summary>Slots on the quarter hour, inside working hours in the organizer's zone, ranked by the share of required people free.</summary>
    public static IReadOnlyList<TimeSuggestion> FromFreeBusy(TimeSearch search, IReadOnlyList<FreeBusy> freeBusy, TimeZoneInfo zone, FindTimesOptions hours)
    {
        var views = freeBusy.ToDictionary(f => f.Email, f => f.AvailabilityView, StringComparer.OrdinalIgnoreCase);
        var slots = search.DurationMinutes / Interval + (search.DurationMinutes % Interval == 0 ? 0 : 1);
        var required = search.Attendees.Where(a => a.Required).ToList();
        var candidates = new List<TimeSuggestion>();
        for (var start = search.FromUtc; start.AddMinutes(search.DurationMinutes) <= search.ToUtc; start = start.AddMinutes(Interval))
        {
            if (!InWorkday(start, search.DurationMinutes, zone, hours))
                continue;
            var first = (int)((start - search.FromUtc).TotalMinutes / Interval);
            string Availability(string email) => views.TryGetValue(email, out var view)
                ? Status(Enumerable.Range(first, slots).Select(i => i < view.Length ? view[i] : '0').Max())
                : "unknown";
            if (Availability(search.Organizer) is not ("free" or "unknown"))
                continue; // the organizer is busy: not a time to suggest
            var people = search.Attendees.Select(a => new PersonAvailability(a.Email, Availability(a.Email))).ToList();
            var free = required.Count(r => people.First(p => p.Email == r.Email).Availability == "free");
            var confidence = required.Count == 0 ? 100 : 100.0 * free / required.Count;
            if (confidence >= 50)
                candidates.Add(new TimeSuggestion(start, start.AddMinutes(search.DurationMinutes), confidence, people));
        }
        return candidates.OrderByDescending(c => c.Confidence).ThenBy(c => c.StartUtc).Take(search.MaxSuggestions).ToList();
    }

    /// <summary>The one workday rule for suggestions from either source: a weekday, inside working hours in the organizer's zone.</summary>
    public static bool InWorkday(DateTime startUtc, int minutes, TimeZoneInfo zone, FindTimesOptions hours)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(startUtc, zone);
        var localEnd = local.AddMinutes(minutes);
        return local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && local.TimeOfDay >= hours.WorkdayStart
            && localEnd.TimeOfDay <= hours.WorkdayEnd && localEnd.Date == local.Date;
    }

    private static string Status(char code) => code switch
    {
        '0' => "free",
        '1' => "tentative",
        '2' => "busy",
        '3' => "oof",
        '4' => "workingElsewhere",
        _ => "unknown",
    };

    private static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>Section <c>FindTimes</c>: the working day used when suggestions come from free/busy.</summary>
public sealed class FindTimesOptions
{
    public TimeSpan WorkdayStart { get; set; } = TimeSpan.FromHours(9);
    public TimeSpan WorkdayEnd { get; set; } = TimeSpan.FromHours(18);
}
