using System.Collections.Concurrent;
using System.Net;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Data;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Minutes;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CollabAddin.Api.Tests.ActionItems.PatchActionItemTests;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static CollabAddin.Api.Tests.Minutes.MinutesDocs;

namespace CollabAddin.Api.Tests.Hardening;

/// <summary>
/// Eight clients at once on one meeting: four assignees patching their items with ETags (retrying on 412 as the pane
/// does), two note-takers re-publishing the same minutes, two organizers editing the agenda. Afterwards nothing accepted
/// is lost, history holds every accepted change in order, no item is duplicated, and nobody saw a 500.
/// CONCURRENCY_ROUNDS sets the work per client (10 in the test command).
/// </summary>
public sealed class ConcurrencyTests(PostgresServer postgres)
{
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("CONCURRENCY_ROUNDS"), out var n) ? n : 10;

    private sealed record Accepted(Guid Item, int Version, string Note);

    /// <summary>
    /// Sends a change made from a fresh read, as the pane does: on 412 (someone saved first) reads again and retries.
    /// Returns the 200 answer, or null after recording anything else (or endless 412s) as unexpected.
    /// </summary>
    private static async Task<HttpResponseMessage?> SaveRereadingOn412(string what, ConcurrentQueue<string> unexpected,
        Func<Task<HttpResponseMessage>> readAndSend)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await readAndSend();
            if (response.StatusCode == HttpStatusCode.OK)
                return response;
            if (response.StatusCode != HttpStatusCode.PreconditionFailed || attempt > 50)
            {
                unexpected.Enqueue($"{what} {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return null;
            }
        }
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Eight_clients_on_one_meeting_lose_nothing_and_never_fail(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres, settings: new Dictionary<string, string?> { ["RateLimits:WritesPerMinute"] = "1000000" });
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        var draft = FirstDraft(await TemplateAsync(bob, meeting!.Id));
        var first = await (await PublishAsync(bob, meeting.Id, draft)).ReadAsync<PublishReport>();
        var stamped = Stamp(draft, first);
        var carolItem = first.Rows.Single(r => r.Title == "Draft the campaign").Id;
        var daveItem = first.Rows.Single(r => r.Title == "Book the venue").Id;

        var unexpected = new ConcurrentQueue<string>();
        var accepted = new ConcurrentQueue<Accepted>();
        var agendas = new ConcurrentQueue<(int Version, string Discussion)>();
        var publishes = 0;

        async Task Assignee(string email, Guid item, int client)
        {
            var http = await app.ClientForAsync(email);
            for (var round = 0; round < Rounds; round++)
            {
                var note = $"client {client} round {round}";
                var saved = await SaveRereadingOn412("PATCH", unexpected,
                    async () => await http.SendAsync(Patch(item, new { progressNote = note }, await ETagOf(http, item))));
                if (saved is not null)
                    accepted.Enqueue(new(item, (await saved.ReadAsync<ActionItemResponse>()).Version, note));
            }
        }

        async Task Republisher()
        {
            var http = await app.ClientForAsync(NoteTaker);
            for (var round = 0; round < Rounds; round++)
            {
                var response = await PublishAsync(http, meeting.Id, stamped);
                if (response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref publishes);
                else if (response.StatusCode != HttpStatusCode.Conflict) // a publish racing another may be told to try again
                    unexpected.Enqueue($"publish {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        async Task AgendaEditor(int client)
        {
            var http = await app.ClientForAsync(Organizer);
            for (var round = 0; round < Rounds; round++)
            {
                var discussion = $"Revised by organizer {client} in round {round}";
                var plan = ValidPlan();
                plan = plan with { Agenda = [plan.Agenda![0] with { Discussion = discussion }, .. plan.Agenda[1..]] };
                var saved = await SaveRereadingOn412("PUT", unexpected, async () =>
                {
                    var current = await (await http.GetAsync($"/api/meetings/{meeting.Id}")).ReadAsync<MeetingResponse>();
                    return await http.SendAsync(Meetings.MeetingsApiTests.Put(meeting.Id, plan, current.Version));
                });
                if (saved is not null)
                    agendas.Enqueue(((await saved.ReadAsync<MeetingResponse>()).Version, discussion));
            }
        }

        await Task.WhenAll(
            Assignee(Owner, carolItem, 1), Assignee(Owner, carolItem, 2), Assignee(Attendee, daveItem, 3), Assignee(Attendee, daveItem, 4),
            Republisher(), Republisher(), AgendaEditor(1), AgendaEditor(2)).WaitAsync(TimeSpan.FromMinutes(5)); // a deadlock fails here

        Assert.True(unexpected.IsEmpty, string.Join("\n", unexpected) + "\n" + app.Logs);
        Assert.True(publishes >= Rounds, $"only {publishes} of {2 * Rounds} publishes went through");
        Assert.Equal(4 * Rounds, accepted.Count);
        Assert.Equal(2 * Rounds, agendas.Count);

        var owner = await app.ClientForAsync(Owner);
        foreach (var item in new[] { carolItem, daveItem })
        {
            var mine = accepted.Where(a => a.Item == item).OrderBy(a => a.Version).ToList();
            Assert.Equal(mine.Count, mine.Select(a => a.Version).Distinct().Count()); // no two accepted writes share a version
            var stored = await (await owner.GetAsync($"/api/action-items/{item}")).ReadAsync<ActionItemResponse>();
            Assert.Equal(mine[^1].Note, stored.ProgressNote); // the last accepted write is what is stored

            var history = await (await owner.GetAsync($"/api/action-items/{item}/history")).ReadAsync<List<ActionItemChangeResponse>>();
            Assert.Equal(history.OrderByDescending(c => c.Id).Select(c => c.Id), history.Select(c => c.Id)); // newest first, as promised
            var notes = history.Where(c => c.Field == "progressNote").Reverse().Select(c => c.NewValue).ToList();
            Assert.Equal(mine.Select(a => a.Note), notes); // every accepted change, in the order it was accepted
        }

        var final = await (await owner.GetAsync($"/api/meetings/{meeting.Id}")).ReadAsync<MeetingResponse>();
        Assert.Equal(agendas.MaxBy(a => a.Version).Discussion, final.Agenda.OrderBy(a => a.Position).First().Discussion);
        await app.WithDbAsync(Tenant, async db =>
        {
            var titles = await db.ActionItems.Where(i => i.MeetingId == meeting.Id).Select(i => i.Title).ToListAsync();
            Assert.Equal(["Book the venue", "Draft the campaign"], titles.Order());
            return 0;
        });
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Minutes_of_several_meetings_published_at_once_naming_the_same_new_department_all_land_and_make_it_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres, settings: new Dictionary<string, string?> { ["RateLimits:WritesPerMinute"] = "1000000" });
        var bob = await app.ClientForAsync(NoteTaker);
        var documents = new List<(Guid Meeting, byte[] Minutes)>();
        for (var n = 0; n < 6; n++)
        {
            var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app, ValidPlan($"Supplier review {n}"));
            documents.Add((meeting!.Id, Edit(await TemplateAsync(bob, meeting.Id), body =>
                Fill(ActionRows(body)[0], $"Collect supplier quotes {n}", "Carol Zhang", "2026-12-10", "Procurement", "Legal", "2", ""))));
        }

        // Each publish reads the departments, finds neither, and creates both: all but the first to save lose that race.
        var answers = await Task.WhenAll(documents.Select(d => PublishAsync(bob, d.Meeting, d.Minutes)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await app.WithDbAsync(Tenant, async db =>
        {
            Assert.Equal(["Legal", "Procurement"], await db.Departments.Where(d => d.Name == "Procurement" || d.Name == "Legal").Select(d => d.Name).OrderBy(n => n).ToListAsync());
            Assert.Equal(6, await db.ActionItems.CountAsync(i => i.LeadDepartment!.Name == "Procurement" && i.CooperatingDepartments.Any(c => c.Department!.Name == "Legal")));
            return 0;
        });
    }
}
