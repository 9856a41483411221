using Microsoft.Extensions.FileProviders;

namespace CollabAddin.Api.Http;

public static class TaskPaneFiles
{
    /// <summary>
    /// Serves the task panes (src/AddinWeb) from the API's own origin, so the panes need no CORS and
    /// one sign-in covers both. <c>Web:Root</c> names the folder; without it nothing is served.
    /// </summary>
    public static IApplicationBuilder UseTaskPaneFiles(this WebApplication app)
    {
        var root = app.Configuration["Web:Root"];
        if (string.IsNullOrWhiteSpace(root))
            return app;
        var path = Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, root));
        if (!Directory.Exists(path))
        {
            app.Logger.LogWarning("Task pane folder {Path} does not exist; the panes are not served.", path);
            return app;
        }
        var files = new PhysicalFileProvider(path);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        return app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
    }
}
