using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CollabAddin.GraphEmulator;

public static class EmulatorEndpoints
{
    /// <summary>
    /// Graph's routes under <c>{root}/v1.0</c>, and a read-only look at what was "sent" under <c>{root}/_emulator</c>.
    /// Both the short action paths Graph serves and the namespace-qualified ones of its description are mapped.
    /// </summary>
    public static IEndpointRouteBuilder MapGraphEmulator(this IEndpointRouteBuilder app, string root = "")
    {
        var graph = app.MapGroup(root + "/v1.0").AddEndpointFilter(FaultsAndAuth).ExcludeFromDescription();
        graph.MapPost("/users/{user}/events", EventEndpoints.Create);
        graph.MapGet("/users/{user}/events", EventEndpoints.List);
        graph.MapGet("/users/{user}/events/{eventId}", EventEndpoints.Get);
        graph.MapPatch("/users/{user}/events/{eventId}", EventEndpoints.Update);
        graph.MapDelete("/users/{user}/events/{eventId}", EventEndpoints.Delete);
        graph.MapGet("/users/{user}/events/{eventId}/instances", EventEndpoints.Instances);
        foreach (var prefix in new[] { "", "microsoft.graph." })
        {
            graph.MapPost($"/users/{{user}}/events/{{eventId}}/{prefix}cancel", EventEndpoints.Cancel);
            graph.MapPost($"/users/{{user}}/calendar/{prefix}getSchedule", ScheduleEndpoints.GetSchedule);
            graph.MapPost($"/users/{{user}}/{prefix}findMeetingTimes", ScheduleEndpoints.FindMeetingTimes);
            graph.MapPost($"/users/{{user}}/{prefix}sendMail", MailEndpoints.SendMail);
        }
        graph.MapGet("/users/{user}/manager", MailEndpoints.Manager);
        graph.MapGet("/users", DirectoryEndpoints.Search);
        // As a Delegate: a method taking only HttpContext would bind as a RequestDelegate and its IResult be dropped.
        graph.MapPost("/$batch", (Delegate)BatchEndpoints.Batch);

        var look = app.MapGroup(root + "/_emulator").ExcludeFromDescription();
        look.MapGet("/events", (EmulatorState state) => state.AllEvents().Select(e => new { mailbox = e.Mailbox, @event = e.Event }));
        look.MapGet("/sent-mail", (EmulatorState state) => state.SentMail.Select(m => new
        {
            m.From, m.To, m.Cc, m.Subject, m.ContentType, m.Body, m.At,
            Attachments = m.Attachments.Select(a => new { a.Name, a.ContentType, Bytes = a.Content.Length }),
        }));
        look.MapGet("/notices", (EmulatorState state) => state.Notices.ToArray());
        // An attendee answering the invite, for the offline demo: ?attendee=&iCalUId=&response=accepted|tentativelyAccepted|declined
        look.MapPost("/answer", (EmulatorState state, string attendee, string iCalUId, string response, DateTime? proposedStart, DateTime? proposedEnd) =>
            response is "accepted" or "tentativelyAccepted" or "declined"
                ? state.Answer(attendee, iCalUId, response, proposedStart?.ToUniversalTime(), proposedEnd?.ToUniversalTime()) ? Results.NoContent() : Results.NotFound()
                : Results.BadRequest());
        return app;
    }

    /// <summary>Graph refuses calls without a bearer token; tests' faults are played here, before or after the work.</summary>
    private static async ValueTask<object?> FaultsAndAuth(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var state = http.RequestServices.GetRequiredService<EmulatorState>();
        var operation = http.Request.Path.Value ?? "";
        var authorization = http.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
            return GraphReply.Error(401, "InvalidAuthenticationToken", "Access token is empty.", operation);
        state.BearerTokens.AddOrUpdate(authorization["Bearer ".Length..], 1, (_, n) => n + 1);

        var fault = state.Faults.Next(http.Request.Method, http.Request.Path.Value ?? "");
        if (fault is null)
            return await next(context);
        http.Items["fault"] = fault.Kind.ToString();
        switch (fault.Kind)
        {
            case FaultKind.Throttle:
                return GraphReply.Error(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", operation, fault.RetryAfterSeconds);
            case FaultKind.Unavailable:
                return GraphReply.Error(503, "ServiceUnavailable", "Service Unavailable", operation, fault.RetryAfterSeconds);
            case FaultKind.GatewayTimeout:
                return GraphReply.Error(504, "GatewayTimeout", "The gateway did not receive a timely response.", operation);
            case FaultKind.Refuse:
                return GraphReply.Error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.", operation);
            case FaultKind.Slow:
                state.Hold();
                try { await Task.Delay(fault.DelayMs, http.RequestAborted); }
                catch (OperationCanceledException)
                {
                    // The client timed out and hung up first: record it, or a test could not tell a timeout happened.
                    state.Exchanges.Enqueue(new ExchangeRecord(http.Request.Method, http.Request.Path, null, 0, null, "Slow", InBatch(http)));
                    return Results.Empty;
                }
                finally { state.Release(); }
                return await next(context);
            case FaultKind.Drop:
                Dropped(state, http, "Drop");
                return Results.Empty;
            default: // DropAfterCommit
                await next(context); // the work is done and kept; only the answer is lost
                Dropped(state, http, "DropAfterCommit");
                return Results.Empty;
        }
    }

    private static void Dropped(EmulatorState state, HttpContext http, string fault)
    {
        state.Exchanges.Enqueue(new ExchangeRecord(http.Request.Method, http.Request.Path, null, 0, null, fault, InBatch(http)));
        http.Abort();
    }

    /// <summary>True for a request replayed from a $batch: not one a client sent on its own.</summary>
    internal static bool InBatch(HttpContext http) => http.Request.Headers.ContainsKey(BatchEndpoints.BatchHeader);
}
