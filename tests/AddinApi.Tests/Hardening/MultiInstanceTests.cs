using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Data;
using CollabAddin.Api.FollowUp;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Minutes;
using CollabAddin.Api.Tests.ActionItems;
using CollabAddin.Api.Tests.Infrastructure;
using CollabAddin.GraphEmulator;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static CollabAddin.Api.Tests.Minutes.MinutesDocs;

namespace CollabAddin.Api.Tests.Hardening;

/// <summary>
/// Three API processes over one PostgreSQL database and one Graph (the emulator, injecting faults), their workers on,
/// every request to the next instance in turn as a load balancer without sticky sessions would send it. One instance
/// is killed while it holds leases; the others take them over. Afterwards the store and Graph agree: one Outlook event
/// per meeting, each planned mail sent once, no lost update, the history complete.
/// </summary>
public sealed class MultiInstanceTests(PostgresServer postgres)
{
    private const int MeetingsBefore = 150, MeetingsCutOff = 10, MeetingsAfter = 140, Total = MeetingsBefore + MeetingsCutOff + MeetingsAfter;
    private const int WithMinutes = 30, Republished = 15, RowsPerMinutes = 5;
    private const int PatchedItems = 5, Writers = 3, AppendsEach = 4;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        // One Graph for all three, as in production: the test's emulator, not each process's own.
        ["Graph__Mode"] = "Emulator", ["Graph__EmulatorInProcess"] = "false",
        ["Graph__TimeoutSeconds"] = "20", ["Graph__MaxRetries"] = "2", ["Graph__RetryDelaySeconds"] = "1",
        // Workers on in every instance, polling often; a lease longer than any one Graph call (the call's whole timeout).
        ["Invites__PollSeconds"] = "1", ["Invites__LeaseSeconds"] = "25", ["Invites__RetryBaseSeconds"] = "1", ["Invites__RetryMaxMinutes"] = "1",
        ["FollowUp__PollSeconds"] = "1", ["FollowUp__LeaseSeconds"] = "25", ["FollowUp__RetryBaseSeconds"] = "1", ["FollowUp__RetryMaxMinutes"] = "1",
        // Digests and weekly reports due from midnight, so they are due whenever this runs.
        ["FollowUp__DigestHour"] = "0", ["FollowUp__WeeklyReportHour"] = "0",
        ["RateLimits__WritesPerMinute"] = "100000",
    };

    [Fact]
    public async Task Three_instances_over_one_database_make_one_event_per_meeting_send_each_mail_once_and_lose_no_update_when_one_dies()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await using var graph = await EmulatorServer.StartAsync();
        var faults = graph.State.Faults;
        faults.Seed(16);
        Background(faults);
        // Carol's manager is in the directory, so an overdue item of hers escalates to a person at level 2 as well.
        graph.State.Managers[Owner] = new EmulatedUser(Guid.NewGuid().ToString(), "Frank Zhou", "frank@contoso.example");
        var settings = new Dictionary<string, string?>(Settings) { ["Graph__BaseUrl"] = graph.GraphBaseUrl };
        // Migrations run once, by the first instance; the others start on the migrated schema (README: deployment).
        using var a = await ApiProcess.StartAsync(DatabaseProvider.Postgres, connection, settings, "A");
        settings["Database__MigrateOnStartup"] = "false";
        using var b = await ApiProcess.StartAsync(DatabaseProvider.Postgres, connection, settings, "B");
        using var c = await ApiProcess.StartAsync(DatabaseProvider.Postgres, connection, settings, "C");
        try
        {
            var pool = new RoundRobin([a, b, c]);
            // The test's own view of the store, opened once now: its first use builds EF's model, which on a busy machine
            // takes longer than the window it must watch below.
            Assert.Equal(0, await WithDbAsync(connection, db => db.Meetings.CountAsync()));
            var organizer = pool.ClientFor(Organizer);
            var noteTaker = pool.ClientFor(NoteTaker);
            var log = TestContext.Current.TestOutputHelper;

            // 1. Meetings created on whichever instance the balancer picks, eight at a time.
            var subjects = Enumerable.Range(0, Total).Select(n => $"Cross-department review {n:000}").ToArray();
            var keys = subjects.Select(_ => Guid.NewGuid().ToString()).ToArray();
            var meetingIds = new ConcurrentDictionary<int, Guid>();
            await Parallel.ForEachAsync(Enumerable.Range(0, MeetingsBefore), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
                meetingIds[n] = (await (await organizer.SendAsync(Create(n, subjects[n], keys[n]), _)).ReadAsync<MeetingResponse>(HttpStatusCode.Created)).Id);

            // 2. Minutes published for some of them (an item overdue, one due today, one tomorrow, two later), four at a time.
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var minutes = new ConcurrentDictionary<int, byte[]>();
            await Parallel.ForEachAsync(Enumerable.Range(0, WithMinutes), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (n, _) =>
            {
                var document = WithRows(await TemplateAsync(noteTaker, meetingIds[n]), n, today);
                // The Word pane writes each row's item id back into the document, as the note-taker's copy then has it.
                minutes[n] = Stamp(document, await (await PublishAsync(noteTaker, meetingIds[n], document)).ReadAsync<PublishReport>());
            });

            // 3. Concurrent read-modify-write of the same items from all instances: each writer appends its mark to the
            // progress note with If-Match, and on 412 reads again and retries.
            var owner = pool.ClientFor(Owner);
            var patched = (await owner.GetFromJsonAsync<List<ActionItemResponse>>($"/api/meetings/{meetingIds[0]}/action-items", HttpAssertions.Json))!
                .Concat((await owner.GetFromJsonAsync<List<ActionItemResponse>>($"/api/meetings/{meetingIds[1]}/action-items", HttpAssertions.Json))!)
                .Take(PatchedItems).Select(i => i.Id).ToList();
            var conflicts = 0;
            await Task.WhenAll(patched.SelectMany(id => Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var k = 0; k < AppendsEach; k++)
                    while (true)
                    {
                        var current = await owner.GetAsync($"/api/action-items/{id}");
                        var item = await current.ReadAsync<ActionItemResponse>();
                        var note = (item.ProgressNote ?? "") + $"[w{w}-{k}]";
                        var change = PatchActionItemTests.Patch(id, new { progressNote = note }, current.Headers.ETag!.ToString());
                        var answer = await owner.SendAsync(change);
                        if (answer.StatusCode == HttpStatusCode.PreconditionFailed) { Interlocked.Increment(ref conflicts); continue; }
                        await answer.ShouldBeAsync(HttpStatusCode.OK);
                        break;
                    }
            }))));
            // Then the owner raises "needs help" on each, twice at once through two instances with the same ETag: one wins,
            // and the organizer is alerted once.
            foreach (var id in patched)
            {
                var etag = PatchActionItemTests.ETagOf(owner, id);
                var raises = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
                    (await owner.SendAsync(PatchActionItemTests.Patch(id, new { needsHelp = true, needsHelpReason = "Waiting for Sales' numbers" }, await etag))).StatusCode));
                Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], raises.Order());
            }

            // 4. Creating Outlook events goes slow (within the Graph timeout); creates sent to C store their meetings and
            // wait on Graph, each holding its invite's lease; C is killed.
            faults.Clear();
            faults.Add(new FaultRule(FaultKind.Slow, Method: "POST", PathContains: "/events", Times: int.MaxValue, DelayMs: 12_000));
            var atC = pool.ClientFor(Organizer);
            var cutOff = Enumerable.Range(MeetingsBefore, MeetingsCutOff).ToList();
            var toC = cutOff.Select(n => atC.SendAsync(Pinned(Create(n, subjects[n], keys[n]), c))).ToList();
            var cutOffSubjects = cutOff.Select(n => subjects[n]).ToList();
            Task<int> Leased() => WithDbAsync(connection, db => db.Meetings.CountAsync(m => cutOffSubjects.Contains(m.Subject) && m.Invite.LeaseUntil != null));
            await WaitForAsync(TimeSpan.FromSeconds(30), async () => await Leased() > 0 ? 1 : (int?)null);
            // Kill C mid-call, not between taking a lease and calling: Graph must be holding one of its calls back.
            await WaitForAsync(TimeSpan.FromSeconds(30), () => Task.FromResult(graph.State.Held > 0 ? 1 : (int?)null));
            await Task.Delay(1000); // the others that are coming, mostly
            var leased = await Leased();
            c.Kill();
            pool.TakeOut(c);
            faults.Clear();
            Background(faults);
            var unanswered = 0;
            foreach (var request in toC)
                try { await request; }
                catch (HttpRequestException) { unanswered++; }
            log?.WriteLine($"C killed holding {leased} invite leases; {unanswered} of {MeetingsCutOff} creates sent to it never answered");
            Assert.True(unanswered > 0, "every create sent to C was answered before it died: the kill proved nothing");
            // C hung up on Graph mid-call. The emulator (in this process) notices the closed connection on its own
            // schedule, after the callers' requests have already failed: wait for it rather than race it.
            var hungUp = await WaitForAsync(TimeSpan.FromSeconds(15), () =>
                Task.FromResult(graph.State.Exchanges.Any(e => e.Fault == "Slow" && e.Status == 0) ? 1 : (int?)null), throwOnTimeout: false);
            Assert.True(hungUp is not null, $"Graph saw no call of C's cut off ({graph.State.Held} still held)");

            // 5. The callers retry on the instances left, with the same idempotency keys (a caller whose answer came
            // retries harmlessly too): the meetings C stored come back (replayed), those it did not are made now; either
            // way one meeting per key.
            var replayed = 0;
            foreach (var n in cutOff)
            {
                var again = await organizer.SendAsync(Create(n, subjects[n], keys[n]));
                meetingIds[n] = (await again.ReadAsync<MeetingResponse>(HttpStatusCode.Created)).Id;
                if (again.Headers.Contains("Idempotent-Replayed")) replayed++;
            }
            Assert.True(replayed >= leased, $"{leased} meetings were stored with a lease by C, but only {replayed} retries found them");

            // 6. The rest of the meetings; the minutes re-published (one title and one date changed, or nothing);
            // the minutes mailed from two instances at once.
            await Parallel.ForEachAsync(Enumerable.Range(MeetingsBefore + MeetingsCutOff, MeetingsAfter), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
                meetingIds[n] = (await (await organizer.SendAsync(Create(n, subjects[n], keys[n]), _)).ReadAsync<MeetingResponse>(HttpStatusCode.Created)).Id);
            await Parallel.ForEachAsync(Enumerable.Range(0, WithMinutes), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (n, _) =>
            {
                var document = n < Republished ? Revised(minutes[n], n, today) : minutes[n];
                await (await PublishAsync(noteTaker, meetingIds[n], document)).ShouldBeAsync(HttpStatusCode.OK);
            });
            var mailed = new List<HttpStatusCode>();
            foreach (var n in Enumerable.Range(0, 3))
                mailed.AddRange((await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => noteTaker.PostAsync($"/api/meetings/{meetingIds[n]}/minutes/mail", null))))
                    .Select(r => r.StatusCode));
            Assert.Equal(3, mailed.Count(s => s == HttpStatusCode.OK)); // each meeting's minutes went out once
            Assert.All(mailed.Where(s => s != HttpStatusCode.OK), s => Assert.True(s is HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests, $"{s}"));

            // 7. The two instances left finish everything: every invite sent, every mail out, nothing failed.
            var settled = await WaitForAsync(TimeSpan.FromSeconds(240), async () =>
            {
                var (pendingInvites, pendingMail) = await WithDbAsync(connection, async db => (
                    await db.Meetings.CountAsync(m => m.Invite.State != InviteState.Sent),
                    await db.OutboxMails.CountAsync(m => m.State != OutboxState.Sent)));
                return pendingInvites + pendingMail == 0 ? (int?)1 : null;
            }, throwOnTimeout: false);
            var stored = await WithDbAsync(connection, async db => (
                Meetings: await db.Meetings.Select(m => new { m.Id, m.Subject, m.Invite.State, m.Invite.Error }).ToListAsync(),
                Mail: await db.OutboxMails.Select(m => new { m.Key, m.Kind, m.To, m.Subject, m.State, m.Error }).ToListAsync(),
                Notes: await db.ActionItems.Where(i => patched.Contains(i.Id)).Select(i => new { i.Id, i.ProgressNote, i.Version }).ToListAsync(),
                NoteChanges: await db.ActionItemChanges.Where(h => patched.Contains(h.ActionItemId) && h.Field == "progressNote").CountAsync(),
                Items: await db.ActionItems.Where(i => i.MeetingId != null).GroupBy(i => i.MeetingId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(),
                Revised: await db.ActionItems.CountAsync(i => i.Title.StartsWith("Revised ")),
                Created: await db.ActionItemChanges.CountAsync(h => h.Field == "created")));
            Assert.True(settled is not null, "not settled in 240 s: " + string.Join("; ",
                stored.Meetings.Where(m => m.State != InviteState.Sent).Select(m => $"{m.Subject} {m.State} {m.Error}")
                    .Concat(stored.Mail.Where(m => m.State != OutboxState.Sent).Select(m => $"{m.Key} {m.State} {m.Error}")).Take(10))
                + "; Graph's 5xx answers that were no fault of the test's: " + string.Join("; ", graph.State.Exchanges.Where(e => e.Status >= 500 && e.Fault is null)
                    .Select(e => $"{e.Method} {e.Path} {e.Status} {e.ResponseBody}").Distinct().Take(5)));

            // One meeting per plan, one Outlook event per meeting.
            Assert.Equal(Total, stored.Meetings.Count);
            Assert.Equal(subjects.Order(), stored.Meetings.Select(m => m.Subject).Order());
            var events = graph.State.EventsOf(Organizer).Select(e => (string?)e["subject"]).ToList();
            Assert.All(subjects, s => Assert.Equal(1, events.Count(e => e == s)));

            // Each planned mail sent once: what Graph delivered is exactly what the outbox recorded as sent.
            var minutesMail = graph.State.SentMail.Where(m => m.Subject.Contains("Minutes: ", StringComparison.Ordinal)).ToList();
            var delivered = graph.State.SentMail.Where(m => !minutesMail.Contains(m)).GroupBy(m => Letter(m.Subject, m.To)).ToDictionary(g => g.Key, g => g.Count());
            var recorded = stored.Mail.Where(m => m.Kind != "skipped").GroupBy(m => Letter(m.Subject, m.To.Split(';'))).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(recorded.OrderBy(p => p.Key, StringComparer.Ordinal), delivered.OrderBy(p => p.Key, StringComparer.Ordinal));
            foreach (var kind in new[] { "alert", "digest", "escalation", "weekly" })
                Assert.True(stored.Mail.Any(m => m.Kind == kind), // each kind was due, planned once across three planners, and sent
                    $"no {kind} mail was planned; planned: {string.Join(", ", stored.Mail.GroupBy(m => m.Kind).Select(g => $"{g.Count()} {g.Key}"))}");
            Assert.Equal(stored.Mail.Count, stored.Mail.Select(m => m.Key).Distinct().Count());
            // The minutes mail: each attendee of the three meetings got it once, though two instances were asked at once.
            Assert.All(minutesMail.GroupBy(m => Letter(m.Subject, m.To)), g => Assert.Single(g));

            // No lost update: every writer's every mark is in the note, and each write is one version and one history row.
            Assert.All(stored.Notes, item =>
            {
                foreach (var w in Enumerable.Range(0, Writers))
                    foreach (var k in Enumerable.Range(0, AppendsEach))
                        Assert.Contains($"[w{w}-{k}]", item.ProgressNote, StringComparison.Ordinal);
            });
            Assert.Equal(PatchedItems * Writers * AppendsEach, stored.NoteChanges);
            // Publishing twice, on different instances, made each item once; the revisions changed them in place.
            Assert.Equal(WithMinutes, stored.Items.Count);
            Assert.All(stored.Items, m => Assert.Equal(RowsPerMinutes, m.Count));
            Assert.Equal(Republished, stored.Revised);
            Assert.Equal(WithMinutes * RowsPerMinutes, stored.Created);
            log?.WriteLine($"{Total} meetings, {stored.Mail.Count} planned mails ({string.Join(", ", stored.Mail.GroupBy(m => m.Kind).Select(g => $"{g.Count()} {g.Key}"))}), " +
                $"{graph.State.Exchanges.Count(e => e.Fault is not null)} Graph faults, {conflicts} write conflicts retried, {replayed} creates replayed after the kill");
        }
        catch (Exception) when (Tell([a, b, c]))
        {
            throw; // not reached: Tell only writes the instances' output
        }
    }

    /// <summary>What each instance logged, in the test's output, when the test fails.</summary>
    private static bool Tell(IEnumerable<ApiProcess> instances)
    {
        foreach (var instance in instances)
            TestContext.Current.TestOutputHelper?.WriteLine($"--- instance {instance.Name}:\n{instance.Output}");
        return false;
    }

    /// <summary>The faults Graph shows all through the run: throttling, outages, dropped connections, and event creations whose answer is lost.</summary>
    private static void Background(FaultPlan faults)
    {
        faults.Add(new FaultRule(FaultKind.Throttle, Times: int.MaxValue, Probability: 0.04));
        faults.Add(new FaultRule(FaultKind.Unavailable, Times: int.MaxValue, Probability: 0.03));
        faults.Add(new FaultRule(FaultKind.Drop, Method: "POST", Times: int.MaxValue, Probability: 0.02));
        // Graph made the event; the caller never heard. The event's transactionId makes the retry find it, not repeat it.
        faults.Add(new FaultRule(FaultKind.DropAfterCommit, Method: "POST", PathContains: "/events", Times: int.MaxValue, Probability: 0.05));
    }

    private static HttpRequestMessage Create(int n, string subject, string key)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20 + n % 40)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var hour = 9 + n % 8;
        var plan = ValidPlan(subject) with { Start = $"{day}T{hour:00}:00", End = $"{day}T{hour + 1:00}:00" };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/meetings") { Content = JsonContent.Create(plan) };
        request.Headers.Add(MeetingCreation.KeyHeader, key);
        return request;
    }

    private static HttpRequestMessage Pinned(HttpRequestMessage request, ApiProcess instance)
    {
        request.Options.Set(RoundRobin.Pinned, instance);
        return request;
    }

    /// <summary>The minutes' action table: Carol owns every row; one overdue, one due today, one tomorrow, two in three weeks.</summary>
    private static byte[] WithRows(byte[] template, int meeting, DateOnly today) => Edit(template, body =>
    {
        var table = ActionTable(body);
        var pattern = ActionRows(body)[0];
        foreach (var empty in ActionRows(body)) empty.Remove();
        var dues = new[] { today.AddDays(-10), today, today.AddDays(1), today.AddDays(21), today.AddDays(22) };
        for (var r = 0; r < RowsPerMinutes; r++)
        {
            var row = (SdtRow)pattern.CloneNode(true);
            Fill(row, $"Follow-up {meeting}-{r}", "Carol Zhang", Day(dues[r]), "Marketing", "Sales", "2", "");
            table.Append(row);
        }
    });

    /// <summary>The note-taker's edit after the meeting: the fourth item renamed, the fifth a week later.</summary>
    private static byte[] Revised(byte[] published, int meeting, DateOnly today) => Edit(published, body =>
    {
        var rows = ActionRows(body);
        Fill(rows[3], $"Revised plan {meeting}-3");
        Fill(rows[4], $"Follow-up {meeting}-4", "Carol Zhang", Day(today.AddDays(29)));
    });

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Letter(string subject, IEnumerable<string> to) =>
        subject + " → " + string.Join(";", to.Select(t => t.Trim().ToLowerInvariant()).Order(StringComparer.Ordinal));

    private static async Task<T> WithDbAsync<T>(string connection, Func<CollabDb, Task<T>> work)
    {
        await using var db = new PostgresCollabDb(new DbContextOptionsBuilder<PostgresCollabDb>().UseNpgsql(connection).Options);
        db.Bind(new CurrentTenant { Id = Tenant }, TimeProvider.System);
        return await work(db);
    }

    private static async Task<T?> WaitForAsync<T>(TimeSpan limit, Func<Task<T?>> probe, bool throwOnTimeout = true) where T : struct
    {
        var until = DateTime.UtcNow + limit;
        while (true)
        {
            if (await probe() is { } found) return found;
            if (DateTime.UtcNow > until)
                return throwOnTimeout ? throw new TimeoutException($"nothing within {limit.TotalSeconds:F0} s") : null;
            await Task.Delay(250);
        }
    }
}
