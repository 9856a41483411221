using CollabAddin.Api.FollowUp;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.FollowUp;

/// <summary>Mail people can act on without opening anything else: what is late, by how long, the latest word, and what to do.</summary>
public sealed class MailWordingTests
{
    private static Task<int> Pass(TestApp app) => app.Services.GetRequiredService<FollowUpWorker>().RunOnceAsync(default);

    [Fact]
    public async Task An_escalation_says_how_late_who_owns_it_the_latest_progress_and_what_the_reader_is_asked_to_do()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        await app.WithDbAsync(Tenant, async db => { (await db.ActionItems.SingleAsync()).ProgressNote = "Waiting for <legal> review"; await db.SaveChangesAsync(); });
        app.Clock.Set(new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero)); // 2 days late: level 1, the lead department's contact

        await Pass(app);

        var mail = Assert.Single(app.Graph.State.SentMail, m => m.Subject.StartsWith("Overdue", StringComparison.Ordinal));
        Assert.Contains("<b>2 days late</b>", mail.Body);
        Assert.Contains("Carol Zhang &lt;carol@contoso.example&gt;", mail.Body);
        Assert.Contains("Waiting for &lt;legal&gt; review", mail.Body);
        Assert.Contains("Please talk to Carol Zhang: agree a new date, or the help they need", mail.Body);
        Assert.Contains($"/items.html#item={s.ItemId}", mail.Body);
    }

    [Fact]
    public async Task A_chinese_digest_says_how_many_days_late_in_words()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app, due: new DateOnly(2026, 11, 11));
        await app.WithDbAsync(Tenant, async db => { (await db.Meetings.SingleAsync()).Language = "zh-CN"; await db.SaveChangesAsync(); });

        await Pass(app); // Friday 2026-11-20 17:00 in Shanghai: nine days late

        var digest = Assert.Single(app.Graph.State.SentMail, m => m.Subject.StartsWith("行动项提醒", StringComparison.Ordinal));
        Assert.Contains("截止 2026-11-11（逾期\u00a09\u00a0天）", digest.Body);
        var escalation = Assert.Single(app.Graph.State.SentMail, m => m.Subject.StartsWith("【逾期升级】", StringComparison.Ordinal) && m.To.Contains("mkt.lead@contoso.example"));
        Assert.Contains("逾期 9 天", escalation.Body);
        Assert.Contains("（尚无进展说明）", escalation.Body);
    }
}
