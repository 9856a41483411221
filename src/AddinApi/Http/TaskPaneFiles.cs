using Microsoft.Extensions.FileProviders;

namespace CollabAddin.Api.Http;

public static class TaskPaneFiles
{
    /// <summary>
    /// Serves the task panes (src/AddinWeb/dist) from the API's own origin, so the panes need no CORS and one sign-in
    /// covers both. <c>Web:Root</c> names the folder. In Development, <c>Web:OfficeJsRoot</c> also serves the local copy
    /// of Office.js under /office-js (offline runs and tests); production pages load it from Microsoft's CDN.
    /// </summary>
    public static IApplicationBuilder UseTaskPaneFiles(this WebApplication app)
    {
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
            app.Logger.LogWarning("{Path} does not exist; nothing is served at '{RequestPath}/'. Build the task panes (npm run build in src/AddinWeb).", path, requestPath);
            return;
        }
        var files = new PhysicalFileProvider(path);
        if (defaults)
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = requestPath });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = requestPath });
    }
}
