using System.Net;
using System.Net.Http.Json;
using System.Text;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CollabAddin.Api.Tests.ActionItems.PatchActionItemTests;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Hardening;

/// <summary>
/// Text nobody types (control characters, lone surrogates, U+FFFF) is refused at the door in every field people type,
/// with 422 naming the field in the caller's language; strings and lists have hard ceilings. Nothing is stored.
/// </summary>
public sealed class TypedInputTests
{
    public static TheoryData<string, string> PlanFields => new()
    {
        { "subject", "subject" }, { "goal", "goal" }, { "location", "location" },
        { "attendee", "attendees[2].displayName" }, { "department", "attendees[1].department" }, { "preparation", "attendees[0].preparation" },
        { "agenda", "agenda[1].topic" }, { "discussion", "agenda[0].discussion" }, { "output", "agenda[1].expectedOutput" },
        { "preRead", "preReads[0].title" }, { "role", "attendees[0].roles[0]" },
    };

    private static MeetingPlan Poison(string where, string bad)
    {
        var plan = ValidPlan();
        var a = plan.Attendees!;
        var g = plan.Agenda!;
        return where switch
        {
            "subject" => plan with { Subject = $"Q{bad}3" },
            "goal" => plan with { Goal = plan.Goal + bad },
            "location" => plan with { Location = bad + "Room" },
            "attendee" => plan with { Attendees = [a[0], a[1], a[2] with { DisplayName = $"Carol{bad}" }, a[3]] },
            "department" => plan with { Attendees = [a[0], a[1] with { Department = $"Eng{bad}" }, a[2], a[3]] },
            "preparation" => plan with { Attendees = [a[0] with { Preparation = $"Bring{bad}" }, a[1], a[2], a[3]] },
            "agenda" => plan with { Agenda = [g[0], g[1] with { Topic = $"Camp{bad}aign" }] },
            "discussion" => plan with { Agenda = [g[0] with { Discussion = bad }, g[1]] },
            "output" => plan with { Agenda = [g[0], g[1] with { ExpectedOutput = $"Plan{bad}" }] },
            "preRead" => plan with { PreReads = [plan.PreReads![0] with { Title = $"Time{bad}line" }] },
            "role" => plan with { Attendees = [a[0] with { Roles = [$"host{bad}"] }, a[1], a[2], a[3]] },
            _ => throw new ArgumentOutOfRangeException(nameof(where)),
        };
    }

    [Theory, MemberData(nameof(PlanFields))]
    public async Task A_control_character_in_any_field_of_a_plan_is_refused_naming_the_field_and_nothing_is_stored(string where, string field)
    {
        await using var app = await TestApp.StartAsync();
        foreach (var path in new[] { "/api/meetings/validate", "/api/meetings" })
        {
            var response = await Send(app, HttpMethod.Post, path, Poison(where, "\u0001"), "en-US");
            var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
            Assert.Contains("control character (U+0001)", problem.ErrorsFor(field).Single());
        }
        Assert.Equal(0, await app.WithDbAsync(Tenant, db => db.Meetings.CountAsync()));
        Assert.Empty(app.Graph.State.EventsOf(Organizer));
    }

    [Theory]
    [InlineData(0x0000), InlineData(0x0008), InlineData(0x001b), InlineData(0x007f), InlineData(0xfffe), InlineData(0xffff)]
    public async Task Every_character_nobody_types_is_refused_and_the_message_is_in_chinese_for_a_chinese_caller(int code)
    {
        await using var app = await TestApp.StartAsync();
        var response = await Send(app, HttpMethod.Post, "/api/meetings", ValidPlan($"Q3{(char)code}"), "zh-CN");
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("提交的部分内容无法保存。", problem.GetProperty("title").GetString());
        Assert.Equal($"第 3 个字符是无法保存的不可见控制字符（U+{code:X4}），常见于粘贴的文本。请删除后重试。", problem.ErrorsFor("subject").Single());
    }

