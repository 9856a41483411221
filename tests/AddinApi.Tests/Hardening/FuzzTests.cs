using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static CollabAddin.Api.Tests.Minutes.MinutesDocs;

namespace CollabAddin.Api.Tests.Hardening;

/// <summary>
/// Mutated minutes documents through the real publish endpoint: byte flips, truncation, removed or duplicated parts, XML
/// cut mid-element, huge attribute values, deep nesting, odd encodings. Every case is answered 200 or 4xx — never a 500,
/// never a hang — and a refused publish leaves the store exactly as it was. Deterministic seed; FUZZ_CASES sets the count
/// (300 in the test command, 5,000 in the long run).
/// </summary>
public sealed class FuzzTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), out var n) ? n : 300;

    [Fact]
    public async Task Mutated_documents_never_cause_a_500_a_hang_or_a_partial_write()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:WritesPerMinute"] = "1000000" });
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        var valid = FirstDraft(await TemplateAsync(bob, meeting!.Id));
        var random = new Random(20261122);
        var outcomes = new Dictionary<HttpStatusCode, int>();
        var snapshot = await Snapshot(app);

        for (var i = 0; i < Cases; i++)
        {
            var (kind, bytes) = Mutate(valid, random);
            var watch = Stopwatch.StartNew();
            var response = await PublishAsync(bob, meeting.Id, bytes);
            watch.Stop();
            var status = response.StatusCode;
            outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
            Assert.True((int)status is 200 or 400 or 413 or 415 or 422, $"case {i} ({kind}): {(int)status} {await response.Content.ReadAsStringAsync()}\n{app.Logs}");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"case {i} ({kind}) took {watch.Elapsed}");
            var after = await Snapshot(app);
            if (status != HttpStatusCode.OK)
                Assert.True(after == snapshot, $"case {i} ({kind}) was refused with {(int)status} but changed the store");
            snapshot = after;
        }
        Assert.True(outcomes.Keys.Count(k => k != HttpStatusCode.OK) >= 3, "the mutations should reach several kinds of refusal: " + string.Join(", ", outcomes.Select(o => $"{(int)o.Key}×{o.Value}")));
    }

    private static Task<string> Snapshot(TestApp app) => app.WithDbAsync(Tenant, async db =>
        string.Join("\n", (await db.ActionItems.AsNoTracking().OrderBy(i => i.Id).ToListAsync()).Select(i => $"{i.Id}|{i.Title}|{i.Status}|{i.Version}|{i.PublishedRow}"))
        + $"|{await db.ActionItemChanges.CountAsync()}|{await db.Decisions.CountAsync()}|{await db.MinutesPublications.CountAsync()}|{await db.Departments.CountAsync()}");

    private static (string Kind, byte[] Bytes) Mutate(byte[] docx, Random random)
    {
        switch (random.Next(9))
        {
            case 0:
                var flipped = (byte[])docx.Clone();
                for (var k = random.Next(1, 17); k > 0; k--) flipped[random.Next(flipped.Length)] ^= (byte)random.Next(1, 256);
                return ("byte flips", flipped);
            case 1:
                return ("truncated", docx[..random.Next(docx.Length)]);
            case 2:
                var entries = Entries(docx);
                entries.RemoveAt(random.Next(entries.Count));
                return ("part removed", Zip(entries));
            case 3:
                var doubled = Entries(docx);
                doubled.Add(doubled[random.Next(doubled.Count)]);
                return ("part duplicated", Zip(doubled));
            case 4:
                return ("xml cut mid-element", Rewrite(docx, x => x[..random.Next(x.Length / 4, x.Length)]));
            case 5:
                return ("huge attribute", Rewrite(docx, x => x.Replace("<w:body>", $"<w:body><w:p w:rsidR=\"{new string('A', random.Next(100_000, 2_000_000))}\"/>")));
            case 6:
                var nested = "<w:p/>";
                for (var d = random.Next(3, 60); d > 0; d--) nested = $"<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>{nested}<w:p/></w:tc></w:tr></w:tbl>";
                return ("deep nesting", Rewrite(docx, x => x.Replace("<w:body>", "<w:body>" + nested)));
            case 7:
                return ("declared UTF-16", Rewrite(docx, x => x.Replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")));
            default:
                return ("invalid UTF-8", Rewrite(docx, x => x, bytes => { var b = bytes.ToList(); b.InsertRange(random.Next(b.Count / 2, b.Count), new byte[] { 0xC3, 0x28, 0xFF }); return b.ToArray(); }));
        }
    }

    private static List<(string Name, byte[] Data)> Entries(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        return zip.Entries.Select(e => { using var s = e.Open(); var m = new MemoryStream(); s.CopyTo(m); return (e.FullName, m.ToArray()); }).ToList();
    }

    private static byte[] Zip(List<(string Name, byte[] Data)> entries)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, data) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(data);
            }
        return output.ToArray();
    }

    private static byte[] Rewrite(byte[] docx, Func<string, string> change, Func<byte[], byte[]>? bytes = null) =>
        Zip(Entries(docx).Select(e => e.Name == "word/document.xml" ? (e.Name, (bytes ?? (b => b))(Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(e.Data))))) : e).ToList());
}
