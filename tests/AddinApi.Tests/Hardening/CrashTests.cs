using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Data;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Tests.Infrastructure;
using DocumentFormat.OpenXml.Wordprocessing;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static CollabAddin.Api.Tests.Minutes.MinutesDocs;

namespace CollabAddin.Api.Tests.Hardening;

/// <summary>
/// The API as a real child process, killed (SIGKILL, no chance to clean up) while it publishes a large minutes document,
/// then started again on the same database (a SQLite file; a PostgreSQL database): the publish either landed whole or
/// left no trace.
/// </summary>
public sealed class CrashTests(Infrastructure.PostgresServer postgres)
{
    private const int Rows = 300;

    [Theory, MemberData(nameof(Providers), MemberType = typeof(Infrastructure.TestData))]
    public async Task Killing_the_api_mid_publish_leaves_all_of_the_publish_or_none_of_it(DatabaseProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "collab-tests", $"crash-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var database = provider == DatabaseProvider.Postgres
            ? new StoreAt(provider, await postgres.CreateDatabaseAsync())
            : new StoreAt(provider, $"Data Source={Path.Combine(folder, "collab.db")}");

        Guid meetingId, rehearsal;
        byte[] minutes, rehearsalMinutes;
        TimeSpan publishTime;
        using (var api = await ApiProcess.StartAsync(database.Provider, database.Connection))
        {
            var organizer = await api.ClientForAsync(Organizer);
            var noteTaker = await api.ClientForAsync(NoteTaker);
            async Task<(Guid, byte[])> MeetingWithMinutes(string subject)
            {
                // The API process keeps the machine's real time: the meeting is a month from today, not on ValidPlan's fixed date.
                var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                var created = await organizer.PostAsJsonAsync("/api/meetings", ValidPlan(subject) with { Start = $"{day}T10:00", End = $"{day}T11:00" });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                var id = (await created.Content.ReadFromJsonAsync<MeetingResponse>(Infrastructure.HttpAssertions.Json))!.Id;
                return (id, Edit(await TemplateAsync(noteTaker, id), body =>
                {
                    var table = ActionTable(body);
                    var pattern = ActionRows(body)[0];
                    foreach (var empty in ActionRows(body)) empty.Remove();
                    for (var i = 0; i < Rows; i++)
                    {
                        var row = (SdtRow)pattern.CloneNode(true);
                        Fill(row, $"Crash item {i}", "Carol Zhang", "2026-12-10", "Marketing", "Sales", "2", "");
                        table.Append(row);
                    }
                }));
            }
            (rehearsal, rehearsalMinutes) = await MeetingWithMinutes("Rehearsal");
            (meetingId, minutes) = await MeetingWithMinutes("Q3 launch plan");
        }
        // How long this publish takes in a freshly started process (as each below is), so the kills land all through it,
        // commit included.
        using (var api = await ApiProcess.StartAsync(database.Provider, database.Connection))
        {
            var noteTaker = await api.ClientForAsync(NoteTaker);
            var watch = Stopwatch.StartNew();
            Assert.Equal(HttpStatusCode.OK, (await PublishAsync(noteTaker, rehearsal, rehearsalMinutes)).StatusCode);
            publishTime = watch.Elapsed;
        }

        var cut = 0;
        var landed = 0;
        foreach (var fraction in new[] { 0.3, 0.7, 0.9, 1.0, 1.1, 1.3, 2.0 })
        {
            var delayMs = (int)(publishTime.TotalMilliseconds * fraction);
            using (var api = await ApiProcess.StartAsync(database.Provider, database.Connection))
            {
                var noteTaker = await api.ClientForAsync(NoteTaker);
                var publishing = PublishAsync(noteTaker, meetingId, minutes);
                await Task.WhenAny(publishing, Task.Delay(delayMs));
                api.Kill();
                var answered = true;
                try { await publishing; }
                catch (HttpRequestException) { cut++; answered = false; } // the answer never came: killed mid-publish
                TestContext.Current.TestOutputHelper?.Write($"kill at {delayMs} ms: {(answered ? "publish had answered" : "cut mid-publish")}; ");
            }
            using (var api = await ApiProcess.StartAsync(database.Provider, database.Connection))
            {
                var items = await (await api.ClientForAsync(Organizer)).GetFromJsonAsync<List<ActionItemResponse>>(
                    $"/api/meetings/{meetingId}/action-items", Infrastructure.HttpAssertions.Json);
                if (items!.Count == Rows) landed++;
                Assert.True(items.Count is 0 or Rows, $"after a kill at {delayMs} ms the store holds {items.Count} of {Rows} items: a half-written publish");
                Assert.Equal(items.Count, items.Select(i => i.Title).Distinct().Count());
                TestContext.Current.TestOutputHelper?.WriteLine($"after restart {items.Count} of {Rows} items");
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"clean publish {publishTime.TotalMilliseconds:F0} ms; {cut} kills cut a publish, {landed} restarts found it landed whole");
        Assert.True(cut >= 1, "no kill landed while a publish was in flight; the test proved nothing");

        // After all that the store still works: the same document publishes and is all there.
        using (var api = await ApiProcess.StartAsync(database.Provider, database.Connection))
        {
            var noteTaker = await api.ClientForAsync(NoteTaker);
            Assert.Equal(HttpStatusCode.OK, (await PublishAsync(noteTaker, meetingId, minutes)).StatusCode);
            var items = await (await api.ClientForAsync(Organizer)).GetFromJsonAsync<List<ActionItemResponse>>(
                $"/api/meetings/{meetingId}/action-items", Infrastructure.HttpAssertions.Json);
            Assert.Equal(Rows, items!.Count);
        }
        Directory.Delete(folder, recursive: true);
    }

    private sealed record StoreAt(DatabaseProvider Provider, string Connection);
}