    [Fact]
    public async Task A_lone_surrogate_in_the_json_is_refused_and_never_stored()
    {
        await using var app = await TestApp.StartAsync();
        var json = System.Text.Json.JsonSerializer.Serialize(ValidPlan("Q3 SUBJECT"), HttpAssertions.Json).Replace("Q3 SUBJECT", "Q3 \\ud800 plan");
        var client = await app.ClientForAsync(Organizer);
        var response = await client.PostAsync("/api/meetings", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity });
        await response.ProblemAsync(response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(Tenant, db => db.Meetings.CountAsync()));
    }

    [Theory]
    [InlineData("progressNote"), InlineData("needsHelpReason"), InlineData("deviationReason")]
    public async Task A_control_character_in_an_item_change_is_refused_and_the_item_is_unchanged(string field)
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        var carol = await app.ClientForAsync(Owner);
        var body = new Dictionary<string, object> { [field] = "Slides\u0001ready" };
        if (field == "needsHelpReason") body["needsHelp"] = true;

        var problem = await (await carol.SendAsync(Patch(s.ItemId, body, "\"1\""))).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("U+0001", problem.ErrorsFor(field).Single());
        var item = await app.WithDbAsync(Tenant, db => db.ActionItems.AsNoTracking().SingleAsync(i => i.Id == s.ItemId));
        Assert.Equal((1, null, null, false), (item.Version, item.ProgressNote, item.DeviationReason, item.NeedsHelp));
    }

    [Fact]
    public async Task A_control_character_in_a_department_or_a_cancel_message_is_refused()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        var admin = await app.AdminClientAsync();

        var problem = await (await admin.PostAsJsonAsync("/api/departments", new { name = "Fin\u0007ance" })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("U+0007", problem.ErrorsFor("name").Single());
        problem = await (await admin.PutAsJsonAsync($"/api/departments/{s.LeadDepartmentId}", new { name = "Marketing", contactEmail = "a\u0000@contoso.example" }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("U+0000", problem.ErrorsFor("contactEmail").Single());
        problem = await (await (await app.ClientForAsync(Organizer)).PostAsJsonAsync($"/api/meetings/{s.MeetingId}/cancel", new { message = "Sorry\u001b" }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("U+001B", problem.ErrorsFor("message").Single());

        Assert.Equal(["Marketing", "Sales"], await app.WithDbAsync(Tenant, db => db.Departments.OrderBy(d => d.Name).Select(d => d.Name).ToListAsync()));
        Assert.Equal(InviteState.Sent, await app.WithDbAsync(Tenant, db => db.Meetings.Select(m => m.Invite.State).SingleAsync()));
    }

    [Fact]
    public async Task Strings_and_lists_past_the_hard_ceilings_are_refused_naming_the_field()
    {
        await using var app = await TestApp.StartAsync();
        var plan = ValidPlan();
        var huge = plan with { Goal = new string('x', Http.TypedInput.MaxStringLength + 1) };
        var problem = await (await Send(app, HttpMethod.Post, "/api/meetings/validate", huge, "en-US")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal($"This is too long: at most {Http.TypedInput.MaxStringLength} characters.", problem.ErrorsFor("goal").Single());

        var readers = plan with { PreReads = [plan.PreReads![0] with { Readers = Enumerable.Repeat(Owner, Http.TypedInput.MaxListLength + 1).ToList() }] };
        problem = await (await Send(app, HttpMethod.Post, "/api/meetings/validate", readers, "en-US")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal($"Too many entries: at most {Http.TypedInput.MaxListLength}.", problem.ErrorsFor("preReads[0].readers").Single());
    }

    [Fact]
    public async Task Every_list_a_plan_carries_has_a_hard_maximum_beyond_the_guides_advice()
    {
        await using var app = await TestApp.StartAsync();
        var plan = ValidPlan();
        var agenda = plan with { Agenda = Enumerable.Repeat(plan.Agenda![0] with { PlannedMinutes = 1 }, MeetingPolicy.MaxAgendaItems + 1).ToList() };
        var preReads = plan with { PreReads = Enumerable.Repeat(plan.PreReads![0], MeetingPolicy.MaxPreReads + 1).ToList() };
        var roles = plan with { Attendees = [plan.Attendees![0] with { Roles = ["host", "host", "host", "host", "host"] }, .. plan.Attendees.Skip(1)] };
        var readers = plan with { PreReads = [plan.PreReads[0] with { Readers = Enumerable.Repeat(Owner, 5).ToList() }] };

        foreach (var (bad, field, words) in new[] { (agenda, "agenda", "At most 20 agenda items"), (preReads, "preReads", "At most 20 pre-reads"),
                     (roles, "attendees[0].roles", "at most 4 roles"), (readers, "preReads[0].readers", "More readers than attendees") })
        {
            var problem = await (await Send(app, HttpMethod.Post, "/api/meetings", bad, "en-US")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Contains(words, problem.ErrorsFor(field).Single());
        }
        var zh = await (await Send(app, HttpMethod.Post, "/api/meetings", agenda, "zh-CN")).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("一次会议最多可安排 20 项议程。", zh.ErrorsFor("agenda").Single());
        Assert.Equal(0, await app.WithDbAsync(Tenant, db => db.Meetings.CountAsync()));
    }

    private static async Task<HttpResponseMessage> Send(TestApp app, HttpMethod method, string path, object body, string language)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await (await app.ClientForAsync(Organizer)).SendAsync(request);
    }
}
