using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

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
        // Body and parameter binding failures become exceptions, so one handler words them all.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>A problem response for a rule the request broke, with an optional extra member.</summary>
    public static IResult Problem(int status, string title, string? detail = null, string? extraName = null, object? extraValue = null) =>
        Results.Problem(statusCode: status, title: title, detail: detail,
            extensions: extraName is null ? null : new Dictionary<string, object?> { [extraName] = extraValue });
}

internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        context.Response.StatusCode = bad.StatusCode;
        var detail = bad.InnerException is JsonException json
            ? $"The request body is not valid JSON for this operation{(json.Path is null ? "" : $" (at {json.Path})")}. Check the field names and value types."
            : bad.Message;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = bad.StatusCode, Title = "The request could not be read.", Detail = detail },
        });
    }
}

/// <summary>Graph's failures that reach a request: "try again later" (503 with Retry-After) or "Outlook said no" (502).</summary>
internal sealed class GraphExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title, detail) = exception switch
        {
            Graph.GraphUnavailableException => (StatusCodes.Status503ServiceUnavailable, "Outlook (Microsoft Graph) is not answering right now.",
                "Nothing was changed. Try again in a little while."),
            Graph.GraphRejectedException r => (StatusCodes.Status502BadGateway, "Outlook (Microsoft Graph) refused the request.", r.Message),
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
