using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.Data;
using CollabAddin.Api.Projects;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CollabAddin.Api.Tests.Projects.ProjectData;

namespace CollabAddin.Api.Tests.Projects;

/// <summary>
/// Every project endpoint × every part a person can have in a project. Each request first puts the project in the
/// state the action needs (a draft to edit, a request to review …), so what is tested is who, not when.
/// AuthorizationMatrixTests counts these rules when it checks that every endpoint has one.
/// </summary>
public sealed class ProjectAuthorizationMatrixTests(PostgresServer postgres)
{
    public enum Role { Anonymous, OtherTenant, Outsider, Initiator, InitiatingHead, InvolvedHead, InvolvedContact, TaskOwner, Executive }

    private sealed record Rule(Func<TestApp, Scenario, Task<HttpRequestMessage>> Request, Dictionary<Role, HttpStatusCode> Expect);

    private const HttpStatusCode Ok = HttpStatusCode.OK, Created = HttpStatusCode.Created, Forbidden = HttpStatusCode.Forbidden, NotFound = HttpStatusCode.NotFound,
        Unprocessable = HttpStatusCode.UnprocessableEntity;

    private static Dictionary<Role, HttpStatusCode> By(HttpStatusCode otherTenant, HttpStatusCode outsider, HttpStatusCode initiator, HttpStatusCode initiatingHead,
        HttpStatusCode involvedHead, HttpStatusCode involvedContact, HttpStatusCode taskOwner, HttpStatusCode executive) => new()
        {
            [Role.Anonymous] = HttpStatusCode.Unauthorized, [Role.OtherTenant] = otherTenant, [Role.Outsider] = outsider, [Role.Initiator] = initiator,
            [Role.InitiatingHead] = initiatingHead, [Role.InvolvedHead] = involvedHead, [Role.InvolvedContact] = involvedContact, [Role.TaskOwner] = taskOwner,
            [Role.Executive] = executive,
        };

    /// <summary>Readers: everyone taking part, in any role.</summary>
    private static readonly Dictionary<Role, HttpStatusCode> Members = By(NotFound, Forbidden, Ok, Ok, Ok, Ok, Ok, Ok);

