using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Templates;
using CollabAddin.Api.Tests.Infrastructure;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Templates;

/// <summary>
/// Meeting templates: the guides' five scenarios in both languages, each a plan that passes the meeting rules once
/// people and a date are added; tenant admins keep their own, which stay in their tenant.
/// </summary>
public sealed class TemplatesTests
{
    private static async Task<List<TemplateResponse>> ListAsync(HttpClient client, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/templates");
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await (await client.SendAsync(request)).ReadAsync<List<TemplateResponse>>();
    }

    [Theory]
    [InlineData("en-US", new[] { "Project kickoff", "Weekly progress sync", "Problem solving / incident", "Resource coordination", "Review / retrospective" })]
    [InlineData("zh-CN", new[] { "项目启动会", "周例会（进度同步）", "突发问题处理会", "资源协调会", "复盘会" })]
    public async Task Every_built_in_template_becomes_a_plan_the_meeting_rules_accept_once_people_and_a_date_are_added(string language, string[] names)
    {
        await using var app = await TestApp.StartAsync();
        var alice = await app.ClientForAsync(Organizer);

        var templates = await ListAsync(alice, language);

        Assert.Equal(names, templates.Where(t => t.BuiltIn).Select(t => t.Name));
        foreach (var template in templates)
        {
            // What the planner does: the template's goal (its placeholder filled in), length and agenda, owned by the organizer.
            var goal = template.Goal.Replace("[project]", "Q3 launch", StringComparison.Ordinal).Replace("【项目】", "第三季度发布", StringComparison.Ordinal)
                .Replace("[problem]", "the payment outage", StringComparison.Ordinal).Replace("【问题】", "支付故障", StringComparison.Ordinal)
                .Replace("[resource]", "the test lab", StringComparison.Ordinal).Replace("【资源】", "测试环境", StringComparison.Ordinal)
                .Replace("[period]", "December", StringComparison.Ordinal).Replace("【期间】", "12 月", StringComparison.Ordinal)
                .Replace("[date]", "5 December", StringComparison.Ordinal).Replace("【日期】", "12月5日", StringComparison.Ordinal);
            Assert.DoesNotContain('[', goal);
            Assert.DoesNotContain('【', goal);
            var end = new DateTime(2026, 12, 1, 10, 0, 0).AddMinutes(template.Minutes).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
            var plan = ValidPlan() with
            {
                Goal = goal,
                End = end,
                Language = language,
                Agenda = template.Agenda.Select(a => new PlannedAgendaItem(null, a.Topic, a.Discussion, Organizer, a.PlannedMinutes, a.ExpectedOutput)).ToList(),
            };
            var verdict = await (await alice.PostAsJsonAsync("/api/meetings/validate", plan)).ReadAsync<PolicyVerdict>();
            Assert.True(verdict.Errors.Count == 0, $"{template.Name}: {string.Join("; ", verdict.Errors.Select(e => e.Message))}");
            Assert.DoesNotContain(verdict.Warnings, w => w.Code.Contains("goal", StringComparison.OrdinalIgnoreCase) || w.Code.Contains("agenda", StringComparison.OrdinalIgnoreCase));
            Assert.False(string.IsNullOrWhiteSpace(template.Roles));
        }
    }

    [Fact]
    public async Task A_tenant_admin_adds_changes_and_removes_a_template_that_only_their_tenant_sees()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await app.AdminClientAsync();
        var input = new
        {
            name = "Budget round", language = (string?)null, goal = "Agree each department's budget for next year by the end of the meeting", minutes = 60,
            agenda = new[] { new { topic = "Requests", discussion = "Each department's request", plannedMinutes = 30, expectedOutput = "The list of requests" } },
            roles = "Host: the CFO",
        };

        var created = await admin.PostAsJsonAsync("/api/templates", input);
        var template = await created.ReadAsync<TemplateResponse>(HttpStatusCode.Created);
        var etag = created.Headers.ETag!.ToString();
        Assert.Contains(await ListAsync(await app.ClientForAsync(Attendee), "zh-CN"), t => t.Name == "Budget round" && !t.BuiltIn); // both languages
        Assert.DoesNotContain(await ListAsync(await app.ClientForAsync(Owner, OtherTenant), "en-US"), t => t.Name == "Budget round");

        // Anyone else may plan from it, not change it.
        await (await (await app.ClientForAsync(Attendee)).PostAsJsonAsync("/api/templates", input)).ProblemAsync(HttpStatusCode.Forbidden);

        using var change = new HttpRequestMessage(HttpMethod.Put, $"/api/templates/{template.Id}") { Content = JsonContent.Create(input with { name = "Budget round 2027" }) };
        change.Headers.TryAddWithoutValidation("If-Match", etag);
        var changed = await admin.SendAsync(change);
        Assert.Equal("Budget round 2027", (await changed.ReadAsync<TemplateResponse>()).Name);

        using var stale = new HttpRequestMessage(HttpMethod.Delete, $"/api/templates/{template.Id}");
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        await (await admin.SendAsync(stale)).ProblemAsync(HttpStatusCode.PreconditionFailed);
        using var remove = new HttpRequestMessage(HttpMethod.Delete, $"/api/templates/{template.Id}");
        remove.Headers.TryAddWithoutValidation("If-Match", changed.Headers.ETag!.ToString());
        await (await admin.SendAsync(remove)).ShouldBeAsync(HttpStatusCode.NoContent);
        Assert.DoesNotContain(await ListAsync(admin, "en-US"), t => !t.BuiltIn);
    }

    [Fact]
    public async Task A_template_whose_agenda_does_not_fit_or_lacks_an_element_is_refused_in_the_callers_language()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await app.AdminClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/templates")
        {
            Content = JsonContent.Create(new
            {
                name = "Too long", goal = "Agree the plan", minutes = 30, language = "fr-FR",
                agenda = new[] { new { topic = "A", discussion = "B", plannedMinutes = 25, expectedOutput = "C" }, new { topic = "D", discussion = "", plannedMinutes = 10, expectedOutput = "E" } },
            }),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        var problem = await (await admin.SendAsync(request)).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["每个议程项都需要议题、讨论内容和预期产出。"], problem.ErrorsFor("agenda[1]"));
        Assert.NotEmpty(problem.ErrorsFor("language"));
        Assert.Empty(await app.WithDbAsync(Tenant, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.MeetingTemplates)));
    }
}
