using System.Diagnostics;

namespace CollabAddin.Minutes.Tests;

/// <summary>
/// The template opens in another word processor and reads as a person would see it: LibreOffice renders it to PDF,
/// the PDF's text has every section, and a PNG of each page is kept under artifacts/minutes-render to look at.
/// </summary>
public sealed class LibreOfficeRenderTests
{
    [Theory]
    [InlineData(false, new[] { "Approved by Alice Wang on 2026-11-20", "Meeting minutes: Q3 launch plan", "Attendance", "Open items from earlier meetings", "Agenda and notes", "Action items", "Decisions", "Next meeting", "progress" })]
    [InlineData(true, new[] { "草稿：待", "会议纪要", "出席情况", "此前会议的未完成事项", "最新进展", "议程与记录", "行动项", "决议", "下次会议", "进行中" })]
    public async Task The_template_renders_in_libreoffice_with_every_section(bool chinese, string[] expected)
    {
        var folder = Directory.CreateTempSubdirectory("minutes-render-").FullName;
        try
        {
            var name = chinese ? "minutes-zh" : "minutes-en";
            var published = new MinutesActionItem(Guid.NewGuid(), "Draft the campaign", "Carol Zhang", new DateOnly(2026, 12, 1), "Marketing", ["Sales"], 2, "inProgress");
            // The English copy as approved minutes, the Chinese one as a draft: the sign-off mark is the first thing on the page.
            var approval = chinese ? new MinutesApproval(false, null, null, "Alice Wang") : new MinutesApproval(true, "Alice Wang", new DateOnly(2026, 11, 20), "Alice Wang");
            await File.WriteAllBytesAsync(Path.Combine(folder, name + ".docx"), MinutesWriter.Write(Sample.Meeting(published) with
            {
                Approval = approval,
                // A meeting of a series: last week's open item comes first, with its progress.
                OpenItems = [new MinutesOpenItem(Guid.NewGuid(), chinese ? "预订发布会场地" : "Book the launch venue", "Dave Chen", new DateOnly(2026, 11, 27), "blocked",
                    chinese ? "等待财务审批预算" : "Waiting for Finance to approve the budget", new DateOnly(2026, 11, 24))],
            }, chinese));

            await Run("soffice", folder, $"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "pdf", "--outdir", folder, Path.Combine(folder, name + ".docx"));
            var text = await Run("pdftotext", folder, "-layout", Path.Combine(folder, name + ".pdf"), "-");

            foreach (var word in expected)
                Assert.Contains(word, text);
            var artifacts = Path.Combine(RepositoryRoot(), "artifacts", "minutes-render");
            Directory.CreateDirectory(artifacts);
            await Run("pdftoppm", folder, "-png", "-r", "60", Path.Combine(folder, name + ".pdf"), Path.Combine(artifacts, name));
            Assert.NotEmpty(Directory.GetFiles(artifacts, name + "*.png"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> Run(string file, string folder, params string[] arguments)
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

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CollabAddin.sln"))) return dir.FullName;
        return Path.GetTempPath();
    }
}
