using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Tests.Infrastructure;
using CollabAddin.GraphEmulator;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Meetings;

public sealed class FindTimesTests
{
    // Tuesday 1 Dec 2026, 09:00–18:00 in Shanghai = 01:00–10:00 UTC.
    private static object Search(int duration = 60) => new
    {
        attendees = new object[] { new { email = Owner, displayName = "Carol" }, new { email = NoteTaker } },
        durationMinutes = duration, from = "2026-12-01T09:00", to = "2026-12-01T18:00", timeZone = Zone, maxSuggestions = 5,
    };

    private static void CarolIsBusy(TestApp app) =>
        // Carol is busy 09:00–12:00 Shanghai time (01:00–04:00 UTC) on the day searched.
        app.Graph.State.ExtraBusy[Owner] = [new BusyBlock(new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 1, 4, 0, 0, DateTimeKind.Utc))];

    private static async Task<FindTimesResponse> Find(TestApp app, object? search = null) =>
        await (await (await app.ClientForAsync(Organizer)).PostAsJsonAsync("/api/meetings/find-times", search ?? Search())).ReadAsync<FindTimesResponse>();

    [Fact]
    public async Task Suggestions_come_from_find_meeting_times_where_graph_has_it()
    {
        await using var app = await TestApp.StartAsync();
        CarolIsBusy(app);

        var result = await Find(app);

        Assert.Equal("findMeetingTimes", result.Source);
        Assert.NotEmpty(result.Suggestions);
        var best = result.Suggestions[0];
        Assert.Equal(100, best.Confidence);
        Assert.True(best.StartUtc >= new DateTime(2026, 12, 1, 4, 0, 0, DateTimeKind.Utc), $"suggested {best.Start} while Carol is busy");
        Assert.Equal(best.StartUtc.AddHours(1), best.EndUtc);
        Assert.Equal(best.StartUtc.AddHours(8).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), best.Start); // local time in Shanghai
        Assert.Contains(best.Attendees, a => a.Email == Owner && a.Availability == "free");
        Assert.Equal(0, app.Graph.State.RequestCount("POST", "getSchedule"));
    }

    [Fact]
    public async Task Suggestions_from_either_source_keep_to_the_configured_workday()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["FindTimes:WorkdayStart"] = "10:00:00", ["FindTimes:WorkdayEnd"] = "16:00:00" });
        var wholeDay = new
        {
            attendees = new object[] { new { email = Owner, displayName = "Carol" } },
            // Berlin, where the emulated mailboxes' own working hours (08:00–17:00 UTC) start at 09:00: earlier than ours.
            durationMinutes = 60, from = "2026-12-01T00:00", to = "2026-12-01T23:59", timeZone = "Europe/Berlin", maxSuggestions = 50,
        };
        foreach (var findMeetingTimes in new[] { true, false })
        {
            app.Graph.State.FindMeetingTimesAvailable = findMeetingTimes;
            var result = await Find(app, wholeDay);
            Assert.NotEmpty(result.Suggestions);
            Assert.All(result.Suggestions, s =>
            {
                Assert.True(string.CompareOrdinal(s.Start[11..], "10:00:00") >= 0, $"{result.Source}: {s.Start} starts before the workday");
                Assert.True(string.CompareOrdinal(s.End[11..], "16:00:00") <= 0, $"{result.Source}: {s.End} ends after it");
            });
        }
    }

    [Fact]
    public async Task Where_find_meeting_times_does_not_exist_the_same_answer_comes_from_free_busy()
    {
        await using var app = await TestApp.StartAsync();
        CarolIsBusy(app);
        app.Graph.State.FindMeetingTimesAvailable = false; // as in the China (21Vianet) cloud

        var result = await Find(app);

        Assert.Equal("getSchedule", result.Source);
        Assert.Equal(1, app.Graph.State.RequestCount("POST", "findMeetingTimes")); // tried, refused, fell back
        Assert.Equal(1, app.Graph.State.RequestCount("POST", "getSchedule"));
        Assert.Equal(5, result.Suggestions.Count);
        Assert.All(result.Suggestions, s => Assert.Equal(100, s.Confidence));
        Assert.Equal("2026-12-01T12:00:00", result.Suggestions[0].Start); // first hour after Carol's busy morning
        Assert.All(result.Suggestions, s => Assert.True(string.CompareOrdinal(s.End, "2026-12-01T18:00:00") <= 0));
        Assert.All(result.Suggestions[0].Attendees, a => Assert.Equal("free", a.Availability));
    }

    [Fact]
    public async Task A_cloud_configured_without_find_meeting_times_goes_straight_to_free_busy()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Graph:FindMeetingTimesAvailable"] = "false" });
        var result = await Find(app);
        Assert.Equal("getSchedule", result.Source);
        Assert.Equal(0, app.Graph.State.RequestCount("POST", "findMeetingTimes"));
    }

    [Fact]
    public async Task When_nobody_is_free_the_fallback_ranks_by_how_many_are()
    {
        await using var app = await TestApp.StartAsync();
        app.Graph.State.FindMeetingTimesAvailable = false;
        app.Graph.State.ExtraBusy[Owner] = [new BusyBlock(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc))];

        var result = await Find(app);

        Assert.All(result.Suggestions, s => Assert.Equal(50, s.Confidence));
        Assert.All(result.Suggestions, s => Assert.Equal("busy", s.Attendees.Single(a => a.Email == Owner).Availability));
    }

    [Fact]
    public async Task A_bad_search_is_a_422_naming_each_field()
    {
        await using var app = await TestApp.StartAsync();
        var response = await (await app.ClientForAsync(Organizer)).PostAsJsonAsync("/api/meetings/find-times", new
        {
            attendees = new[] { new { email = "nobody" } }, durationMinutes = 2, from = "2026-12-05T09:00", to = "2026-12-01T18:00", timeZone = "Nowhere/Else",
        });
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        foreach (var field in new[] { "attendees[0].email", "durationMinutes", "timeZone" })
            Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task When_graph_is_down_find_times_is_a_503_with_retry_after()
    {
        await using var app = await TestApp.StartAsync();
        app.Graph.State.Faults.Add(new FaultRule(FaultKind.Unavailable, Times: int.MaxValue, RetryAfterSeconds: 0));
        var response = await (await app.ClientForAsync(Organizer)).PostAsJsonAsync("/api/meetings/find-times", Search());
        await response.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
    }
}
