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
        Func<CollabDb, Scenario, Task<int>>? version = null, Func<CollabDb, Scenario, Task<Guid>>? prepare = null) => async (app, s) =>
        {
            var made = Guid.Empty;
            var current = await app.WithDbAsync(TestData.Tenant, async db =>
            {
                await db.Projects.Where(p => p.Id == s.ProjectId).ExecuteUpdateAsync(u => u.SetProperty(p => p.State, state));
                await db.Database.ExecuteSqlRawAsync("DELETE FROM \"MilestoneConfirmations\""); // each head may confirm again
                if (prepare is not null) made = await prepare(db, s);
                return version is null ? await db.Projects.Where(p => p.Id == s.ProjectId).Select(p => p.Version).SingleAsync() : await version(db, s);
            });
            var target = path(s).Replace("{made}", made.ToString(), StringComparison.Ordinal);
            var request = new HttpRequestMessage(method, target) { Content = body(s) is { } b ? JsonContent.Create(b) : null };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{current}\"");
            return request;
        };

    private static Task<int> TaskVersion(CollabDb db, Scenario s) => db.ActionItems.Where(i => i.Id == s.TaskId).Select(i => i.Version).SingleAsync();
    private static Task<int> MilestoneVersion(CollabDb db, Scenario s) => db.ProjectMilestones.Where(m => m.Id == s.MilestoneId).Select(m => m.Version).SingleAsync();

    /// <summary>A fresh issue between Supply and Marketing raised by Tom, at the contacts' level (Sam handles it for Supply).</summary>
    private static async Task<Guid> FreshIssue(CollabDb db, Scenario s)
    {
        var issue = new ProjectIssue
        {
            TenantId = TestData.Tenant, ProjectId = s.ProjectId, Kind = IssueKind.Dispute, Title = "Dates", DepartmentIds = $"{s.Departments.Supply}", RaisedByEmail = TaskOwner,
            RaisedByName = "Tom", RaisedAt = DateTime.UtcNow, DueAt = DateTime.UtcNow.AddDays(30), Version = 1,
            Steps = [new IssueStep { Number = 1, Action = "raised", ByEmail = TaskOwner, ByName = "Tom", Level = IssueLevel.Contacts }],
        };
        db.ProjectIssues.Add(issue);
        await db.SaveChangesAsync();
        return issue.Id;
    }

    /// <summary>A fresh deliverable waiting for a decision (the earlier ones of this task are cleared first).</summary>
    private static async Task<Guid> FreshAcceptance(CollabDb db, Scenario s)
    {
        await NoAcceptances(db, s);
        var acceptance = new ProjectAcceptance
        {
            TenantId = TestData.Tenant, ProjectId = s.ProjectId, TaskId = s.TaskId, Round = 1, SubmittedByEmail = TaskOwner, SubmittedByName = "Tom", Version = 1,
            SelfChecks = [new SelfCheck { Position = 0, Standard = "Signed off", Met = true }],
        };
        db.ProjectAcceptances.Add(acceptance);
        await db.SaveChangesAsync();
        return acceptance.Id;
    }

    private static async Task<Guid> NoAcceptances(CollabDb db, Scenario s)
    {
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"SelfChecks\"");
        await db.ProjectAcceptances.Where(a => a.TaskId == s.TaskId).ExecuteDeleteAsync();
        return Guid.Empty;
    }

    /// <summary>A risk owned by Sam (Supply's contact).</summary>
    private static async Task<Guid> SamsRisk(CollabDb db, Scenario s)
    {
        var risk = await db.ProjectRisks.FirstOrDefaultAsync(r => r.ProjectId == s.ProjectId && r.OwnerEmail == SupplyContact);
        if (risk is not null) return risk.Id;
        risk = new ProjectRisk { TenantId = TestData.Tenant, ProjectId = s.ProjectId, Description = "Capacity", OwnerEmail = SupplyContact, OwnerName = "Sam", Version = 1 };
        db.ProjectRisks.Add(risk);
        await db.SaveChangesAsync();
        return risk.Id;
    }

    /// <summary>Nothing left open, so the project may close.</summary>
    private static async Task<Guid> Settled(CollabDb db, Scenario s)
    {
        await db.ProjectIssues.Where(i => i.ProjectId == s.ProjectId && i.ResolvedAt == null).ExecuteUpdateAsync(u => u.SetProperty(i => i.ResolvedAt, DateTime.UtcNow));
        return await NoAcceptances(db, s);
    }

    /// <summary>What was just made (an issue, an acceptance) is at its first version.</summary>
    private static Task<int> FreshVersion(CollabDb db, Scenario s) => Task.FromResult(1);

    private static object TaskRow(Scenario s) => new
    {
        title = "Supply plan", leadDepartmentId = s.Departments.Supply, deliverable = "Plan", acceptanceStandard = "Signed off", dueDate = new DateOnly(2027, 1, 10),
        ownerEmail = TaskOwner, milestoneId = s.MilestoneId,
    };

    private static int _moves;

    private static readonly Dictionary<string, Rule> Rules = new()
    {
        ["GET /api/projects"] = new(Get(_ => "/api/projects"), By(Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok)),
        ["GET /api/projects/departments"] = new(Get(_ => "/api/projects/departments"), By(Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok)),
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
        ["GET /api/projects/{id:guid}/issues"] = new(Get(s => $"/api/projects/{s.ProjectId}/issues"), Members),
        // Anyone in the project raises an issue; the handlers at its level, its raiser and the runners escalate it; those at its
        // level or above, and the runners, resolve it (Sara heads Supply: the level above the contacts; Victor is the top).
        ["POST /api/projects/{id:guid}/issues"] = new(Change(HttpMethod.Post, s => $"/api/projects/{s.ProjectId}/issues", ProjectState.Active,
                s => new { kind = "dispute", title = "Dates", departmentIds = new[] { s.Departments.Supply } }),
            By(NotFound, Forbidden, Created, Created, Created, Created, Created, Created)),
        ["POST /api/projects/{id:guid}/issues/{issueId:guid}/escalate"] = new(Change(HttpMethod.Post, s => $"/api/projects/{s.ProjectId}/issues/{{made}}/escalate", ProjectState.Active,
                _ => new { comment = "No agreement" }, FreshVersion, FreshIssue),
            By(NotFound, Forbidden, Ok, Ok, Forbidden, Ok, Ok, Forbidden)),
        ["POST /api/projects/{id:guid}/issues/{issueId:guid}/resolve"] = new(Change(HttpMethod.Post, s => $"/api/projects/{s.ProjectId}/issues/{{made}}/resolve", ProjectState.Active,
                _ => new { comment = "Agreed" }, FreshVersion, FreshIssue),
            By(NotFound, Forbidden, Ok, Ok, Ok, Ok, Forbidden, Ok)),
        ["GET /api/projects/{id:guid}/risks"] = new(Get(s => $"/api/projects/{s.ProjectId}/risks"), Members),
        ["POST /api/projects/{id:guid}/risks"] = new(Change(HttpMethod.Post, s => $"/api/projects/{s.ProjectId}/risks", ProjectState.Active,
                _ => new { description = "Late dates", probability = "low", impact = "high", ownerEmail = Initiator }),
            By(NotFound, Forbidden, Created, Created, Created, Created, Created, Created)),
        ["PUT /api/projects/{id:guid}/risks/{riskId:guid}"] = new(Change(HttpMethod.Put, s => $"/api/projects/{s.ProjectId}/risks/{{made}}", ProjectState.Active,
                _ => new { description = "Capacity", probability = "medium", impact = "high", ownerEmail = SupplyContact },
                (db, s) => db.ProjectRisks.Where(r => r.OwnerEmail == SupplyContact && r.ProjectId == s.ProjectId).Select(r => r.Version).SingleAsync(), SamsRisk),
            By(NotFound, Forbidden, Ok, Ok, Forbidden, Ok, Forbidden, Forbidden)),
        ["POST /api/projects/{id:guid}/risks/{riskId:guid}/review"] = new(Change(HttpMethod.Post, s => $"/api/projects/{s.ProjectId}/risks/{{made}}/review", ProjectState.Active,
                _ => new { note = "Still there" },
                (db, s) => db.ProjectRisks.Where(r => r.OwnerEmail == SupplyContact && r.ProjectId == s.ProjectId).Select(r => r.Version).SingleAsync(), SamsRisk),
            By(NotFound, Forbidden, Ok, Ok, Forbidden, Ok, Forbidden, Forbidden)),
        ["GET /api/projects/{id:guid}/acceptances"] = new(Get(s => $"/api/projects/{s.ProjectId}/acceptances"), Members),
        // The task's owner and its lead department (Supply) submit; the other involved heads concur; the initiating head decides.
        ["POST /api/projects/{id:guid}/tasks/{taskId:guid}/acceptance"] = new(Change(HttpMethod.Post, s => $"/api/projects/{s.ProjectId}/tasks/{s.TaskId}/acceptance", ProjectState.Active,
                _ => new { selfChecks = new[] { new { standard = "Signed off", met = true } } }, null, NoAcceptances),
            By(NotFound, Forbidden, Forbidden, Forbidden, Created, Created, Created, Forbidden)),
        ["POST /api/projects/{id:guid}/acceptances/{acceptanceId:guid}/concur"] = new(Change(HttpMethod.Post, s => $"/api/projects/{s.ProjectId}/acceptances/{{made}}/concur",
                ProjectState.Active, _ => null, FreshVersion, FreshAcceptance),
            By(NotFound, Forbidden, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden)),
        ["POST /api/projects/{id:guid}/acceptances/{acceptanceId:guid}/decide"] = new(Change(HttpMethod.Post, s => $"/api/projects/{s.ProjectId}/acceptances/{{made}}/decide",
                ProjectState.Active, _ => new { outcome = "pass" }, FreshVersion, FreshAcceptance),
            By(NotFound, Forbidden, Forbidden, Ok, Forbidden, Forbidden, Forbidden, Forbidden)),
        ["POST /api/projects/{id:guid}/close"] = new(Change(HttpMethod.Post, s => $"/api/projects/{s.ProjectId}/close", ProjectState.Active,
                _ => new { wentWell = "W", problems = "P" }, null, Settled),
            By(NotFound, Forbidden, Ok, Ok, Forbidden, Forbidden, Forbidden, Forbidden)),
        ["GET /api/projects/{id:guid}/satisfaction"] = new(Get(s => $"/api/projects/{s.ProjectId}/satisfaction"), Members),
        ["PUT /api/projects/{id:guid}/satisfaction/mine"] = new(Change(HttpMethod.Put, s => $"/api/projects/{s.ProjectId}/satisfaction/mine", ProjectState.Closed, _ => new { score = 4 }),
            Members),
        // Anyone in the project may send a table back; what each row may do is decided row by row (ResponsibilitiesReadBackTests).
        ["POST /api/projects/{id:guid}/documents/responsibilities"] = new(async (app, s) =>
        {
            var request = await Change(HttpMethod.Post, x => $"/api/projects/{x.ProjectId}/documents/responsibilities", ProjectState.Active, _ => null)(app, s);
            request.Content = new ByteArrayContent(CollabAddin.Minutes.FormWriter.Write(new("Responsibilities", null, [new("Tasks",
            [
                new CollabAddin.Minutes.FormTable(null, ["Task", "Lead department", "Deliverable", "Acceptance standard", "Deadline", "Owner"],
                    [["Shelf plan", "供应链部 Supply", "Plan", "Signed off", "2027-01-20", TaskOwner]], [2000, 2000, 1500, 1500, 1000, 1000]),
            ])]), chinese: false));
            return request;
        }, Members),
        ["GET /api/projects/{id:guid}/tasks/{taskId:guid}/self-check"] = new(Get(s => $"/api/projects/{s.ProjectId}/tasks/{s.TaskId}/self-check"), Members),
        ["POST /api/projects/{id:guid}/tasks/{taskId:guid}/acceptance/document"] = new(async (app, s) =>
        {
            var request = await Change(HttpMethod.Post, x => $"/api/projects/{x.ProjectId}/tasks/{x.TaskId}/acceptance/document", ProjectState.Active, _ => null, null, NoAcceptances)(app, s);
            request.Content = new ByteArrayContent(CollabAddin.Minutes.FormWriter.Write(new("Self-check", null, [new("Supply plan",
            [
                new CollabAddin.Minutes.FormTable(null, ["Acceptance standard", "Met", "Evidence"], [["Signed off", "yes", ""]], [4000, 2000, 3000]),
            ])]), chinese: false));
            return request;
        }, By(NotFound, Forbidden, Forbidden, Forbidden, Created, Created, Created, Forbidden)),
        ["GET /api/projects/{id:guid}/documents/{form}"] = new(Get(s => $"/api/projects/{s.ProjectId}/documents/archive"), Members),
        ["GET /api/projects/{id:guid}/kickoff"] = new(Change(HttpMethod.Get, s => $"/api/projects/{s.ProjectId}/kickoff", ProjectState.Active, _ => null), By(NotFound, Forbidden, Ok, Ok, Ok, Ok, Forbidden, Forbidden)),
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
