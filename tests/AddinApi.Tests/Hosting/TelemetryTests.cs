using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using CollabAddin.Api.Hosting;
using CollabAddin.Api.Tests.Infrastructure;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Hosting;

/// <summary>
/// What the product reports about itself: its own instruments move when the work happens, and the spans around Graph
/// calls name the operation, never a mailbox, an id, a subject or a token. (Listeners are process-wide and other tests
/// run alongside, so counts are "at least" and spans are picked by what they are.)
/// </summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Creating_a_meeting_and_publishing_minutes_move_the_products_own_instruments()
    {
        var seen = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == Telemetry.Name) l.EnableMeasurementEvents(instrument); },
        };
        listener.SetMeasurementEventCallback<long>((i, v, _, _) => seen.AddOrUpdate(i.Name, v, (_, old) => old + v));
        listener.SetMeasurementEventCallback<double>((i, v, _, _) => seen.AddOrUpdate(i.Name, v, (_, old) => old + v));
        listener.Start();

        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        var template = await Minutes.MinutesDocs.TemplateAsync(bob, meeting!.Id);
        await (await Minutes.MinutesDocs.PublishAsync(bob, meeting.Id, Minutes.MinutesDocs.FirstDraft(template))).ShouldBeAsync(HttpStatusCode.OK);

        Assert.True(seen.GetValueOrDefault("collab.invites.sent") >= 1, "no invite counted");
        Assert.True(seen.GetValueOrDefault("collab.minutes.publish.rows") >= 2, "the published rows were not recorded");
        Assert.True(seen.GetValueOrDefault("collab.minutes.publish.duration") > 0, "no publish duration");
    }

    [Fact]
    public async Task Spans_around_graph_calls_name_the_operation_and_nothing_personal()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "System.Net.Http" or "Microsoft.AspNetCore" or EfSource || source.Name == Telemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);

        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var graphHost = new Uri(app.Graph.GraphBaseUrl).Authority;

        var graphCalls = stopped.Where(a => a.Source.Name == "System.Net.Http" && (a.GetTagItem("url.full") as string)?.Contains(graphHost, StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(graphCalls);
        Assert.Contains(graphCalls, a => a.DisplayName == "POST /v1.0/users/{id}/events");
        var apiCalls = stopped.Where(a => a.Source.Name == "Microsoft.AspNetCore" && (a.GetTagItem("url.path") as string)?.StartsWith("/api/", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(apiCalls);
        NoTagCarries(graphCalls.Concat(apiCalls), text => text.Contains('@') || text.Contains(meeting!.Subject, StringComparison.Ordinal)
            || text.Contains("Bearer", StringComparison.Ordinal));

        // The store's commands are spans too, with their SQL but no value bound to it (SQL names parameters with '@').
        var storeCalls = stopped.Where(a => a.Source.Name == EfSource).ToList();
        Assert.Contains(storeCalls, a => a.TagObjects.Any(t => t.Value?.ToString()?.Contains("Meetings", StringComparison.Ordinal) == true));
        NoTagCarries(storeCalls, text => text.Contains("contoso.example", StringComparison.Ordinal) || text.Contains(meeting!.Subject, StringComparison.Ordinal));
    }

    private static void NoTagCarries(IEnumerable<Activity> activities, Func<string, bool> personal)
    {
        foreach (var activity in activities)
            foreach (var (key, value) in activity.TagObjects)
            {
                var text = value?.ToString() ?? "";
                Assert.False(personal(text), $"{activity.DisplayName}: {key} = {text}");
            }
    }

    private const string EfSource = "OpenTelemetry.Instrumentation.EntityFrameworkCore";

    [Theory]
    [InlineData("/v1.0/users/alice@contoso.example/events", "/v1.0/users/{id}/events")]
    [InlineData("/v1.0/users/alice@contoso.example/events/AAMkAGVtdWxhdG9yAbc123", "/v1.0/users/{id}/events/{id}")]
    [InlineData("/v1.0/$batch", "/v1.0/$batch")]
    [InlineData("/v1.0/users/6f1c9e62-1111-4a4a-9b9b-000000000001/calendar/getSchedule", "/v1.0/users/{id}/calendar/getSchedule")]
    public void A_graph_path_keeps_its_operation_and_loses_its_ids(string path, string operation) =>
        Assert.Equal(operation, Telemetry.Operation(path));
}
