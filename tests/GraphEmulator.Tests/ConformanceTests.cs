using System.Text.Json;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;
using Microsoft.Graph.Users.Item.FindMeetingTimes;
using Microsoft.Graph.Users.Item.SendMail;
using GraphModels = Microsoft.Graph.Models;

namespace CollabAddin.GraphEmulator.Tests;

/// <summary>Every body the emulator sends, for every operation we use, has exactly Graph's shape.</summary>
public sealed class ConformanceTests
{
    private const string Organizer = "alice@contoso.example";
    private const string Property = "String {7b1f3c5e-2a4d-4e8f-9c6b-0d1e2f3a4b5c} Name CollabAddinMeetingId";

    internal static GraphModels.Event NewEvent(string transactionId) => new()
    {
        Subject = "Q3 launch plan",
        Body = new GraphModels.ItemBody { ContentType = GraphModels.BodyType.Html, Content = "<p>Goal: agree the plan</p>" },
        Start = new GraphModels.DateTimeTimeZone { DateTime = "2026-12-01T10:00:00", TimeZone = "China Standard Time" },
        End = new GraphModels.DateTimeTimeZone { DateTime = "2026-12-01T11:00:00", TimeZone = "Asia/Shanghai" },
        Location = new GraphModels.Location { DisplayName = "Room 5.01" },
        IsOnlineMeeting = true,
        OnlineMeetingProvider = GraphModels.OnlineMeetingProviderType.TeamsForBusiness,
        TransactionId = transactionId,
        Attendees =
        [
            new GraphModels.Attendee { EmailAddress = new GraphModels.EmailAddress { Address = "bob@contoso.example", Name = "Bob" }, Type = GraphModels.AttendeeType.Required },
            new GraphModels.Attendee { EmailAddress = new GraphModels.EmailAddress { Address = "dave@contoso.example" }, Type = GraphModels.AttendeeType.Optional },
        ],
        SingleValueExtendedProperties = [new GraphModels.SingleValueLegacyExtendedProperty { Id = Property, Value = transactionId }],
    };

