namespace CollabAddin.Api.Hosting;

public static class ServerUrls
{
    /// <summary>
    /// The app's own address as configured (<c>--urls</c>, <c>ASPNETCORE_URLS</c>): plain http when it listens on it, as
    /// loopback needs no TLS; <c>+</c> and <c>*</c> read as localhost. Used in Development for what points back at the
    /// app itself: the in-process Graph emulator, and the links in mails.
    /// </summary>
    public static string First(IConfiguration config)
    {
        var urls = (config["urls"] ?? config["Urls"] ?? "http://localhost:5080").Split(';', StringSplitOptions.RemoveEmptyEntries);
        var chosen = urls.FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? urls[0];
        return chosen.TrimEnd('/').Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
    }
}
