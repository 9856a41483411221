using System.Net;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Data;
using CollabAddin.Api.FollowUp;
using CollabAddin.Api.Tests.Infrastructure;
using CollabAddin.GraphEmulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CollabAddin.Api.Tests.ActionItems.PatchActionItemTests;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.FollowUp;

/// <summary>Alerts, digests and escalation with a clock the tests move and the Graph emulator keeping what was "sent".</summary>
public sealed class FollowUpTests(PostgresServer postgres)
{
    private static Task<int> Pass(TestApp app) => app.Services.GetRequiredService<FollowUpWorker>().RunOnceAsync(default);
    private static List<SentMail> Mail(TestApp app, string? to = null) => app.Graph.State.SentMail.Where(m => to is null || m.To.Contains(to)).ToList();
    private static List<SentMail> Alerts(TestApp app) => Mail(app).Where(m => m.Subject.Contains("needs help") || m.Subject.Contains("is blocked")).ToList();

    /// <summary>Carol owns one item due 2026-12-01 in Shanghai; Marketing (its lead) has a contact; Alice organized the meeting.</summary>
    private static async Task<(TestApp App, Scenario S)> Start(DatabaseProvider provider = DatabaseProvider.Sqlite, PostgresServer? pg = null, string zone = Zone)
    {
        var app = await TestApp.StartAsync(provider, pg);
        var s = await MeetingWithItemAsync(app, zone: zone);
        return (app, s);
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Raising_needs_help_mails_the_organizer_and_the_lead_contact_once_and_again_when_raised_again(DatabaseProvider provider)
    {
        var (app, s) = await Start(provider, postgres);
        await using var _ = app;
        var carol = await app.ClientForAsync(Owner);

        await (await carol.SendAsync(Patch(s.ItemId, new { needsHelp = true, needsHelpReason = "Need <the> customer list" }, "\"1\""))).ShouldBeAsync(HttpStatusCode.OK);
        await Pass(app);
        await Pass(app);

        var alert = Assert.Single(Alerts(app));
        Assert.Equal([Organizer, "mkt.lead@contoso.example"], alert.To);
        Assert.Contains("Need &lt;the&gt; customer list", alert.Body);
        Assert.Contains("Draft the launch campaign", alert.Body);
        Assert.Contains($"/items.html#item={s.ItemId}", alert.Body);

        await (await carol.SendAsync(Patch(s.ItemId, new { needsHelp = false }, "\"2\""))).ShouldBeAsync(HttpStatusCode.OK);
        await Pass(app);
        Assert.Single(Alerts(app)); // clearing is history, not a mail
        app.Clock.Advance(TimeSpan.FromMinutes(61)); // within the hour a new raise is coalesced (FloodAndRangeTests)
        await (await carol.SendAsync(Patch(s.ItemId, new { status = "blocked", needsHelp = true, needsHelpReason = "Still waiting" }, "\"3\""))).ShouldBeAsync(HttpStatusCode.OK);
        await Pass(app);
        Assert.Equal(2, Alerts(app).Count); // raised again (and blocked in the same change): one more mail, not two
        var history = await (await carol.GetAsync($"/api/action-items/{s.ItemId}/history")).ReadAsync<List<ActionItemChangeResponse>>();
        Assert.Contains(history, h => h.Field == "needsHelp" && h.NewValue == "false");
    }

    [Fact]
    public async Task The_daily_digest_goes_once_a_day_per_assignee_from_the_configured_hour_in_their_zone()
    {
        var (app, s) = await Start();
        await using var _ = app;
        await app.WithDbAsync(Tenant, async db =>
        {
            db.ActionItems.AddRange(NewItem(s.MeetingId, Owner, new DateOnly(2026, 11, 30), title: "Overdue thing"),
                NewItem(s.MeetingId, Owner, new DateOnly(2026, 12, 2), title: "Due tomorrow"),
                NewItem(s.MeetingId, Owner, new DateOnly(2026, 12, 20), title: "Not yet"),
                NewItem(s.MeetingId, Attendee, new DateOnly(2026, 12, 25), title: "Dave's far away item"));
            await db.SaveChangesAsync();
        });

        app.Clock.Set(new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.Zero)); // 08:30 in Shanghai: before the digest hour
        await Pass(app);
        Assert.DoesNotContain(Mail(app), m => m.Subject.StartsWith("Your action items", StringComparison.Ordinal));

        app.Clock.Set(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero)); // 09:00 in Shanghai
        await Pass(app);
        await Pass(app);
        var digest = Assert.Single(Mail(app), m => m.Subject.StartsWith("Your action items", StringComparison.Ordinal));
        Assert.Equal([Owner], digest.To);
        Assert.Equal("Your action items: 1 overdue, 2 due soon", digest.Subject);
        Assert.Contains("Overdue thing", digest.Body);
        Assert.Contains("Due tomorrow", digest.Body);
        Assert.Contains("Draft the launch campaign", digest.Body); // due today
        Assert.DoesNotContain("Not yet", digest.Body);
        Assert.Empty(Mail(app, Attendee)); // nothing due soon: no mail at all

