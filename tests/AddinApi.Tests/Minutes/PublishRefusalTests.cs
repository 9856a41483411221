using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static CollabAddin.Api.Tests.Minutes.MinutesDocs;

namespace CollabAddin.Api.Tests.Minutes;

/// <summary>What cannot be published is refused with a problem a note-taker understands, and the store is left exactly as it was.</summary>
public sealed class PublishRefusalTests
{
    private static async Task<string> Snapshot(TestApp app) => await app.WithDbAsync(Tenant, async db =>
        string.Join("\n", (await db.ActionItems.AsNoTracking().OrderBy(i => i.Id).ToListAsync()).Select(i => $"{i.Id}|{i.Title}|{i.Status}|{i.Version}|{i.PublishedRow}"))
        + $"\n{await db.ActionItemChanges.CountAsync()}|{await db.Decisions.CountAsync()}|{await db.MinutesPublications.CountAsync()}|{await db.Departments.CountAsync()}");

    public static TheoryData<string, HttpStatusCode> Cases => new()
    {
        { "not a zip", HttpStatusCode.UnsupportedMediaType },
        { "empty", HttpStatusCode.UnsupportedMediaType },
        { "truncated", HttpStatusCode.BadRequest },
        { "macro-enabled", HttpStatusCode.UnprocessableEntity },
        { "encrypted", HttpStatusCode.UnprocessableEntity },
        { "xml cut mid-element", HttpStatusCode.BadRequest },
        { "zip bomb", HttpStatusCode.RequestEntityTooLarge },
        { "over the upload cap", HttpStatusCode.RequestEntityTooLarge },
    };

    private static byte[] Hostile(string name, byte[] good) => name switch
    {
        "not a zip" => Encoding.UTF8.GetBytes("<html>minutes</html>"),
        "empty" => [],
        "truncated" => good[..(good.Length / 3)],
        "macro-enabled" => Rewrite(good, "[Content_Types].xml", x => x.Replace("wordprocessingml.document.main+xml", "").Replace("application/vnd.openxmlformats-officedocument.", "application/vnd.ms-word.document.macroEnabled.main+xml\" x=\"")),
        "encrypted" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
        "xml cut mid-element" => Rewrite(good, "word/document.xml", x => x[..(x.Length / 2)]),
        "zip bomb" => Add(good, "word/media/zeros.bin", new byte[80 * 1024 * 1024]),
        "over the upload cap" => [.. good, .. new byte[3 * 1024 * 1024]],
        _ => throw new ArgumentException(name),
    };

    private static byte[] Rewrite(byte[] docx, string part, Func<string, string> change)
    {
        var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(docx)))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = reader.ReadToEnd();
                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open());
                writer.Write(entry.FullName == part ? change(text) : text);
            }
        return output.ToArray();
    }

    private static byte[] Add(byte[] docx, string name, byte[] data)
    {
        var output = new MemoryStream();
        output.Write(docx);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        using (var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open())
            stream.Write(data);
        return output.ToArray();
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task A_document_that_cannot_be_published_is_a_clear_problem_and_the_store_is_untouched(string name, HttpStatusCode expected)
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Minutes:MaxUploadBytes"] = (2 * 1024 * 1024).ToString(CultureInfo.InvariantCulture) });
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        var template = await TemplateAsync(bob, meeting!.Id);
        await (await PublishAsync(bob, meeting.Id, FirstDraft(template))).ShouldBeAsync(HttpStatusCode.OK);
        var before = await Snapshot(app);

        var problem = await (await PublishAsync(bob, meeting.Id, Hostile(name, FirstDraft(template)))).ProblemAsync(expected);

        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(before, await Snapshot(app));
    }

    [Fact]
    public async Task A_body_sent_as_something_other_than_a_document_is_a_415()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        var response = await PublishAsync(bob, meeting!.Id, await TemplateAsync(bob, meeting.Id), "application/json");
        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Only_the_organizer_and_the_note_taker_handle_the_minutes()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var template = await TemplateAsync(await app.ClientForAsync(Organizer), meeting!.Id);
        var carol = await app.ClientForAsync(Owner);
        await (await carol.GetAsync($"/api/meetings/{meeting.Id}/minutes/template")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await PublishAsync(carol, meeting.Id, FirstDraft(template))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await app.ClientForAsync(Owner, OtherTenant)).GetAsync($"/api/meetings/{meeting.Id}/minutes/template")).ProblemAsync(HttpStatusCode.NotFound);
        await (await carol.GetAsync($"/api/meetings/{meeting.Id}/minutes/template?lang=fr-FR")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, await app.WithDbAsync(Tenant, db => db.ActionItems.CountAsync()));
    }
}
