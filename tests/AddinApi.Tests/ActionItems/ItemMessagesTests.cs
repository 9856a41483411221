using System.Net;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CollabAddin.Api.Tests.ActionItems.PatchActionItemTests;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.ActionItems;

/// <summary>Every answer about an action item is worded in the caller's language, in words a person uses (no field codes).</summary>
public sealed class ItemMessagesTests
{
    private static HttpRequestMessage InChinese(HttpRequestMessage request)
    {
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        return request;
    }

    [Theory]
    [InlineData("{\"status\":\"finished\"}", null, "status", "“finished”不是有效状态：请选择未开始、进行中、已完成或阻塞。")]
    [InlineData("{\"status\":\"cancelled\"}", null, "status", "行动项只能通过从会议纪要中删除来取消，不能在此取消。")]
    [InlineData("{\"status\":\"open\"}", ActionItemStatus.Done, "status", "已完成的行动项只能重新打开为“进行中”（返工）。")]
    [InlineData("{\"needsHelp\":true}", null, "needsHelpReason", "请说明需要什么协助，以便发起人和主导部门跟进。")]
    [InlineData("{\"needsHelpReason\":\"Need budget\"}", null, "needsHelpReason", "只有在申请协助时才需要填写协助原因。")]
    [InlineData("{}", null, "", "没有可保存的修改：请提交状态、进展说明、需协助或偏差原因。")]
    public async Task A_refused_change_is_explained_in_chinese_to_a_chinese_caller(string body, ActionItemStatus? status, string field, string message)
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        if (status is { } st)
            await app.WithDbAsync(Tenant, async db => { (await db.ActionItems.SingleAsync()).Status = st; await db.SaveChangesAsync(); });
        var version = await app.WithDbAsync(Tenant, db => db.ActionItems.Select(i => i.Version).SingleAsync());
        var request = InChinese(new HttpRequestMessage(HttpMethod.Patch, $"/api/action-items/{s.ItemId}")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "If-Match", $"\"{version}\"" } },
        });

        var problem = await (await (await app.ClientForAsync(Owner)).SendAsync(request)).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("无法保存此修改。", problem.GetProperty("title").GetString());
        Assert.Equal([message], problem.ErrorsFor(field));
    }

    [Fact]
    public async Task Not_found_forbidden_precondition_and_conflict_answers_are_chinese_too()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        var carol = await app.ClientForAsync(Owner);
        async Task<string?> Title(HttpClient client, HttpRequestMessage request, HttpStatusCode status) =>
            (await (await client.SendAsync(InChinese(request))).ProblemAsync(status)).GetProperty("title").GetString();

        Assert.Equal("找不到该行动项。", await Title(carol, new(HttpMethod.Get, $"/api/action-items/{Guid.NewGuid()}"), HttpStatusCode.NotFound));
        Assert.Equal("该行动项属于您未参加的会议。", await Title(await app.ClientForAsync(Outsider), new(HttpMethod.Get, $"/api/action-items/{s.ItemId}"), HttpStatusCode.Forbidden));
        Assert.Equal("只有负责人、发起人和记录人可以修改此行动项。", await Title(await app.ClientForAsync(Attendee), Patch(s.ItemId, new { progressNote = "x" }, "\"1\""), HttpStatusCode.Forbidden));
        Assert.Equal("缺少 If-Match。", await Title(carol, Patch(s.ItemId, new { progressNote = "x" }, null), HttpStatusCode.PreconditionRequired));
        await (await carol.SendAsync(Patch(s.ItemId, new { progressNote = "first" }, "\"1\""))).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("您读取之后，此行动项已被他人修改。", await Title(carol, Patch(s.ItemId, new { progressNote = "second" }, "\"1\""), HttpStatusCode.PreconditionFailed));
    }
}
