using System.Net;
using System.Net.Http.Headers;
using CollabAddin.Api.Minutes;
using CollabAddin.Api.Tests.Infrastructure;
using static CollabAddin.Api.Tests.Infrastructure.TestData;
using static CollabAddin.Api.Tests.Minutes.MinutesDocs;

namespace CollabAddin.Api.Tests.Minutes;

/// <summary>The publish report speaks the note-taker's language, and names rows by numbers software can use.</summary>
public sealed class PublishReportLanguageTests
{
    [Fact]
    public async Task A_chinese_note_taker_reads_every_row_and_warning_in_chinese_with_the_row_numbers_alongside()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        var draft = Edit(FirstDraft(await TemplateAsync(bob, meeting!.Id)), body =>
            Fill(ActionRows(body)[2], "Order the banners", "Someone Else", "sometime", "Legal", "", "9", "maybe"));

        var content = new ByteArrayContent(draft) { Headers = { ContentType = new MediaTypeHeaderValue(MinutesApi.DocxType) } };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{meeting.Id}/minutes") { Content = content };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var report = await (await bob.SendAsync(request)).ReadAsync<PublishReport>();

        Assert.Equal([("行动项表第 2 行", 1, 2), ("行动项表第 3 行", 1, 3)], report.Created.Select(c => (c.Row, c.Table, c.RowNumber)));
        var skipped = Assert.Single(report.Skipped);
        Assert.Equal(("行动项表第 4 行", 4), (skipped.Row, skipped.RowNumber));
        Assert.Equal("未识别负责人，因此没有创建行动项。请填写参会人的姓名或邮箱后重新发布。", skipped.Reason);
        string Warning(string location) => Assert.Single(report.Warnings, w => w.Location == location).Message;
        Assert.Equal("无法将“Someone Else”对应到参会人。请填写邀请时的姓名、邮箱或 @姓名。", Warning("行动项表第 4 行的负责人"));
        Assert.Equal("无法识别日期“sometime”。请写成 2026-12-01、12月1日或“下周五”。", Warning("行动项表第 4 行的截止日期"));
        Assert.Equal("“maybe”不是有效状态。请填写未开始、进行中、已完成或阻塞。", Warning("行动项表第 4 行的状态"));
        Assert.Equal("“9”不是本次会议的议程项。请填写议程编号（1、2……）或议题。", Warning("行动项表第 4 行的议程项"));
        Assert.All(report.Warnings, w => Assert.Contains(w.Message, c => c >= 0x4E00 && c <= 0x9FFF)); // every one of them in Chinese
        Assert.Contains(report.Warnings, w => w.Code == "badDueDate");
    }

    [Fact]
    public async Task Refusals_around_publishing_and_mailing_are_chinese_for_a_chinese_caller()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);
        var bob = await app.ClientForAsync(NoteTaker);
        async Task<string?> Title(HttpClient client, HttpRequestMessage request, HttpStatusCode status)
        {
            request.Headers.AcceptLanguage.ParseAdd("zh-CN");
            return (await (await client.SendAsync(request)).ProblemAsync(status)).GetProperty("title").GetString();
        }
        var mail = $"/api/meetings/{meeting!.Id}/minutes/mail";

        Assert.Equal("尚未发布任何纪要。", await Title(bob, new(HttpMethod.Post, mail), HttpStatusCode.Conflict));
        Assert.Equal("请以 Word 文档提交会议纪要。", await Title(bob, new(HttpMethod.Post, $"/api/meetings/{meeting.Id}/minutes")
        {
            Content = new StringContent("not a document", System.Text.Encoding.UTF8, "text/plain"),
        }, HttpStatusCode.UnsupportedMediaType));
        Assert.Equal("只有发起人和记录人可以处理本次会议的纪要。", await Title(await app.ClientForAsync(Owner), new(HttpMethod.Get, $"/api/meetings/{meeting.Id}/minutes/template"), HttpStatusCode.Forbidden));
        await (await PublishAsync(bob, meeting.Id, FirstDraft(await TemplateAsync(bob, meeting.Id)))).ShouldBeAsync(HttpStatusCode.OK);
        await (await bob.PostAsync(mail, null)).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("这份纪要已发送给参会人。", await Title(bob, new(HttpMethod.Post, mail), HttpStatusCode.Conflict));
        Assert.Equal("这份纪要刚刚发送过。", await Title(bob, new(HttpMethod.Post, mail + "?resend=true"), HttpStatusCode.TooManyRequests));
    }
}
