using System.Text.Json;
using CollabAddin.Api.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CollabAddin.Api.Http;

/// <summary>Every error is RFC 7807 problem details with a trace id; bad input never becomes a 500.</summary>
public static class Problems
{
    public static IServiceCollection AddCollabProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions.TryAdd("traceId", c.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<GraphExceptionHandler>();
        services.AddExceptionHandler<StoreUnavailableHandler>();
        // Body and parameter binding failures become exceptions, so one handler words them all.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>A problem response for a rule the request broke, with an optional extra member.</summary>
    public static ProblemHttpResult Problem(int status, string title, string? detail = null, string? extraName = null, object? extraValue = null) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: extraName is null ? null : new Dictionary<string, object?> { [extraName] = extraValue });

    /// <summary>Input that broke a rule, field by field (400 for a malformed request, 422 for a well-formed but refused one).</summary>
    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors, string? title = null, int status = StatusCodes.Status400BadRequest,
        IDictionary<string, object?>? extensions = null)
    {
        var problem = new HttpValidationProblemDetails(errors) { Status = status };
        if (title is not null) problem.Title = title;
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
            problem.Extensions[name] = value;
        return TypedResults.Problem(problem);
    }

    /// <summary>
    /// Declares, for the OpenAPI document, the problem answers an endpoint (or every endpoint of a group) can give.
    /// The success answers come from the handlers' typed results.
    /// </summary>
    public static TBuilder Refuses<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
        return builder;
    }
}

internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        var culture = RequestLanguage.Of(context.Request);
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge) // a body that grew past its limit while being read (chunked)
        {
            var limit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? SecurityHeaders.MaxJsonBodyBytes;
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await SecurityHeaders.TooLarge(limit, culture).ExecuteAsync(context);
            return true;
        }
        context.Response.StatusCode = bad.StatusCode;
        var detail = bad.InnerException is JsonException json
            ? Messages.Format("request.badJson", culture, json.Path is null ? "" : Messages.Format("request.badJsonAt", culture, json.Path))
            : bad.Message;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = bad.StatusCode, Title = Messages.Format("request.unreadable", culture), Detail = detail },
        });
    }
}

/// <summary>Graph's failures that reach a request: "try again later" (503 with Retry-After) or "Outlook said no" (502).</summary>
internal sealed class GraphExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var culture = RequestLanguage.Of(context.Request);
        var (status, title, detail) = exception switch
        {
            Graph.GraphUnavailableException => (StatusCodes.Status503ServiceUnavailable, Messages.Format("graph.unavailable", culture),
                Messages.Format("graph.unavailableDetail", culture)),
            Graph.GraphRejectedException r => (StatusCodes.Status502BadGateway, Messages.Format("graph.refused", culture), r.Message),
            _ => (0, "", ""),
        };
        if (status == 0)
            return false;
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = "30";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}

/// <summary>
/// The database cannot be reached (down, restarting, refusing connections): 503 with Retry-After, never a 500.
/// Nothing was written; the client can repeat the request once the store is back.
/// </summary>
internal sealed class StoreUnavailableHandler(IProblemDetailsService problems, ILogger<StoreUnavailableHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!IsUnavailable(exception))
            return false;
        log.StoreUnavailable(exception.GetBaseException().Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = 503, Title = Messages.Format("store.unavailable", RequestLanguage.Of(context.Request)),
                Detail = Messages.Format("store.unavailableDetail", RequestLanguage.Of(context.Request)),
            },
        });
    }

    private static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            switch (e)
            {
                case System.Data.Common.DbException { IsTransient: true }:                              // Npgsql, SqlClient (Azure SQL failover, throttling)
                case Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException:               // SQL Server: the execution strategy gave up
                case Npgsql.PostgresException { SqlState: "57P01" or "57P03" or "55000" or "53300" }: // shutdown, cannot connect now, not accepting connections, too many
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 or 10 or 14 }:   // busy, locked, I/O error, cannot open
                case System.Net.Sockets.SocketException:
                case TimeoutException:
                    return true;
            }
        return false;
    }
}
