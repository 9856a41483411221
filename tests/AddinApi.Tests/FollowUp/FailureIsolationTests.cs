using System.Globalization;
using System.Net;
using CollabAddin.Api.FollowUp;
using CollabAddin.Api.Tests.Infrastructure;
using CollabAddin.GraphEmulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CollabAddin.Api.Tests.ActionItems.PatchActionItemTests;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.FollowUp;

/// <summary>
/// One unit that cannot be planned or sent — one tenant's weekly report, one mail — is recorded against itself with a
/// back-off and finally failed; it never stops the pass for anyone else. The poison is real: a SQLite trigger refuses
/// exactly that unit's row, as a broken report once did.
/// </summary>
public sealed class FailureIsolationTests
{
    private static Task<int> Pass(TestApp app) => app.Services.GetRequiredService<FollowUpWorker>().RunOnceAsync(default);
    private static List<SentMail> Mail(TestApp app, string tenantOwner) => app.Graph.State.SentMail.Where(m => m.To.Contains(tenantOwner)).ToList();

    /// <summary>Contoso: Carol's item is 2 days late (digest, escalation level 1) and she raises needs help (alert). Fabrikam: a weekly report is due.</summary>
    private static async Task<(TestApp App, Scenario Contoso)> Start(int maxAttempts = 8)
    {
        var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["FollowUp:MaxAttempts"] = maxAttempts.ToString(CultureInfo.InvariantCulture) });
        var contoso = await MeetingWithItemAsync(app, due: new DateOnly(2026, 11, 18));
        await MeetingWithItemAsync(app, tenant: OtherTenant, due: new DateOnly(2026, 12, 20));
        var carol = await app.ClientForAsync(Owner);
        await (await carol.SendAsync(Patch(contoso.ItemId, new { needsHelp = true, needsHelpReason = "Need the list" }, "\"1\""))).ShouldBeAsync(HttpStatusCode.OK);
        // Friday 2026-11-20 17:00 in Shanghai: everyone's weekly report is due, and Carol's digest.
        return (app, contoso);
    }

#pragma warning disable EF1002 // DDL cannot take parameters; kind and tenant are the tests' own constants
    private static Task<int> Poison(TestApp app, string kind, string tenant) => app.WithDbAsync(Tenant, db => db.Database.ExecuteSqlRawAsync(
        $"CREATE TRIGGER poison_{kind} BEFORE INSERT ON OutboxMails WHEN NEW.TenantId = '{tenant}' AND NEW.Kind = '{kind}' BEGIN SELECT RAISE(ABORT, 'poisoned {kind}'); END"));
#pragma warning restore EF1002

    private static Task<List<PlanningFailure>> Failures(TestApp app) =>
        app.WithDbAsync(Tenant, db => db.PlanningFailures.IgnoreQueryFilters().AsNoTracking().ToListAsync());

    [Fact]
    public async Task A_weekly_report_that_cannot_be_planned_in_one_tenant_stops_nothing_in_another_and_is_retried_after_a_back_off()
    {
        var (app, _) = await Start();
        await using var _ = app;
        await Poison(app, "weekly", OtherTenant);

        await Pass(app);

        var contoso = Mail(app, Owner).Concat(Mail(app, Organizer)).Concat(Mail(app, "mkt.lead@contoso.example")).Select(m => m.Subject).Distinct().ToList();
        Assert.Contains(contoso, s => s.Contains("needs help"));                       // the alert
        Assert.Contains(contoso, s => s.StartsWith("Your action items: 1 overdue", StringComparison.Ordinal));   // the digest
        Assert.Contains(contoso, s => s.StartsWith("Overdue 2 days", StringComparison.Ordinal));                 // escalation level 1
        Assert.Single(app.Graph.State.SentMail, m => m.Subject.StartsWith("Weekly progress report", StringComparison.Ordinal)); // contoso's, not fabrikam's
        var failure = Assert.Single(await Failures(app));
        Assert.Equal((OtherTenant, $"weekly:{Organizer}:2026-W47", 1, false), (failure.TenantId, failure.Key, failure.Attempts, failure.Failed));
        Assert.Contains("poisoned weekly", failure.Error);
        Assert.Equal(TestApp.DefaultNow.UtcDateTime.AddSeconds(30), failure.NextAttemptAt);

        await Pass(app); // within the back-off: not tried again
        Assert.Equal(1, Assert.Single(await Failures(app)).Attempts);

        await app.WithDbAsync(Tenant, db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER poison_weekly"));
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        await Pass(app);
        Assert.Equal(2, app.Graph.State.SentMail.Count(m => m.Subject.StartsWith("Weekly progress report", StringComparison.Ordinal)));
        Assert.Empty(await Failures(app)); // a success clears the record
    }

    [Fact]
    public async Task A_unit_that_keeps_failing_is_marked_failed_and_tried_no_more()
    {
        var (app, _) = await Start(maxAttempts: 3);
        await using var _ = app;
        await Poison(app, "weekly", OtherTenant);

        for (var i = 0; i < 6; i++)
        {
            await Pass(app);
            app.Clock.Advance(TimeSpan.FromHours(2));
        }

        var failure = Assert.Single(await Failures(app));
        Assert.Equal((3, true), (failure.Attempts, failure.Failed));
    }

    [Fact]
    public async Task A_mail_whose_recording_throws_is_recorded_against_itself_and_the_other_tenants_mail_goes_out()
    {
        var (app, _) = await Start(maxAttempts: 2);
        await using var _ = app;
        // Fabrikam's weekly report cannot be marked sent: the sender's save throws after Graph took it.
        await app.WithDbAsync(Tenant, db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER poison_sent BEFORE UPDATE OF State ON OutboxMails WHEN NEW.TenantId = 'fabrikam' AND NEW.State = 'Sent' BEGIN SELECT RAISE(ABORT, 'poisoned send'); END"));

        await Pass(app);

        Assert.Contains(Mail(app, Owner), m => m.Subject.StartsWith("Your action items", StringComparison.Ordinal));
        var mails = await app.WithDbAsync(Tenant, db => db.OutboxMails.IgnoreQueryFilters().AsNoTracking().ToListAsync());
        Assert.All(mails.Where(m => m.TenantId == Tenant), m => Assert.Equal(OutboxState.Sent, m.State));
        var poisoned = Assert.Single(mails, m => m.TenantId == OtherTenant);
        Assert.Equal((OutboxState.Pending, 1, null), (poisoned.State, poisoned.Attempts, poisoned.LeaseUntil));
        Assert.Contains("poisoned send", poisoned.Error);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await Pass(app);
        poisoned = await app.WithDbAsync(Tenant, db => db.OutboxMails.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Id == poisoned.Id));
        Assert.Equal((OutboxState.Failed, 2), (poisoned.State, poisoned.Attempts));
    }
}
