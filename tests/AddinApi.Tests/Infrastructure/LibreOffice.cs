using System.Diagnostics;

namespace CollabAddin.Api.Tests.Infrastructure;

/// <summary>Renders a Word document the way another word processor sees it: LibreOffice to PDF, its text, and PNGs to look at.</summary>
public static class LibreOffice
{
    /// <summary>The PDF's text; PNGs of the pages go to artifacts/{folderName}/{name}-N.png.</summary>
    public static async Task<string> RenderAsync(byte[] docx, string name, string folderName)
    {
        var folder = Directory.CreateTempSubdirectory("render-").FullName;
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, name + ".docx"), docx);
            await Tool("soffice", folder, $"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "pdf", "--outdir", folder, Path.Combine(folder, name + ".docx"));
            var text = await Tool("pdftotext", folder, "-layout", Path.Combine(folder, name + ".pdf"), "-");
            var artifacts = Path.Combine(Panes.Repository.Root, "artifacts", folderName);
            Directory.CreateDirectory(artifacts);
            await Tool("pdftoppm", folder, "-png", "-r", "60", Path.Combine(folder, name + ".pdf"), Path.Combine(artifacts, name));
            return text;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> Tool(string file, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{file} exited {process.ExitCode}: {await error}");
        return await output;
    }
}