    private static Func<TestApp, Scenario, Task<HttpRequestMessage>> Get(Func<Scenario, string> path) =>
        (_, s) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, path(s)));

    /// <summary>A change: the project is put in <paramref name="state"/>, and the current ETag of what is changed is sent.</summary>
    private static Func<TestApp, Scenario, Task<HttpRequestMessage>> Change(HttpMethod method, Func<Scenario, string> path, ProjectState state, Func<Scenario, object?> body,
        Func<CollabDb, Scenario, Task<int>>? version = null) => async (app, s) =>
        {
            var current = await app.WithDbAsync(TestData.Tenant, async db =>
            {
                await db.Projects.Where(p => p.Id == s.ProjectId).ExecuteUpdateAsync(u => u.SetProperty(p => p.State, state));
                await db.Database.ExecuteSqlRawAsync("DELETE FROM \"MilestoneConfirmations\""); // each head may confirm again
                return version is null ? await db.Projects.Where(p => p.Id == s.ProjectId).Select(p => p.Version).SingleAsync() : await version(db, s);
            });
            var request = new HttpRequestMessage(method, path(s)) { Content = body(s) is { } b ? JsonContent.Create(b) : null };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{current}\"");
            return request;
        };

    private static Task<int> TaskVersion(CollabDb db, Scenario s) => db.ActionItems.Where(i => i.Id == s.TaskId).Select(i => i.Version).SingleAsync();
    private static Task<int> MilestoneVersion(CollabDb db, Scenario s) => db.ProjectMilestones.Where(m => m.Id == s.MilestoneId).Select(m => m.Version).SingleAsync();

    private static object TaskRow(Scenario s) => new
    {
        title = "Supply plan", leadDepartmentId = s.Departments.Supply, deliverable = "Plan", acceptanceStandard = "Signed off", dueDate = new DateOnly(2027, 1, 10),
        ownerEmail = TaskOwner, milestoneId = s.MilestoneId,
    };

    private static int _moves;

    private static readonly Dictionary<string, Rule> Rules = new()
    {
        ["GET /api/projects"] = new(Get(_ => "/api/projects"), By(Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok)),
        // Anyone may start a request for a department of their own tenant; another tenant's department is unknown there.
        ["POST /api/projects"] = new((_, s) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/projects")
        {
            Content = JsonContent.Create(new { title = "Budget round", initiatingDepartmentId = s.Departments.Product }),
        }), By(Unprocessable, Created, Created, Created, Created, Created, Created, Created)),
        ["GET /api/projects/{id:guid}"] = new(Get(s => $"/api/projects/{s.ProjectId}"), Members),
        ["PUT /api/projects/{id:guid}"] = new(Change(HttpMethod.Put, s => $"/api/projects/{s.ProjectId}", ProjectState.Returned, s => Request(s.Departments)),
            By(NotFound, Forbidden, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden)),
        ["POST /api/projects/{id:guid}/submit"] = new(Change(HttpMethod.Post, s => $"/api/projects/{s.ProjectId}/submit", ProjectState.Draft, _ => null),
            // A draft is the initiator's alone: the others do not see it at all.
            By(NotFound, Forbidden, Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden)),
        ["POST /api/projects/{id:guid}/review"] = new(Change(HttpMethod.Post, s => $"/api/projects/{s.ProjectId}/review", ProjectState.Submitted, _ => new { outcome = "approve" }),
            By(NotFound, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden, Forbidden)),
        ["POST /api/projects/{id:guid}/departments/{departmentId:guid}/response"] = new(Change(HttpMethod.Post,
                s => $"/api/projects/{s.ProjectId}/departments/{s.Departments.Supply}/response", ProjectState.Active, _ => new { response = "agree" }),
            By(NotFound, Forbidden, Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden)),
        ["PUT /api/projects/{id:guid}/communication"] = new(Change(HttpMethod.Put, s => $"/api/projects/{s.ProjectId}/communication", ProjectState.Active,
                _ => new { cadence = "Mondays 10:00" }),
            By(NotFound, Forbidden, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden)),
        ["GET /api/projects/{id:guid}/history"] = new(Get(s => $"/api/projects/{s.ProjectId}/history"), Members),
        ["GET /api/projects/{id:guid}/tasks"] = new(Get(s => $"/api/projects/{s.ProjectId}/tasks"), Members),
        // Tasks are planned by whoever runs the project and by the lead department's head and contact (Supply here).
        ["POST /api/projects/{id:guid}/tasks"] = new(Change(HttpMethod.Post, s => $"/api/projects/{s.ProjectId}/tasks", ProjectState.Active, TaskRow),
            By(NotFound, Forbidden, Created, Created, Created, Created, Forbidden, Forbidden)),
        ["PUT /api/projects/{id:guid}/tasks/{taskId:guid}"] = new(Change(HttpMethod.Put, s => $"/api/projects/{s.ProjectId}/tasks/{s.TaskId}", ProjectState.Active, TaskRow, TaskVersion),
            By(NotFound, Forbidden, Ok, Ok, Ok, Ok, Forbidden, Forbidden)),
        ["GET /api/projects/{id:guid}/milestones"] = new(Get(s => $"/api/projects/{s.ProjectId}/milestones"), Members),
        ["POST /api/projects/{id:guid}/milestones"] = new(Change(HttpMethod.Post, s => $"/api/projects/{s.ProjectId}/milestones", ProjectState.Active,
                _ => new { name = "Acceptance", date = new DateOnly(2027, 3, 20) }),
            By(NotFound, Forbidden, Created, Created, Forbidden, Forbidden, Forbidden, Forbidden)),
        ["PUT /api/projects/{id:guid}/milestones/{milestoneId:guid}"] = new(Change(HttpMethod.Put, s => $"/api/projects/{s.ProjectId}/milestones/{s.MilestoneId}", ProjectState.Active,
                _ => new { name = "Plan submitted", date = new DateOnly(2027, 1, 15).AddDays(Interlocked.Increment(ref _moves) % 20) }, MilestoneVersion),
            By(NotFound, Forbidden, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden)),
        // Heads confirm for their departments: Product's head (initiating) and Supply's; contacts and the initiator do not.
        ["POST /api/projects/{id:guid}/milestones/{milestoneId:guid}/confirm"] = new(Change(HttpMethod.Post, s => $"/api/projects/{s.ProjectId}/milestones/{s.MilestoneId}/confirm",
                ProjectState.Active, _ => null, MilestoneVersion),
            By(NotFound, Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden, Forbidden)),
        ["GET /api/projects/{id:guid}/dashboard"] = new(Get(s => $"/api/projects/{s.ProjectId}/dashboard"), Members),
        // The kickoff is drafted by those who may plan the project's meetings: its runners and the departments' heads and contacts.
        ["GET /api/projects/{id:guid}/kickoff"] = new(Get(s => $"/api/projects/{s.ProjectId}/kickoff"), By(NotFound, Forbidden, Ok, Ok, Ok, Ok, Forbidden, Forbidden)),
    };

    /// <summary>The endpoints these rules cover and the answers they expect (for AuthorizationMatrixTests' completeness and OpenAPI checks).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyCollection<HttpStatusCode>> Expected =>
        Rules.ToDictionary(r => r.Key, r => (IReadOnlyCollection<HttpStatusCode>)r.Value.Expect.Values.Distinct().ToList());

    [Theory, MemberData(nameof(TestData.Providers), MemberType = typeof(TestData))]
    public async Task Every_part_in_a_project_gets_exactly_the_access_the_rules_give(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var s = await ActiveProjectAsync(app);
        await ActiveProjectAsync(app, TestData.OtherTenant); // the other tenant has a project of its own
        var clients = new Dictionary<Role, HttpClient>
        {
            [Role.Anonymous] = app.ClientWithToken(null),
            [Role.OtherTenant] = await app.ClientForAsync(Initiator, TestData.OtherTenant),
            [Role.Outsider] = await app.ClientForAsync(TestData.Outsider),
            [Role.Initiator] = await app.ClientForAsync(Initiator),
            [Role.InitiatingHead] = await app.ClientForAsync(InitiatingHead),
            [Role.InvolvedHead] = await app.ClientForAsync(SupplyHead),
            [Role.InvolvedContact] = await app.ClientForAsync(SupplyContact),
            [Role.TaskOwner] = await app.ClientForAsync(TaskOwner),
            [Role.Executive] = await app.ClientForAsync(Executive),
        };
        var mismatches = new List<string>();
        foreach (var (endpoint, rule) in Rules)
            foreach (var (role, expected) in rule.Expect)
            {
                var response = await clients[role].SendAsync(await rule.Request(app, s));
                if (response.StatusCode != expected)
                    mismatches.Add($"{endpoint} as {role}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                else if ((int)expected >= 400)
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }
}
