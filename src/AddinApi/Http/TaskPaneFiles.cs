using System.Text.RegularExpressions;
using CollabAddin.Api.Hosting;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.FileProviders;

namespace CollabAddin.Api.Http;

public static partial class TaskPaneFiles
{
    /// <summary>
    /// Brotli or gzip for the panes' own files (scripts, styles, pages), not for API answers: compressing responses that
    /// mix a caller's input with personal data over TLS is what BREACH attacks, and JSON answers here are small.
    /// </summary>
    public static IServiceCollection AddTaskPaneCompression(this IServiceCollection services) => services
        .Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal)
        .Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal)
        .AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["text/html", "text/css", "application/javascript", "text/javascript", "image/svg+xml"];
        });

    /// <summary>
    /// Files whose names carry their content's hash (the build's <c>name-Hash8.js</c>) never change: a year, immutable.
    /// Everything else — the pages, icons, Office.js — is revalidated, so a new release is seen at once.
    /// </summary>
    private static void CacheHeaders(Microsoft.AspNetCore.StaticFiles.StaticFileResponseContext context) =>
        context.Context.Response.Headers.CacheControl = HashedName().IsMatch(Uncompressed(context.File.Name)) ? "public, max-age=31536000, immutable" : "no-cache";

    /// <summary>The build writes each script and style also as name.br and name.gz (best compression, once).</summary>
    private static readonly (string Encoding, string Suffix)[] Precompressed = [("br", ".br"), ("gzip", ".gz")];

    private static string Uncompressed(string name) =>
        Precompressed.FirstOrDefault(p => name.EndsWith(p.Suffix, StringComparison.Ordinal)) is { Suffix: { } suffix } ? name[..^suffix.Length] : name;

    /// <summary>
    /// Serves a hashed asset's precompressed twin when the browser accepts its encoding: smaller than compressing on
    /// the fly (Brotli at its best level, which is too slow per request) and no CPU per request. Response compression
    /// leaves these alone: they already carry their Content-Encoding.
    /// </summary>
    private static void UsePrecompressed(WebApplication app, PhysicalFileProvider files, string requestPath) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Path.StartsWithSegments(requestPath, out var rest) && rest.Value is { } file && HashedName().IsMatch(file))
        {
            var accepted = Microsoft.Net.Http.Headers.StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var list)
                ? list.Where(e => e.Quality is not 0).Select(e => e.Value.Value).ToHashSet(StringComparer.OrdinalIgnoreCase)
                : [];
            foreach (var (encoding, suffix) in Precompressed)
            {
                if (!accepted.Contains(encoding) || !files.GetFileInfo(file + suffix).Exists) continue;
                context.Response.Headers.ContentEncoding = encoding;
                context.Response.Headers.Vary = "Accept-Encoding";
                request.Path = request.Path + suffix;
                break;
            }
        }
        await next(context);
    });

    /// <summary>A precompressed file is served with its original's content type (name.js.br is JavaScript).</summary>
    private sealed class PrecompressedTypes : Microsoft.AspNetCore.StaticFiles.IContentTypeProvider
    {
        private readonly Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider _types = new();
        public bool TryGetContentType(string subpath, out string contentType) => _types.TryGetContentType(Uncompressed(subpath), out contentType!);
    }

    [GeneratedRegex(@"-[A-Za-z0-9_-]{8}\.(js|css|mjs)$")]
    private static partial Regex HashedName();

    /// <summary>
    /// Serves the task panes (src/AddinWeb/dist) from the API's own origin, so the panes need no CORS and one sign-in
    /// covers both. <c>Web:Root</c> names the folder. In Development, <c>Web:OfficeJsRoot</c> also serves the local copy
    /// of Office.js under /office-js (offline runs and tests); production pages load it from Microsoft's CDN.
    /// </summary>
    public static IApplicationBuilder UseTaskPaneFiles(this WebApplication app)
    {
        app.UseResponseCompression();
        Serve(app, app.Configuration["Web:Root"], requestPath: "", defaults: true);
        if (app.Environment.IsDevelopment())
            Serve(app, app.Configuration["Web:OfficeJsRoot"], requestPath: "/office-js", defaults: false);
        return app;
    }

    private static void Serve(WebApplication app, string? root, string requestPath, bool defaults)
    {
        if (string.IsNullOrWhiteSpace(root))
            return;
        var path = Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, root));
        if (!Directory.Exists(path))
        {
            app.Logger.TaskPanesMissing(path, requestPath);
            return;
        }
        var files = new PhysicalFileProvider(path);
        if (defaults)
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = requestPath });
        UsePrecompressed(app, files, requestPath);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = requestPath, OnPrepareResponse = CacheHeaders, ContentTypeProvider = new PrecompressedTypes() });
    }
}
