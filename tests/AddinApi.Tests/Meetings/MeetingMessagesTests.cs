using System.Net;
using CollabAddin.Api.Tests.Infrastructure;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Meetings;

/// <summary>Answers about meetings, worded in the caller's language too.</summary>
public sealed class MeetingMessagesTests
{
    [Fact]
    public async Task Not_found_forbidden_cancelled_and_refused_plans_are_chinese_for_a_chinese_caller()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        async Task<System.Text.Json.JsonElement> Ask(string email, HttpMethod method, string path, object? body, HttpStatusCode status)
        {
            var request = new HttpRequestMessage(method, path) { Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body) };
            request.Headers.AcceptLanguage.ParseAdd("zh-CN");
            return await (await (await app.ClientForAsync(email)).SendAsync(request)).ProblemAsync(status);
        }

        Assert.Equal("找不到该会议。", (await Ask(Organizer, HttpMethod.Get, $"/api/meetings/{Guid.NewGuid()}", null, HttpStatusCode.NotFound)).GetProperty("title").GetString());
        Assert.Equal("只有该会议的发起人和参会人可以查看。", (await Ask(Outsider, HttpMethod.Get, $"/api/meetings/{s.MeetingId}", null, HttpStatusCode.Forbidden)).GetProperty("title").GetString());
        Assert.Equal("只有发起人可以修改或取消此会议。", (await Ask(Owner, HttpMethod.Post, $"/api/meetings/{s.MeetingId}/cancel", new { }, HttpStatusCode.Forbidden)).GetProperty("title").GetString());
        var refused = await Ask(Organizer, HttpMethod.Post, "/api/meetings", ValidPlan() with { Goal = "" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("会议计划不符合会议规则。", refused.GetProperty("title").GetString());
        Assert.Equal(["请写明会议目标：会议结束时要达成什么共识或决定？"], refused.ErrorsFor("goal"));
        Assert.Equal(["请使用 organizer（发起人）、noteTaker（记录人）或 attendee（参会人）。"],
            (await Ask(Organizer, HttpMethod.Get, "/api/meetings?as=boss", null, HttpStatusCode.BadRequest)).ErrorsFor("as"));
        await (await (await app.ClientForAsync(Organizer)).PostAsync($"/api/meetings/{s.MeetingId}/cancel", System.Net.Http.Json.JsonContent.Create(new { }))).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("此会议已经取消。", (await Ask(Organizer, HttpMethod.Post, $"/api/meetings/{s.MeetingId}/cancel", new { }, HttpStatusCode.Conflict)).GetProperty("title").GetString());
    }
}