        app.Clock.Set(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));
        await Pass(app);
        Assert.Equal(2, Mail(app, Owner).Count(m => m.Subject.StartsWith("Your action items", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_digest_hour_is_the_assignees_own()
    {
        var (app, _) = await Start(zone: "America/Los_Angeles");
        await using var __ = app;
        app.Clock.Set(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero)); // 09:00 in Shanghai, but 17:00 the day before in Los Angeles
        await Pass(app);
        Assert.Contains(Mail(app), m => m.Subject == "Your action items: 0 overdue, 1 due soon"); // 17:00 on 30 Nov there: due tomorrow
        app.Clock.Set(new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero)); // 08:00 on 1 Dec in Los Angeles: not yet that day's digest
        await Pass(app);
        Assert.Single(Mail(app), m => m.Subject.StartsWith("Your action items", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_escalation_level_fires_once_and_says_so_in_history()
    {
        var (app, s) = await Start();
        await using var _ = app;
        app.Graph.State.Managers[Owner] = new EmulatedUser("m", "Grace Lead", "grace@contoso.example");
        var days = new[] { 2, 2, 4, 8, 9 }; // overdue days at each pass: level 1 after 1, level 2 after 3, level 3 after 7
        foreach (var late in days)
        {
            app.Clock.Set(new DateTimeOffset(2026, 12, 1 + late, 2, 0, 0, TimeSpan.Zero));
            await Pass(app);
        }

        var escalations = Mail(app).Where(m => m.Subject.StartsWith("Overdue", StringComparison.Ordinal)).ToList();
        Assert.Equal([["mkt.lead@contoso.example"], ["grace@contoso.example"], [Organizer]], escalations.Select(m => m.To));
        var history = await app.WithDbAsync(Tenant, db => db.ActionItemChanges.Where(c => c.Field == "escalation").OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(["level 1 → Marketing contact mkt.lead@contoso.example", "level 2 → manager Grace Lead grace@contoso.example", "level 3 → organizer " + Organizer],
            history.Select(h => h.NewValue));
        Assert.All(history, h => Assert.Equal(ChangeSource.System, h.Source));
    }

    [Fact]
    public async Task When_no_manager_is_known_the_escalation_skips_to_the_organizer_and_records_why()
    {
        var (app, _) = await Start();
        await using var __ = app;
        app.Clock.Set(new DateTimeOffset(2026, 12, 6, 2, 0, 0, TimeSpan.Zero)); // 5 days late: levels 1 and 2 are due
        await Pass(app);

        var escalations = Mail(app).Where(m => m.Subject.StartsWith("Overdue", StringComparison.Ordinal)).Select(m => m.To.Single()).ToList();
        Assert.Equal(new[] { "mkt.lead@contoso.example", Organizer }.Order(), escalations.Order()); // one pass, one $batch: any order
        var history = await app.WithDbAsync(Tenant, db => db.ActionItemChanges.Where(c => c.Field == "escalation").OrderBy(c => c.Id).Select(c => c.NewValue).ToListAsync());
        Assert.Contains("skipped: no manager is known in the directory", history);
        app.Clock.Set(new DateTimeOffset(2026, 12, 20, 2, 0, 0, TimeSpan.Zero));
        await Pass(app);
        Assert.Equal(2, Mail(app).Count(m => m.Subject.StartsWith("Overdue", StringComparison.Ordinal))); // level 3 already done: nothing more
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Workers_racing_on_several_instances_send_each_mail_once(DatabaseProvider provider)
    {
        var (app, s) = await Start(provider, postgres);
        await using var _ = app;
        app.Graph.State.Managers[Owner] = new EmulatedUser("m", "Grace Lead", "grace@contoso.example");
        app.Clock.Set(new DateTimeOffset(2026, 12, 10, 2, 0, 0, TimeSpan.Zero)); // digest, three escalations and the weekly report are all due

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Pass(app))));
        await Pass(app);

        var mails = Mail(app);
        Assert.Equal(mails.Count, mails.Select(m => m.Subject + string.Join(",", m.To)).Distinct().Count());
        Assert.Equal(3, mails.Count(m => m.Subject.StartsWith("Overdue", StringComparison.Ordinal)));
        Assert.Single(mails, m => m.Subject.StartsWith("Your action items", StringComparison.Ordinal));
        Assert.Single(mails, m => m.Subject.StartsWith("Weekly progress report", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mail_claimed_by_a_sender_that_died_goes_out_once_after_its_lease_expires()
    {
        var (app, s) = await Start();
        await using var _ = app;
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(Tenant, async db =>
        {
            db.OutboxMails.Add(new OutboxMail
            {
                TenantId = Tenant, Key = "test:claimed", Kind = "alert", FromMailbox = "collabaddin@contoso.example", To = Organizer,
                Subject = "Claimed then lost", HtmlBody = "<p>x</p>", CreatedAt = now, LeaseUntil = now.AddMinutes(2), // a sender claimed it, then died
            });
            await db.SaveChangesAsync();
        });
        var worker = app.Services.GetRequiredService<FollowUpWorker>();

        await worker.SendDueAsync(default);
        Assert.Empty(Mail(app));
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await Task.WhenAll(worker.SendDueAsync(default), worker.SendDueAsync(default));
        await worker.SendDueAsync(default);

        Assert.Single(Mail(app), m => m.Subject == "Claimed then lost");
        var state = await app.WithDbAsync(Tenant, db => db.OutboxMails.Where(m => m.Key == "test:claimed").Select(m => m.State).SingleAsync());
        Assert.Equal(OutboxState.Sent, state);
    }

    [Fact]
    public async Task When_graph_is_down_the_mail_waits_and_goes_when_it_is_back()
    {
        var (app, s) = await Start();
        await using var _ = app;
        app.Graph.State.Faults.Add(new FaultRule(FaultKind.Unavailable, PathContains: "sendMail", Times: int.MaxValue, RetryAfterSeconds: 0));
        await (await (await app.ClientForAsync(Owner)).SendAsync(Patch(s.ItemId, new { status = "blocked" }, "\"1\""))).ShouldBeAsync(HttpStatusCode.OK);
        await app.Services.GetRequiredService<FollowUpWorker>().SendDueAsync(default);
        Assert.Empty(Alerts(app));
        var waiting = await app.WithDbAsync(Tenant, db => db.OutboxMails.SingleAsync(m => m.Kind == "alert"));
        Assert.Equal((OutboxState.Pending, 1), (waiting.State, waiting.Attempts));

        app.Graph.State.Faults.Clear();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.Services.GetRequiredService<FollowUpWorker>().SendDueAsync(default);
        Assert.Single(Alerts(app));
    }
}
