using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CollabAddin.Api.Tests.Infrastructure;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Hardening;

/// <summary>The answers outside any one feature — limits, unreadable bodies, lists, reports, people, time search, departments — in Chinese too.</summary>
public sealed class GeneralMessagesTests
{
    private static async Task<JsonElement> Ask(HttpClient client, HttpMethod method, string path, HttpContent? body, HttpStatusCode status)
    {
        var request = new HttpRequestMessage(method, path) { Content = body };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        return await (await client.SendAsync(request)).ProblemAsync(status);
    }

    [Fact]
    public async Task Chinese_callers_read_every_general_refusal_in_chinese()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:ValidationsPerMinute"] = "1" });
        await MeetingWithItemAsync(app);
        var alice = await app.ClientForAsync(Organizer);

        Assert.Equal("无法读取该请求。", (await Ask(alice, HttpMethod.Post, "/api/meetings/validate", new StringContent("{\"subject\": 3}", System.Text.Encoding.UTF8, "application/json"), HttpStatusCode.BadRequest)).GetProperty("title").GetString());
        // That request used the one plan check a minute this app allows: the next is refused.
        var limited = await Ask(alice, HttpMethod.Post, "/api/meetings/validate", JsonContent.Create(ValidPlan()), HttpStatusCode.TooManyRequests);
        Assert.Equal("请求过于频繁。", limited.GetProperty("title").GetString());
        Assert.StartsWith("此操作每分钟最多 1 次。", limited.GetProperty("detail").GetString());
        Assert.Equal("请求过大。", (await Ask(alice, HttpMethod.Post, "/api/meetings", new StringContent(new string(' ', 1_100_000), System.Text.Encoding.UTF8, "application/json"), HttpStatusCode.RequestEntityTooLarge)).GetProperty("title").GetString());

        Assert.Equal(["页码从 1 开始。"], (await Ask(alice, HttpMethod.Get, "/api/me/action-items?page=0", null, HttpStatusCode.BadRequest)).ErrorsFor("page"));
        Assert.Equal(["请使用 json、docx 或 csv。"], (await Ask(alice, HttpMethod.Get, "/api/reports/progress?format=pdf", null, HttpStatusCode.BadRequest)).ErrorsFor("format"));
        Assert.Equal(["结束日期（to）早于开始日期（from）。"], (await Ask(alice, HttpMethod.Get, "/api/reports/metrics?from=2026-12-01&to=2026-11-01", null, HttpStatusCode.BadRequest)).ErrorsFor("to"));
        Assert.Equal(["请输入姓名或邮箱的至少两个字符（最多 100 个）。"], (await Ask(alice, HttpMethod.Get, "/api/people?search=a", null, HttpStatusCode.BadRequest)).ErrorsFor("search"));
        var times = await Ask(alice, HttpMethod.Post, "/api/meetings/find-times", JsonContent.Create(new { attendees = Array.Empty<object>(), durationMinutes = 1, from = "x", to = "y", timeZone = "Asia/Shanghai" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("时间查找条件无效。", times.GetProperty("title").GetString());
        Assert.Equal(["请提供 1 到 50 位参会人。"], times.ErrorsFor("attendees"));

        var admin = await app.AdminClientAsync();
        Assert.Equal("已存在名为“Marketing”的部门。", (await Ask(admin, HttpMethod.Post, "/api/departments", JsonContent.Create(new { name = "Marketing" }), HttpStatusCode.Conflict)).GetProperty("title").GetString());
    }
}
