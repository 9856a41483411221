using CollabAddin.Api.FollowUp;
using CollabAddin.Api.Tests.Infrastructure;
using CollabAddin.GraphEmulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.FollowUp;

/// <summary>Queued mail leaves in Graph $batch requests: 20 per request, four chains per sender mailbox, each mail recorded by its own answer.</summary>
public sealed class MailBatchTests
{
    private static Task<int> Send(TestApp app) => app.Services.GetRequiredService<FollowUpWorker>().SendDueAsync(default);

    private static async Task Queue(TestApp app, int count, byte[]? attachment = null, string prefix = "digest")
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(Tenant, async db =>
        {
            for (var i = 0; i < count; i++)
                db.OutboxMails.Add(new OutboxMail
                {
                    TenantId = Tenant, Key = $"{prefix}:{i}", Kind = prefix, FromMailbox = "collabaddin@contoso.example", To = $"person{i}@contoso.example",
                    Subject = $"{prefix} {i}", HtmlBody = "<p>x</p>", CreatedAt = now.AddMilliseconds(i),
                    Attachment = attachment, AttachmentName = attachment is null ? null : "report.docx",
                });
            await db.SaveChangesAsync();
        });
    }

    private static Task<List<OutboxMail>> Stored(TestApp app) =>
        app.WithDbAsync(Tenant, db => db.OutboxMails.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync());

    [Fact]
    public async Task Forty_five_mails_take_three_graph_requests_and_none_is_throttled()
    {
        await using var app = await TestApp.StartAsync();
        await Queue(app, 45);

        Assert.Equal(45, await Send(app));

        Assert.Equal(3, app.Graph.State.ClientRequests);
        Assert.Equal(3, app.Graph.State.RequestCount("POST", "/$batch"));
        Assert.Equal(45, app.Graph.State.RequestCount("POST", "/sendMail"));
        Assert.DoesNotContain(app.Graph.State.Exchanges, e => e.Status == 429);
        Assert.Equal(Enumerable.Range(0, 45).Select(i => $"digest {i}").Order(), app.Graph.State.SentMail.Select(m => m.Subject).Order());
        Assert.All(await Stored(app), m => Assert.Equal((OutboxState.Sent, 0), (m.State, m.Attempts)));
    }

    [Fact]
    public async Task A_throttled_mail_backs_off_its_chain_goes_next_pass_and_the_rest_are_sent_once()
    {
        await using var app = await TestApp.StartAsync();
        await Queue(app, 20);
        app.Graph.State.Faults.Add(new FaultRule(FaultKind.Throttle, "POST", "/sendMail", Times: 1, RetryAfterSeconds: 90));

        await Send(app);

        var mails = await Stored(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var throttled = Assert.Single(mails, m => m.Attempts == 1);
        Assert.Equal((OutboxState.Pending, now.AddSeconds(90)), (throttled.State, throttled.NextAttemptAt)); // Graph's Retry-After beat our 30 s back-off
        var waiting = mails.Where(m => m.State == OutboxState.Pending && m.Attempts == 0).ToList();
        Assert.Equal(4, waiting.Count); // the rest of its chain: Graph answered 424 without trying them
        Assert.All(waiting, m => Assert.Equal(now, m.NextAttemptAt));
        Assert.Equal(15, mails.Count(m => m.State == OutboxState.Sent));

        Assert.Equal(4, await Send(app)); // not tried, so not backed off
        app.Clock.Advance(TimeSpan.FromSeconds(91));
        Assert.Equal(1, await Send(app));

        Assert.All(await Stored(app), m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.Equal(20, app.Graph.State.SentMail.Select(m => m.Subject).Distinct().Count());
        Assert.Equal(20, app.Graph.State.SentMail.Count);
    }

    [Fact]
    public async Task When_the_batch_itself_fails_every_mail_in_it_waits_and_none_is_lost()
    {
        await using var app = await TestApp.StartAsync();
        await Queue(app, 5);
        app.Graph.State.Faults.Add(new FaultRule(FaultKind.Unavailable, "POST", "/$batch", Times: int.MaxValue, RetryAfterSeconds: 0));

        await Send(app);
        Assert.All(await Stored(app), m => Assert.Equal((OutboxState.Pending, 1), (m.State, m.Attempts)));
        Assert.Empty(app.Graph.State.SentMail);

        app.Graph.State.Faults.Clear();
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        await Send(app);
        Assert.All(await Stored(app), m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.Equal(5, app.Graph.State.SentMail.Count);
    }

    [Fact]
    public async Task A_refused_mail_fails_alone()
    {
        await using var app = await TestApp.StartAsync();
        await Queue(app, 3);
        app.Graph.State.Faults.Add(new FaultRule(FaultKind.Refuse, "POST", "/sendMail", Times: 1));

        await Send(app);

        var mails = await Stored(app);
        var refused = Assert.Single(mails, m => m.State == OutboxState.Failed);
        Assert.Contains("Access is denied", refused.Error);
        Assert.Equal(2, mails.Count(m => m.State == OutboxState.Sent)); // three independent chains: the others were not held up
    }

    [Fact]
    public async Task Mail_carrying_a_document_goes_on_its_own_and_batching_can_be_turned_off()
    {
        await using var app = await TestApp.StartAsync();
        await Queue(app, 2, attachment: [1, 2, 3], prefix: "weekly");
        await Queue(app, 2);

        await Send(app);

        Assert.Equal(2, app.Graph.State.Exchanges.Count(e => !e.InBatch && e.Path.EndsWith("/sendMail", StringComparison.Ordinal)));
        Assert.Equal(1, app.Graph.State.RequestCount("POST", "/$batch"));
        Assert.Equal(4, app.Graph.State.SentMail.Count);

        await using var unbatched = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["FollowUp:BatchMail"] = "false" });
        await Queue(unbatched, 3);
        await Send(unbatched);
        Assert.Equal(0, unbatched.Graph.State.RequestCount("POST", "/$batch"));
        Assert.Equal(3, unbatched.Graph.State.ClientRequests);
    }
}
