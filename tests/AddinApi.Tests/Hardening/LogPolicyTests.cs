using System.Net;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static CollabAddin.Api.Tests.Minutes.MinutesDocs;

namespace CollabAddin.Api.Tests.Hardening;

/// <summary>
/// What the app writes to its logs, at every level down to Debug, while a whole meeting runs: sign-in, invite through
/// Graph, minutes published, a forged token refused. No token, no minutes text and no SQL parameter value may appear.
/// </summary>
public sealed class LogPolicyTests
{
    private const string Confidential = "Acquire Contoso for 40 million";

    [Fact]
    public async Task Logs_carry_no_tokens_and_no_document_or_item_content()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Debug",
        });
        app.Logs.Minimum = LogLevel.Debug;
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        var bobToken = bob.DefaultRequestHeaders.Authorization!.Parameter!;
        var draft = Edit(FirstDraft(await TemplateAsync(bob, meeting!.Id)), body => Fill(ActionRows(body)[0], Confidential));
        Assert.Equal(HttpStatusCode.OK, (await PublishAsync(bob, meeting.Id, draft)).StatusCode);
        await app.Services.GetRequiredService<CollabAddin.Api.Meetings.InviteWorker>().RunOnceAsync(CancellationToken.None);

        var forged = app.ClientWithToken(bobToken[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/me/action-items")).StatusCode);

        var logs = app.Logs.ToString();
        // The capture really saw the run (SQL commands and requests), so an empty log cannot pass this test.
        Assert.Contains("Executed DbCommand", logs);
        Assert.Contains("/api/meetings", logs);
        Assert.DoesNotContain(bobToken, logs);
        Assert.DoesNotContain(bobToken[..40], logs); // nor a prefix of it
        Assert.DoesNotContain("Bearer ey", logs);
        Assert.DoesNotContain(Confidential, logs);
        Assert.DoesNotContain("Launch on 7 December", logs); // the decision text
        Assert.DoesNotContain("Q3 launch plan", logs); // the meeting subject
    }
}
