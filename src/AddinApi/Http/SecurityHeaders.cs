using System.Globalization;
using System.Threading.RateLimiting;
using CollabAddin.Api.Auth;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;

namespace CollabAddin.Api.Http;

/// <summary>
/// Headers every response carries, a Content-Security-Policy for the task-pane pages that allows exactly what they load
/// (our origin, Office.js from Microsoft's CDN, Entra ID for sign-in, and the Office hosts that frame the panes), CORS
/// for configured origins only, body size limits, and per-user rate limits on the expensive writes.
/// </summary>
public static class SecurityHeaders
{
    public const string WritesPolicy = "per-user-writes";
    /// <summary>Plan checks as the organizer types: cheap, but not free, and open to scripts without a limit.</summary>
    public const string ValidationsPolicy = "per-user-validations";
    public const long MaxJsonBodyBytes = 1024 * 1024;

    /// <summary>
    /// The Office hosts that frame the panes: Outlook on the web (worldwide, the new cloud.microsoft domain, and the China
    /// cloud operated by 21Vianet) and Office for the web (Word). Section <c>Security:FrameAncestors</c> replaces the list.
    /// </summary>
    public static readonly string[] DefaultFrameAncestors =
    [
        "https://outlook.office.com", "https://outlook.office365.com", "https://outlook.cloud.microsoft", "https://outlook.live.com",
        "https://*.officeapps.live.com", "https://partner.outlook.cn", "https://*.officeapps.partner.office365.cn",
    ];

    public static string PaneCsp(IEnumerable<string> frameAncestors) =>
        "default-src 'self'; " +
        "script-src 'self' https://appsforoffice.microsoft.com; " +
        "style-src 'self' 'unsafe-inline'; " + // Office.js and the panes set element styles
        "img-src 'self' data:; " +
        "connect-src 'self' https://login.microsoftonline.com https://login.partner.microsoftonline.cn; " +
        "frame-src https://login.microsoftonline.com https://login.partner.microsoftonline.cn; " +
        $"frame-ancestors 'self' {string.Join(' ', frameAncestors)}; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'";

    public static void AddCollabSecurity(this WebApplicationBuilder builder)
    {
        var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
        {
            if (origins.Length > 0) p.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("ETag", "Retry-After");
        }));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 25 * 1024 * 1024);
        var limits = new Dictionary<string, int>
        {
            [WritesPolicy] = builder.Configuration.GetValue("RateLimits:WritesPerMinute", 30),
            [ValidationsPolicy] = builder.Configuration.GetValue("RateLimits:ValidationsPerMinute", 120),
        };
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            foreach (var (policy, perMinute) in limits)
                o.AddPolicy(policy, context => RateLimitPartition.GetFixedWindowLimiter(
                    context.User.FindFirst(EntraClaims.ObjectId)?.Value ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (rejected, ct) =>
            {
                var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                var policy = rejected.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? WritesPolicy;
                rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var culture = RequestLanguage.Of(rejected.HttpContext.Request);
                await Results.Problem(statusCode: 429, title: Messages.Format("request.tooMany", culture),
                    detail: Messages.Format("request.tooManyDetail", culture, limits.GetValueOrDefault(policy, limits[WritesPolicy]), (int)Math.Ceiling(retry.TotalSeconds)))
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
    }

    public static IResult TooLarge(long limit, System.Globalization.CultureInfo culture) => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: Messages.Format("request.tooLarge", culture),
        detail: limit >= 1024 * 1024 ? Messages.Format("request.tooLargeMb", culture, limit / (1024 * 1024)) : Messages.Format("request.tooLargeKb", culture, limit / 1024));

    public static void UseCollabSecurity(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection(); // 307: a POST stays a POST on its way to https
        }
        var paneCsp = PaneCsp(app.Configuration.GetSection("Security:FrameAncestors").Get<string[]>() is { Length: > 0 } configured ? configured : DefaultFrameAncestors);
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            var path = context.Request.Path.Value ?? "/";
            if (path == "/" || path.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                headers.ContentSecurityPolicy = paneCsp;
            // Items, meetings, reports and people carry personal data: no browser or proxy keeps a copy.
            if (path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
                headers.CacheControl = "no-store";
            // JSON bodies are small; only minutes uploads are large (their endpoint carries its own, configurable limit).
            // The limit is set on the connection too, so a chunked body without Content-Length is cut off at the same size.
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? MaxJsonBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                await TooLarge(limit, RequestLanguage.Of(context.Request)).ExecuteAsync(context);
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
                body.MaxRequestBodySize = limit;
            await next(context);
        });
        app.UseCors();
    }
}
