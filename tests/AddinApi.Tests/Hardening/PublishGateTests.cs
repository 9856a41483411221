using System.Globalization;
using System.Net;
using CollabAddin.Api.Minutes;
using CollabAddin.Api.Tests.Infrastructure;
using CollabAddin.Api.Tests.Minutes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Hardening;

/// <summary>Publishes per instance are bounded: past the permits they queue in order; past the queue (or its wait) 503 + Retry-After.</summary>
public sealed class PublishGateTests
{
    private static async Task<(TestApp App, HttpClient Bob, Guid Meeting, byte[] Docx)> Start(int queue, int queueSeconds)
    {
        var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimits:ConcurrentPublishes"] = "1", ["RateLimits:PublishQueue"] = queue.ToString(CultureInfo.InvariantCulture), ["RateLimits:QueueSeconds"] = queueSeconds.ToString(CultureInfo.InvariantCulture),
        });
        var s = await MeetingWithItemAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        var docx = MinutesDocs.Edit(await MinutesDocs.TemplateAsync(bob, s.MeetingId),
            body => MinutesDocs.Fill(MinutesDocs.ActionRows(body)[0], "Book the venue", "Dave Chen", "2026-12-20"));
        return (app, bob, s.MeetingId, docx);
    }

    [Fact]
    public async Task Past_the_permits_and_the_queue_a_publish_is_a_503_with_retry_after_and_stores_nothing()
    {
        var (app, bob, meeting, docx) = await Start(queue: 0, queueSeconds: 20);
        await using var _ = app;
        var gate = app.Services.GetRequiredService<PublishGate>();

        using (var busy = await gate.EnterAsync(default)) // another publish holds the only permit
        {
            Assert.NotNull(busy);
            var response = await MinutesDocs.PublishAsync(bob, meeting, docx);
            var problem = await response.ProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("5", response.Headers.RetryAfter?.ToString());
            Assert.Contains("Nothing was published", problem.GetProperty("detail").GetString());
            Assert.Equal(0, await app.WithDbAsync(Tenant, db => db.MinutesPublications.CountAsync()));
        }
        await (await MinutesDocs.PublishAsync(bob, meeting, docx)).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_queued_publish_waits_for_its_turn_and_gives_up_after_the_queue_wait()
    {
        var (app, bob, meeting, docx) = await Start(queue: 4, queueSeconds: 1);
        await using var _ = app;
        var gate = app.Services.GetRequiredService<PublishGate>();

        var busy = await gate.EnterAsync(default);
        var waiting = MinutesDocs.PublishAsync(bob, meeting, docx);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted); // queued behind the permit holder
        busy!.Dispose();
        await (await waiting).ShouldBeAsync(HttpStatusCode.OK);

        using (await gate.EnterAsync(default))
            await (await MinutesDocs.PublishAsync(bob, meeting, docx)).ProblemAsync(HttpStatusCode.ServiceUnavailable); // waited 1 s, gave up
    }
}