    [Fact]
    public async Task Every_response_of_every_operation_matches_the_graph_openapi_description()
    {
        var shapes = OpenApiShapes.Load();
        await using var server = await EmulatorServer.StartAsync();
        server.State.Managers["bob@contoso.example"] = new EmulatedUser("0f1e2d3c-0000-0000-0000-000000000001", "Grace Lead", "grace@contoso.example");
        var graph = GraphClient.For(server);
        var users = graph.Users[Organizer];

        var created = await users.Events.PostAsync(NewEvent("m-1"));
        await users.Events[created!.Id].GetAsync(r => r.QueryParameters.Expand = [$"singleValueExtendedProperties($filter=id eq '{Property}')"]);
        await users.Events.GetAsync(r => r.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{Property}' and ep/value eq 'm-1')");
        await users.Events[created.Id].PatchAsync(new GraphModels.Event { Subject = "Q3 launch plan (moved)" });
        await users.Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(new GetSchedulePostRequestBody
        {
            Schedules = ["bob@contoso.example", Organizer],
            StartTime = new GraphModels.DateTimeTimeZone { DateTime = "2026-12-01T00:00:00", TimeZone = "UTC" },
            EndTime = new GraphModels.DateTimeTimeZone { DateTime = "2026-12-02T00:00:00", TimeZone = "UTC" },
            AvailabilityViewInterval = 60,
        });
        await users.FindMeetingTimes.PostAsync(new FindMeetingTimesPostRequestBody
        {
            Attendees = [new GraphModels.AttendeeBase { Type = GraphModels.AttendeeType.Required, EmailAddress = new GraphModels.EmailAddress { Address = "bob@contoso.example" } }],
            TimeConstraint = new GraphModels.TimeConstraint
            {
                TimeSlots = [new GraphModels.TimeSlot
                {
                    Start = new GraphModels.DateTimeTimeZone { DateTime = "2026-12-01T00:00:00", TimeZone = "UTC" },
                    End = new GraphModels.DateTimeTimeZone { DateTime = "2026-12-01T12:00:00", TimeZone = "UTC" },
                }],
            },
            MeetingDuration = TimeSpan.FromHours(1),
        });
        await users.SendMail.PostAsync(new SendMailPostRequestBody
        {
            Message = new GraphModels.Message
            {
                Subject = "Minutes", Body = new GraphModels.ItemBody { ContentType = GraphModels.BodyType.Html, Content = "<p>Attached</p>" },
                ToRecipients = [new GraphModels.Recipient { EmailAddress = new GraphModels.EmailAddress { Address = "bob@contoso.example" } }],
            },
        });
        await graph.Users["bob@contoso.example"].Manager.GetAsync();
        await users.Events[created.Id].Cancel.PostAsync(new CancelPostRequestBody { Comment = "Postponed" });
        await Assert.ThrowsAsync<ODataError>(() => graph.Users["dave@contoso.example"].Manager.GetAsync());
        await Assert.ThrowsAsync<ODataError>(() => users.Events["no-such-event"].GetAsync());
        await Assert.ThrowsAsync<ODataError>(() => users.Events.GetAsync(r => r.QueryParameters.Filter = "subject eq 'x'"));
        server.State.Faults.Add(new FaultRule(FaultKind.Throttle, "GET", "/events", Times: 1));
        await Assert.ThrowsAnyAsync<Exception>(() => users.Events.GetAsync());
        server.State.FindMeetingTimesAvailable = false;
        await Assert.ThrowsAsync<ODataError>(() => users.FindMeetingTimes.PostAsync(new FindMeetingTimesPostRequestBody()));
        await users.Events[created.Id].DeleteAsync();

        var checkedOperations = new HashSet<string>();
        var problems = new List<string>();
        foreach (var exchange in server.State.Exchanges.Where(e => e.ResponseBody is not null))
        {
            var operation = OpenApiShapes.Operation(exchange.Method, exchange.Path);
            Assert.True(operation is not null, $"{exchange.Method} {exchange.Path} is not an operation of the description");
            // Graph returns the manager as a full user although the description types it as directoryObject (README, quirk 5).
            var lenient = operation!.EndsWith("/manager", StringComparison.Ordinal) && exchange.Status == 200;
            var found = shapes.Check(operation, exchange.Status, JsonDocument.Parse(exchange.ResponseBody!).RootElement, lenient);
            problems.AddRange(found.Select(f => $"{exchange.Method} {exchange.Path} → {exchange.Status}: {f}"));
            checkedOperations.Add($"{operation} {(exchange.Status < 300 ? "ok" : "error")}");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(
            [
                "get /users/{user-id}/events error", "get /users/{user-id}/events ok", "get /users/{user-id}/events/{event-id} error",
                "get /users/{user-id}/events/{event-id} ok", "get /users/{user-id}/manager error", "get /users/{user-id}/manager ok",
                "patch /users/{user-id}/events/{event-id} ok", "post /users/{user-id}/calendar/microsoft.graph.getSchedule ok",
                "post /users/{user-id}/events ok", "post /users/{user-id}/microsoft.graph.findMeetingTimes error",
                "post /users/{user-id}/microsoft.graph.findMeetingTimes ok",
            ],
            checkedOperations.Order());
        // Bodiless successes: cancel 202, sendMail 202, delete 204, as Graph answers them.
        Assert.Equal([202, 202, 204], server.State.Exchanges.Where(e => e.ResponseBody is null && e.Status > 0).Select(e => e.Status).Order());
    }

    /// <summary>
    /// A recurring event, its occurrences, an exception and a cancelled occurrence have Graph's shapes too. The instances
    /// path is not in the description's subset; its items are events and are checked as the event a GET returns.
    /// </summary>
    [Fact]
    public async Task A_series_its_occurrences_and_an_exception_match_the_graph_openapi_description()
    {
        var shapes = OpenApiShapes.Load();
        await using var server = await EmulatorServer.StartAsync();
        var users = GraphClient.For(server).Users[Organizer];
        var series = NewEvent("s-1");
        series.Recurrence = new GraphModels.PatternedRecurrence
        {
            Pattern = new GraphModels.RecurrencePattern { Type = GraphModels.RecurrencePatternType.Weekly, Interval = 1, DaysOfWeek = [GraphModels.DayOfWeekObject.Tuesday], FirstDayOfWeek = GraphModels.DayOfWeekObject.Monday },
            Range = new GraphModels.RecurrenceRange { Type = GraphModels.RecurrenceRangeType.Numbered, StartDate = new Microsoft.Kiota.Abstractions.Date(2026, 12, 1), NumberOfOccurrences = 3, RecurrenceTimeZone = "China Standard Time" },
        };

        var master = await users.Events.PostAsync(series);
        var instances = await users.Events[master!.Id].Instances.GetAsync(r => (r.QueryParameters.StartDateTime, r.QueryParameters.EndDateTime) = ("2026-11-01T00:00:00Z", "2027-01-01T00:00:00Z"));
        var second = instances!.Value![1];
        await users.Events[second.Id].GetAsync();
        await users.Events[second.Id].PatchAsync(new GraphModels.Event { Subject = "Moved topic" });
        await users.Events[instances.Value[2].Id].Cancel.PostAsync(new CancelPostRequestBody { Comment = "Holiday" });
        var after = await users.Events[master.Id].Instances.GetAsync(r => (r.QueryParameters.StartDateTime, r.QueryParameters.EndDateTime) = ("2026-11-01T00:00:00Z", "2027-01-01T00:00:00Z"));

        Assert.Equal((GraphModels.EventType.SeriesMaster, 3), (master.Type, instances.Value.Count));
        Assert.Equal(["Occurrence", "Exception"], after!.Value!.Select(e => e.Type.ToString()));
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 2, 0, 0, TimeSpan.Zero), second.OriginalStart); // 10:00 in Shanghai, a week on
        var problems = new List<string>();
        foreach (var exchange in server.State.Exchanges.Where(e => e.ResponseBody is not null))
        {
            var body = JsonDocument.Parse(exchange.ResponseBody!).RootElement;
            var bodies = exchange.Path.EndsWith("/instances", StringComparison.Ordinal) ? body.GetProperty("value").EnumerateArray().ToList() : [body];
            var operation = exchange.Path.EndsWith("/instances", StringComparison.Ordinal) ? "get /users/{user-id}/events/{event-id}" : OpenApiShapes.Operation(exchange.Method, exchange.Path)!;
            foreach (var item in bodies)
                problems.AddRange(shapes.Check(operation, exchange.Status, item).Select(f => $"{exchange.Method} {exchange.Path}: {f}"));
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_checker_itself_catches_a_drifted_shape()
    {
        var shapes = OpenApiShapes.Load();
        var wrong = JsonDocument.Parse("""{"id":"x","subject":42,"isCancelled":"no","madeUp":true,"showAs":"sleeping","start":{"dateTime":"2026-12-01T00:00:00","timeZone":"UTC"}}""").RootElement;
        var errors = shapes.Check("post /users/{user-id}/events", 201, wrong);
        Assert.Contains(errors, e => e.Contains("$.subject: expected a string"));
        Assert.Contains(errors, e => e.Contains("$.isCancelled: expected a boolean"));
        Assert.Contains(errors, e => e.Contains("$.madeUp: not a property"));
        Assert.Contains(errors, e => e.Contains("$.showAs: 'sleeping' is not one of"));
        Assert.Empty(shapes.Check("post /users/{user-id}/events", 201, JsonDocument.Parse("""{"id":"x","onlineMeeting":null}""").RootElement));
    }
}
