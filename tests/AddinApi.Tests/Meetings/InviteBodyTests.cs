using System.Globalization;
using System.Xml.Linq;
using CollabAddin.Api.Meetings;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Meetings;

public sealed class InviteBodyTests
{
    private static Meeting Planned(Func<MeetingPlan, MeetingPlan>? change = null, string language = "en-US")
    {
        var plan = (change ?? (p => p))(ValidPlan());
        var check = MeetingPolicy.Check(plan, new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc), new PolicyOptions(), CultureInfo.GetCultureInfo(language));
        Assert.True(check.Verdict.CanSend, string.Join("; ", check.Verdict.Errors.Select(e => e.Message)));
        var meeting = new Meeting { TenantId = Tenant, Subject = "", OrganizerEmail = Organizer, OrganizerName = "Alice", TimeZone = "" };
        MeetingPlanner.Apply(meeting, plan, check, CultureInfo.GetCultureInfo(language), DateTime.UtcNow);
        return meeting;
    }

    private static string Render(Meeting meeting) => InviteBody.Render(meeting, CultureInfo.GetCultureInfo(meeting.Language!));

    [Fact]
    public void The_body_shows_goal_time_roles_agenda_pre_reads_and_preparation()
    {
        var html = Render(Planned());
        Assert.Contains("Agree the Q3 launch plan and an owner for each department before 30 Sept", html);
        Assert.Contains("Tuesday 1 December 2026 10:00–11:00 (Asia/Shanghai)", html);
        Assert.Contains("Host: Alice Wang · Note-taker: Bob Li · Timekeeper: Bob Li", html);
        foreach (var cell in new[] { "Launch date", "Confirm the date against the release train", "A fixed launch date", "Review the campaign draft", ">30<", ">50<" })
            Assert.Contains(cell, html);
        Assert.Contains("<a href=\"https://contoso.example/launch-timeline\">Launch timeline</a> — Carol Zhang, Dave Chen", html);
        Assert.Contains("<b>Carol Zhang</b> (Marketing), core: Bring the campaign draft", html);
        Assert.Contains("<b>Dave Chen</b> (Sales), optional, listen-only: nothing to prepare", html);
        Assert.Contains("Microsoft Teams meeting", html);
        XDocument.Parse(html); // well-formed: nothing typed by a person can break the markup
    }

    [Fact]
    public void The_body_is_written_in_the_organizers_language()
    {
        var html = Render(Planned(language: "zh-CN"));
        Assert.Contains("会议目标", html);
        Assert.Contains("2026年12月1日 星期二 10:00–11:00", html);
        Assert.Contains("主持人: Alice Wang", html);
        Assert.Contains("预期产出", html);
        Assert.DoesNotContain("Expected output", html);
    }

    [Theory]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("Tom & Jerry's <b>bold</b> plan")]
    public void Everything_a_person_typed_is_html_encoded(string hostile)
    {
        var meeting = Planned(p => p with
        {
            Subject = hostile,
            Goal = "Approve the 2027 budget " + hostile,
            Location = hostile,
            Attendees = [.. p.Attendees![..3], p.Attendees[3] with { DisplayName = hostile, Department = hostile, Preparation = hostile }],
            Agenda = [p.Agenda![0] with { Topic = hostile, Discussion = hostile, ExpectedOutput = hostile }, p.Agenda[1]],
            PreReads = [new(hostile, "https://contoso.example/a?b=1&c=\"2\"", null)],
        });
        var html = Render(meeting);

        Assert.DoesNotContain(hostile, html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(hostile).Replace("&#39;", "&#x27;"), html);
        Assert.Contains("href=\"https://contoso.example/a?b=1&amp;c=&quot;2&quot;\"", html);
        var document = XDocument.Parse(html);
        Assert.Contains(hostile, document.Root!.Value); // decoded, a reader sees exactly what was typed
    }

    [Fact]
    public void Chinese_and_very_long_text_survive_intact()
    {
        var longGoal = "确定第三季度发布方案" + new string('长', 980);
        var html = Render(Planned(p => p with { Goal = longGoal, Subject = "第三季度发布计划 / Q3 launch" }));
        Assert.Contains(longGoal, html); // CJK is not turned into entities: readable in the mail and its preview
        Assert.Contains("第三季度发布计划 / Q3 launch", html);
    }
}
