using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace CollabAddin.Api.Http;

/// <summary>
/// Uploaded Word documents (minutes, a responsibilities table, a self-check list): one limit, enforced the same way by
/// every endpoint that takes one.
/// </summary>
public static class Uploads
{
    /// <summary>
    /// Kestrel's own request-size limit for the route, set to the configured upload limit (instead of the server-wide
    /// default), so a body past it is cut off by the server, not only by the handler.
    /// </summary>
    public sealed record Limit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

    /// <summary>413, saying the limit in MB and what to do, in the caller's language.</summary>
    public static ProblemHttpResult TooLarge(long max, System.Globalization.CultureInfo culture) =>
        Problems.Problem(StatusCodes.Status413PayloadTooLarge, Messages.Format("upload.tooLarge", culture),
            Messages.Format("upload.tooLargeDetail", culture, Math.Max(1, max / (1024 * 1024))));

    /// <summary>
    /// The body in memory, or null when it is larger than <paramref name="max"/>: refused on the declared length before
    /// reading, and on the bytes as they arrive (a chunked upload declares none), so an oversized body is never held whole.
    /// </summary>
    public static async Task<MemoryStream?> ReadAsync(HttpRequest request, long max, CancellationToken ct)
    {
        if (request.ContentLength > max) return null;
        var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            if (body.Length + read > max)
            {
                await body.DisposeAsync();
                return null;
            }
            body.Write(buffer, 0, read);
        }
        body.Position = 0;
        return body;
    }
}
