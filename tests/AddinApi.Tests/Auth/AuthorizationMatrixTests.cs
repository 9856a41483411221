using System.Net;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Auth;

/// <summary>
/// Every endpoint × every kind of caller. The endpoint list comes from the running app, so an endpoint
/// added without a row here fails <see cref="Every_endpoint_has_a_rule"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(PostgresServer postgres)
{
    /// <remarks>
    /// SameEmailOtherAccount holds the owner's email under another object id (a new account given a reused address, or a
    /// forged preferred_username): it gets what an outsider gets. RenamedOwner is the owner's account after its email
    /// changed: it keeps the owner's access. Access follows the oid, not the email (Auth/PersonMatch).
    /// </remarks>
    public enum Caller { Anonymous, Expired, WrongAudience, ForeignKey, MissingScope, OtherTenant, Outsider, Attendee, Owner, Organizer, NoteTaker, SameEmailOtherAccount, RenamedOwner }

    private sealed record Rule(Func<TestApp, Scenario, Task<HttpRequestMessage>> Request, Dictionary<Caller, HttpStatusCode> Expect);

    private const HttpStatusCode Ok = HttpStatusCode.OK, Created = HttpStatusCode.Created, Unauthorized = HttpStatusCode.Unauthorized,
        Forbidden = HttpStatusCode.Forbidden, NotFound = HttpStatusCode.NotFound;

    /// <summary>Rejected by the token pipeline itself, the same for every protected endpoint.</summary>
    private static Dictionary<Caller, HttpStatusCode> Protected(HttpStatusCode otherTenant, HttpStatusCode outsider, HttpStatusCode attendee,
        HttpStatusCode owner, HttpStatusCode organizer, HttpStatusCode noteTaker) => new()
        {
            [Caller.Anonymous] = Unauthorized, [Caller.Expired] = Unauthorized, [Caller.WrongAudience] = Unauthorized,
            [Caller.ForeignKey] = Unauthorized, [Caller.MissingScope] = Forbidden,
            [Caller.OtherTenant] = otherTenant, [Caller.Outsider] = outsider, [Caller.Attendee] = attendee,
            [Caller.Owner] = owner, [Caller.Organizer] = organizer, [Caller.NoteTaker] = noteTaker,
            [Caller.SameEmailOtherAccount] = outsider, [Caller.RenamedOwner] = owner,
        };

    private static Dictionary<Caller, HttpStatusCode> Everyone(HttpStatusCode status) => Enum.GetValues<Caller>().ToDictionary(c => c, _ => status);

    private static Func<TestApp, Scenario, Task<HttpRequestMessage>> Get(Func<Scenario, string> path) =>
        (_, s) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, path(s)));

    private static Func<TestApp, Scenario, Task<HttpRequestMessage>> Post(Func<Scenario, string> path, object body) =>
        (_, s) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, path(s)) { Content = System.Net.Http.Json.JsonContent.Create(body) });

    private static readonly Dictionary<string, Rule> Rules = new()
    {
        ["GET /api/me/action-items"] = new(Get(_ => "/api/me/action-items"), Protected(Ok, Ok, Ok, Ok, Ok, Ok)),
        ["GET /api/action-items/{id:guid}"] = new(Get(s => $"/api/action-items/{s.ItemId}"), Protected(NotFound, Forbidden, Ok, Ok, Ok, Ok)),
        ["GET /api/action-items/{id:guid}/history"] = new(Get(s => $"/api/action-items/{s.ItemId}/history"), Protected(NotFound, Forbidden, Ok, Ok, Ok, Ok)),
        ["PATCH /api/action-items/{id:guid}"] = new(async (app, s) =>
        {
            var version = await app.WithDbAsync(Tenant, db => db.ActionItems.Where(i => i.Id == s.ItemId).Select(i => i.Version).SingleAsync());
            return ActionItems.PatchActionItemTests.Patch(s.ItemId, new { progressNote = Guid.NewGuid().ToString() }, $"\"{version}\"");
        }, Protected(NotFound, Forbidden, Forbidden, Ok, Ok, Ok)),
        ["POST /api/meetings/validate"] = new(Post(_ => "/api/meetings/validate", ValidPlan()), Protected(Ok, Ok, Ok, Ok, Ok, Ok)),
        // Anyone signed in may plan a meeting: they become its organizer.
        ["POST /api/meetings"] = new(Post(_ => "/api/meetings", ValidPlan()), Protected(Created, Created, Created, Created, Created, Created)),
        ["GET /api/people"] = new(Get(_ => "/api/people?search=al"), Protected(Ok, Ok, Ok, Ok, Ok, Ok)),
        ["GET /api/reports/progress"] = new(Get(_ => "/api/reports/progress"), Protected(Ok, Ok, Ok, Ok, Ok, Ok)),
        ["GET /api/reports/metrics"] = new(Get(_ => "/api/reports/metrics"), Protected(Ok, Ok, Ok, Ok, Ok, Ok)),
        // Departments are tenant admins' business: nobody in the matrix holds the admin role (DepartmentsTests covers admins).
        ["GET /api/templates"] = new(Get(_ => "/api/templates"), Protected(Ok, Ok, Ok, Ok, Ok, Ok)),
        // Tenant templates are tenant admins' business (TemplatesTests covers admins).
        ["POST /api/templates"] = new(Post(_ => "/api/templates", new { name = "X" }), Protected(Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden)),
        ["PUT /api/templates/{id:guid}"] = new((_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Put, $"/api/templates/{Guid.NewGuid()}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { name = "X" }),
        }), Protected(Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden)),
        ["DELETE /api/templates/{id:guid}"] = new((_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Delete, $"/api/templates/{Guid.NewGuid()}")),
            Protected(Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden)),
        ["GET /api/departments"] = new(Get(_ => "/api/departments"), Protected(Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden)),
        ["POST /api/departments"] = new(Post(_ => "/api/departments", new { name = "Legal" }), Protected(Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden)),
        ["PUT /api/departments/{id:guid}"] = new((_, s) => Task.FromResult(new HttpRequestMessage(HttpMethod.Put, $"/api/departments/{s.LeadDepartmentId}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { name = "Marketing" }),
        }), Protected(Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden)),
        ["GET /api/meetings"] = new(Get(_ => "/api/meetings"), Protected(Ok, Ok, Ok, Ok, Ok, Ok)),
        ["GET /api/meetings/lookup"] = new(Get(_ => $"/api/meetings/lookup?iCalUId=ical-{Tenant}"), Protected(NotFound, Forbidden, Ok, Ok, Ok, Ok)),
        ["GET /api/meetings/{id:guid}"] = new(Get(s => $"/api/meetings/{s.MeetingId}"), Protected(NotFound, Forbidden, Ok, Ok, Ok, Ok)),
        ["PUT /api/meetings/{id:guid}"] = new(async (app, s) =>
        {
            var meeting = await app.WithDbAsync(Tenant, db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == s.MeetingId));
            // As the organizer's pane does: the plan as it stands, with Carol under her current address (the renamed
            // owner's sign-in moved her rows to it), so the edit keeps her attendance bound to her account.
            var carolNow = meeting.Attendees.Single(a => a.ObjectId == DevTokenIssuer.ObjectIdFor(Tenant, Owner)).Email;
            var plan = System.Text.Json.JsonSerializer.Serialize(ValidPlan()).Replace(Owner, carolNow);
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{s.MeetingId}") { Content = new StringContent(plan, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{meeting.Version}\"");
            return request;
        }, Protected(NotFound, Forbidden, Forbidden, Forbidden, Ok, Forbidden)),
        // Each cancel gets a meeting of its own, so one caller's cancel does not change what the next one finds.
        ["POST /api/meetings/{id:guid}/cancel"] = new(async (app, _) =>
        {
            var meeting = NewMeeting();
            await app.WithDbAsync(Tenant, async db => { db.Meetings.Add(meeting); await db.SaveChangesAsync(); });
            return new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{meeting.Id}/cancel") { Content = System.Net.Http.Json.JsonContent.Create(new { message = "Postponed" }) };
        }, Protected(NotFound, Forbidden, Forbidden, Forbidden, Ok, Forbidden)),
        ["POST /api/meetings/find-times"] = new(Post(_ => "/api/meetings/find-times", new
        {
            attendees = new[] { new { email = Owner } }, durationMinutes = 30, from = "2026-12-01T09:00", to = "2026-12-02T18:00", timeZone = Zone,
        }), Protected(Ok, Ok, Ok, Ok, Ok, Ok)),
        ["GET /api/meetings/{id:guid}/minutes/template"] = new(Get(s => $"/api/meetings/{s.MeetingId}/minutes/template"), Protected(NotFound, Forbidden, Forbidden, Forbidden, Ok, Ok)),
        ["POST /api/meetings/{id:guid}/minutes"] = new(async (app, s) =>
        {
            var meeting = await app.WithDbAsync(Tenant, db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == s.MeetingId));
            var docx = CollabAddin.Minutes.MinutesWriter.Write(Api.Minutes.MinutesMapping.ToMinutes(meeting, [], []), chinese: false);
            var content = new ByteArrayContent(docx);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Api.Minutes.MinutesApi.DocxType);
            return new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{s.MeetingId}/minutes") { Content = content };
        }, Protected(NotFound, Forbidden, Forbidden, Forbidden, Ok, Ok)),
        ["POST /api/meetings/{id:guid}/minutes/mail"] = new(async (app, s) =>
        {
            await app.WithDbAsync(Tenant, async db =>
            {
                // Never mailed yet for each caller: the resend rule (FloodAndRangeTests) is not what this row is about.
                db.MinutesPublications.RemoveRange(db.MinutesPublications.Where(p => p.MeetingId == s.MeetingId));
                db.MinutesPublications.Add(new Api.Minutes.MinutesPublication { TenantId = Tenant, MeetingId = s.MeetingId, ByEmail = NoteTaker, Sha256 = "x", Document = [1, 2, 3] });
                await db.SaveChangesAsync();
            });
            return new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{s.MeetingId}/minutes/mail");
        }, Protected(NotFound, Forbidden, Forbidden, Forbidden, Ok, Ok)),
        ["GET /api/meetings/{id:guid}/minutes/publications"] = new(Get(s => $"/api/meetings/{s.MeetingId}/minutes/publications"), Protected(NotFound, Forbidden, Ok, Ok, Ok, Ok)),
        // The host approves (the scenario's organizer hosts); the note-taker who published does not.
        ["POST /api/meetings/{id:guid}/minutes/approve"] = new(async (app, s) =>
        {
            var publication = new Api.Minutes.MinutesPublication { TenantId = Tenant, MeetingId = s.MeetingId, ByEmail = NoteTaker, Sha256 = "y", Document = [1], PublishedAt = DateTime.UtcNow };
            await app.WithDbAsync(Tenant, async db => { db.MinutesPublications.Add(publication); await db.SaveChangesAsync(); });
            return new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{s.MeetingId}/minutes/approve") { Content = System.Net.Http.Json.JsonContent.Create(new { publicationId = publication.Id }) };
        }, Protected(NotFound, Forbidden, Forbidden, Forbidden, Ok, Forbidden)),
        // The organizer, the note-taker, the host and the timekeeper capture; other attendees do not.
        ["POST /api/meetings/{id:guid}/capture/decisions"] = new(Post(s => $"/api/meetings/{s.MeetingId}/capture/decisions", new { text = "Captured live" }),
            Protected(NotFound, Forbidden, Forbidden, Forbidden, Created, Created)),
        ["POST /api/meetings/{id:guid}/capture/action-items"] = new(Post(s => $"/api/meetings/{s.MeetingId}/capture/action-items", new { title = "Captured live", owner = Attendee, dueDate = "2026-12-04" }),
            Protected(NotFound, Forbidden, Forbidden, Forbidden, Created, Created)),
        ["POST /api/meetings/{id:guid}/agenda/publish"] = new((_, s) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{s.MeetingId}/agenda/publish")),
            Protected(NotFound, Forbidden, Forbidden, Forbidden, Ok, Forbidden)),
        // A series of its own per request (two weekly meetings from 1 December): seen by its people, changed by its organizer.
        ["GET /api/series/{id:guid}"] = new(async (app, _) => new HttpRequestMessage(HttpMethod.Get, $"/api/series/{(await NewSeriesAsync(app)).Series}"),
            Protected(NotFound, Forbidden, Ok, Ok, Ok, Ok)),
        ["PUT /api/series/{id:guid}"] = new(async (app, _) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/series/{(await NewSeriesAsync(app)).Series}") { Content = System.Net.Http.Json.JsonContent.Create(ValidPlan()) };
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            return request;
        }, Protected(NotFound, Forbidden, Forbidden, Forbidden, Ok, Forbidden)),
        ["POST /api/series/{id:guid}/cancel"] = new(async (app, _) => new HttpRequestMessage(HttpMethod.Post, $"/api/series/{(await NewSeriesAsync(app)).Series}/cancel"),
            Protected(NotFound, Forbidden, Forbidden, Forbidden, Ok, Forbidden)),
        ["POST /api/meetings/{id:guid}/agenda/{itemId:guid}/park"] = new(async (app, _) =>
        {
            var (_, first) = await NewSeriesAsync(app);
            var item = await app.WithDbAsync(Tenant, db => db.Meetings.AsNoTracking().Where(m => m.Id == first).Select(m => m.Agenda.First().Id).SingleAsync());
            return new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{first}/agenda/{item}/park") { Content = System.Net.Http.Json.JsonContent.Create(new { }) };
        }, Protected(NotFound, Forbidden, Forbidden, Forbidden, Ok, Forbidden)),
        // Attendees propose topics (not the organizer, who edits the agenda); the organizer decides.
        ["POST /api/meetings/{id:guid}/topics"] = new(async (app, s) =>
        {
            var coming = new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc); // topics are for a meeting still to come
            await app.WithDbAsync(Tenant, db => db.Meetings.Where(m => m.Id == s.MeetingId)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.StartUtc, coming).SetProperty(m => m.EndUtc, coming.AddHours(1))));
            return new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{s.MeetingId}/topics")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { topic = "T", why = "W", minutes = 5, expectedOutput = "O" }),
            };
        }, Protected(NotFound, Forbidden, Created, Created, Forbidden, Created)),
        ["GET /api/meetings/{id:guid}/topics"] = new(Get(s => $"/api/meetings/{s.MeetingId}/topics"), Protected(NotFound, Forbidden, Ok, Ok, Ok, Ok)),
        ["POST /api/meetings/{id:guid}/topics/{topicId:guid}/accept"] = new((_, s) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{s.MeetingId}/topics/{Guid.NewGuid()}/accept")),
            Protected(NotFound, Forbidden, Forbidden, Forbidden, NotFound, Forbidden)),
        ["POST /api/meetings/{id:guid}/topics/{topicId:guid}/decline"] = new(Post(s => $"/api/meetings/{s.MeetingId}/topics/{Guid.NewGuid()}/decline", new { reason = "R" }),
            Protected(NotFound, Forbidden, Forbidden, Forbidden, NotFound, Forbidden)),
        ["GET /api/meetings/{id:guid}/clock"] = new(Get(s => $"/api/meetings/{s.MeetingId}/clock"), Protected(NotFound, Forbidden, Ok, Ok, Ok, Ok)),
        // The host (the scenario's organizer) and the timekeeper move the clock — Bob, the note-taker, keeps time in the plan
        // the PUT rule above saved — other attendees do not. Each caller finds it stopped (or on item 1), so each move is allowed.
        ["POST /api/meetings/{id:guid}/clock/next"] = new(async (app, s) =>
        {
            await WithAgendaAsync(app, s.MeetingId);
            await app.WithDbAsync(Tenant, db => db.Meetings.Where(m => m.Id == s.MeetingId).ExecuteUpdateAsync(u => u.SetProperty(m => m.ClockPosition, (int?)null)));
            return new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{s.MeetingId}/clock/next") { Content = System.Net.Http.Json.JsonContent.Create(new { from = (int?)null }) };
        }, Protected(NotFound, Forbidden, Forbidden, Forbidden, Ok, Ok)),
        ["POST /api/meetings/{id:guid}/clock/stop"] = new(async (app, s) =>
        {
            await WithAgendaAsync(app, s.MeetingId);
            await app.WithDbAsync(Tenant, db => db.Meetings.Where(m => m.Id == s.MeetingId)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClockPosition, (int?)0).SetProperty(m => m.ClockItemStartedAt, (DateTime?)DateTime.UtcNow)));
            return new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{s.MeetingId}/clock/stop") { Content = System.Net.Http.Json.JsonContent.Create(new { from = 0 }) };
        }, Protected(NotFound, Forbidden, Forbidden, Forbidden, Ok, Ok)),
        ["GET /api/meetings/{id:guid}/responses"] = new(Get(s => $"/api/meetings/{s.MeetingId}/responses"), Protected(NotFound, Forbidden, Forbidden, Forbidden, Ok, Ok)),
        ["GET /api/meetings/{id:guid}/action-items"] = new(Get(s => $"/api/meetings/{s.MeetingId}/action-items"), Protected(NotFound, Forbidden, Ok, Ok, Ok, Ok)),
        ["GET /api/decisions"] = new(Get(_ => "/api/decisions?q=launch"), Protected(Ok, Ok, Ok, Ok, Ok, Ok)),
        ["GET /api/decisions/{id:guid}"] = new(Get(s => $"/api/decisions/{s.DecisionId}"), Protected(NotFound, Forbidden, Ok, Ok, Ok, Ok)),
        // The meeting's runners and the decision's owner keep the register; other attendees read it.
        ["PATCH /api/decisions/{id:guid}"] = new(async (app, s) =>
        {
            var version = await app.WithDbAsync(Tenant, db => db.Decisions.Where(d => d.Id == s.DecisionId).Select(d => d.Version).SingleAsync());
            var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/decisions/{s.DecisionId}")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { dueDate = new DateOnly(2026, 12, 1).AddDays(version % 20) }),
            };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
            return request;
        }, Protected(NotFound, Forbidden, Forbidden, Ok, Ok, Ok)),
        // Attendees rate (the organizer does not rate their own meeting); only the organizer reads the answers.
        ["PUT /api/meetings/{id:guid}/feedback/mine"] = new(async (app, s) =>
        {
            // Held already (the PUT rule above may have moved it to the plan's future date): it can be rated.
            var held = new DateTime(2026, 11, 16, 2, 0, 0, DateTimeKind.Utc);
            await app.WithDbAsync(Tenant, db => db.Meetings.Where(m => m.Id == s.MeetingId)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.StartUtc, held).SetProperty(m => m.EndUtc, held.AddHours(1))));
            return new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{s.MeetingId}/feedback/mine")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { goalReached = 4, agendaKept = 3, timeWellUsed = 5 }),
            };
        }, Protected(NotFound, Forbidden, Ok, Ok, Forbidden, Ok)),
        ["GET /api/meetings/{id:guid}/feedback/mine"] = new(async (app, s) =>
        {
            await app.WithDbAsync(Tenant, async db => // everyone has answered, so each caller's own answer is there to read
            {
                foreach (var email in new[] { Attendee, Owner, NoteTaker, Organizer })
                {
                    var oid = DevTokenIssuer.ObjectIdFor(Tenant, email);
                    if (!await db.Feedback.AnyAsync(f => f.MeetingId == s.MeetingId && f.RaterObjectId == oid))
                        db.Feedback.Add(new Api.Feedback.MeetingFeedback { TenantId = Tenant, MeetingId = s.MeetingId, RaterObjectId = oid, GoalReached = 3, AgendaKept = 3, TimeWellUsed = 3 });
                }
                await db.SaveChangesAsync();
            });
            return new HttpRequestMessage(HttpMethod.Get, $"/api/meetings/{s.MeetingId}/feedback/mine");
        }, Protected(NotFound, Forbidden, Ok, Ok, Ok, Ok)),
        ["GET /api/meetings/{id:guid}/feedback"] = new(Get(s => $"/api/meetings/{s.MeetingId}/feedback"), Protected(NotFound, Forbidden, Forbidden, Forbidden, Ok, Forbidden)),
        ["GET /api/reports/feedback"] = new(Get(_ => "/api/reports/feedback"), Protected(Ok, Ok, Ok, Ok, Ok, Ok)),
        ["GET /api/meetings/{id:guid}/decisions"] = new(Get(s => $"/api/meetings/{s.MeetingId}/decisions"), Protected(NotFound, Forbidden, Ok, Ok, Ok, Ok)),
        // Public by design: liveness, the API description, and the development sign-in itself.
        ["* /healthz"] = new(Get(_ => "/healthz"), Everyone(Ok)),
        ["* /healthz/live"] = new(Get(_ => "/healthz/live"), Everyone(Ok)),
        ["* /healthz/ready"] = new(Get(_ => "/healthz/ready"), Everyone(Ok)),
        ["GET /openapi/{documentName}.json"] = new(Get(_ => "/openapi/v1.json"), Everyone(Ok)),
        ["GET /auth/config"] = new(Get(_ => "/auth/config"), Everyone(Ok)),
        // Development only (HostingTests: absent in Production): the API reference page and its own files.
        ["GET /scalar/{documentName?}"] = new(Get(_ => "/scalar/v1"), Everyone(Ok)),
        ["GET /scalar/scalar.js"] = new(Get(_ => "/scalar/scalar.js"), Everyone(Ok)),
        ["GET /scalar/scalar.aspnetcore.js"] = new(Get(_ => "/scalar/scalar.aspnetcore.js"), Everyone(Ok)),
        ["GET /scalar/favicon.svg"] = new(Get(_ => "/scalar/favicon.svg"), Everyone(Ok)),
        ["POST /dev/token"] = new((_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/dev/token")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email = Owner, tenant = Tenant }),
        }), Everyone(Ok)),
    };

    /// <summary>The scenario's meeting with at least one agenda item, so its clock can run.</summary>
    private static Task WithAgendaAsync(TestApp app, Guid meetingId) => app.WithDbAsync(Tenant, async db =>
    {
        var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId);
        if (meeting.Agenda.Count > 0) return;
        meeting.Agenda.Add(new Api.Meetings.AgendaItem { Topic = "Launch date", Discussion = "Confirm it", OwnerEmail = Organizer, PlannedMinutes = 20, ExpectedOutput = "A date" });
        await db.SaveChangesAsync();
    });

    private static IEnumerable<string> EndpointsOf(TestApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} /{e.RoutePattern.RawText!.Trim('/')}"));

    [Fact]
    public async Task Every_endpoint_has_a_rule()
    {
        await using var app = await TestApp.StartAsync();
        var ruled = Rules.Keys.Concat(Projects.ProjectAuthorizationMatrixTests.Expected.Keys).ToList(); // project roles have their own matrix
        var missing = EndpointsOf(app).Where(e => !ruled.Contains(e)).ToList();
        Assert.True(missing.Count == 0, "Endpoints without an authorization rule: " + string.Join(", ", missing));
        var stale = ruled.Except(EndpointsOf(app)).ToList();
        Assert.True(stale.Count == 0, "Rules for endpoints that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task The_openapi_document_describes_every_answer_the_rules_expect()
    {
        await using var app = await TestApp.StartAsync();
        using var document = System.Text.Json.JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var gaps = new List<string>();
        // The API and sign-in; health probes, the document itself and its reference page are not part of what it describes.
        var expected = Rules.Select(r => (r.Key, Statuses: (IEnumerable<HttpStatusCode>)r.Value.Expect.Values))
            .Concat(Projects.ProjectAuthorizationMatrixTests.Expected.Select(r => (r.Key, Statuses: (IEnumerable<HttpStatusCode>)r.Value)));
        foreach (var (endpoint, statuses) in expected.Where(r => r.Key.Contains(" /api/", StringComparison.Ordinal) || r.Key.Contains(" /auth/", StringComparison.Ordinal)
            || r.Key.Contains(" /dev/", StringComparison.Ordinal)))
        {
            var method = endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)].ToLowerInvariant();
            var route = System.Text.RegularExpressions.Regex.Replace(endpoint[(endpoint.IndexOf(' ', StringComparison.Ordinal) + 1)..], @":[a-z]+\}", "}");
            if (!paths.TryGetProperty(route, out var path) || !path.TryGetProperty(method, out var operation))
            {
                gaps.Add($"{endpoint}: not in the document as {method} {route}");
                continue;
            }
            var responses = operation.GetProperty("responses");
            foreach (var status in statuses.Distinct().Select(s => (int)s))
            {
                if (!responses.TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response))
                    gaps.Add($"{endpoint}: {status} not described");
                else if (!response.TryGetProperty("content", out var content))
                    gaps.Add($"{endpoint}: {status} described without a body");
                else if (status >= 400 && !content.TryGetProperty("application/problem+json", out _))
                    gaps.Add($"{endpoint}: {status} not described as problem details");
            }
        }
        Assert.True(gaps.Count == 0, string.Join(Environment.NewLine, gaps));
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Every_caller_gets_exactly_the_access_the_rules_give(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var s = await MeetingWithItemAsync(app);
        await MeetingWithItemAsync(app, tenant: OtherTenant); // the other tenant has data of its own
        var clients = new Dictionary<Caller, HttpClient>();
        foreach (var caller in Enum.GetValues<Caller>())
            clients[caller] = app.ClientWithToken(await TokenFor(app, caller));
        // The people of the meeting sign in first, which binds the rows written for their emails to their accounts.
        foreach (var caller in new[] { Caller.Attendee, Caller.Owner, Caller.Organizer, Caller.NoteTaker })
            await (await clients[caller].GetAsync("/api/me/action-items")).ShouldBeAsync(Ok);

        var mismatches = new List<string>();
        foreach (var (endpoint, rule) in Rules)
            foreach (var (caller, expected) in rule.Expect)
            {
                var response = await clients[caller].SendAsync(await rule.Request(app, s));
                if (response.StatusCode != expected)
                    mismatches.Add($"{endpoint} as {caller}: expected {(int)expected}, got {(int)response.StatusCode}");
                else if ((int)expected >= 400)
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    /// <summary>A series of two weekly meetings (1 and 8 December, 10:00 Shanghai) organized by Alice, not yet sent to Outlook.</summary>
    private static async Task<(Guid Series, Guid First)> NewSeriesAsync(TestApp app)
    {
        var series = new Api.Series.MeetingSeries
        {
            TenantId = Tenant, OrganizerEmail = Organizer, OrganizerObjectId = DevTokenIssuer.ObjectIdFor(Tenant, Organizer), Subject = "Weekly sync", TimeZone = Zone,
            LocalStart = new TimeOnly(10, 0), LengthMinutes = 60, FirstDate = new DateOnly(2026, 12, 1), Version = 1,
            Recurrence = new Api.Series.Recurrence { Kind = Api.Series.RecurrenceKind.Weekly, DaysOfWeek = "tuesday", Count = 2 },
        };
        var occurrences = new[] { new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 8, 2, 0, 0, DateTimeKind.Utc) }.Select(start =>
        {
            var m = NewMeeting();
            (m.StartUtc, m.EndUtc, m.OccurrenceStartUtc, m.SeriesId, m.Invite.State) = (start, start.AddHours(1), start, series.Id, InviteState.AwaitingSeries);
            m.OrganizerObjectId = series.OrganizerObjectId;
            foreach (var a in m.Attendees) a.ObjectId = DevTokenIssuer.ObjectIdFor(Tenant, a.Email); // everyone has signed in
            m.Agenda.Add(new AgendaItem { Topic = "Progress", Discussion = "Round", OwnerEmail = Organizer, PlannedMinutes = 20, ExpectedOutput = "Risks known" });
            return m;
        }).ToList();
        await app.WithDbAsync(Tenant, async db => { db.Series.Add(series); db.Meetings.AddRange(occurrences); await db.SaveChangesAsync(); });
        return (series.Id, occurrences[0].Id);
    }

    private static async Task<string?> TokenFor(TestApp app, Caller caller)
    {
        var issuer = app.Issuer;
        return caller switch
        {
            Caller.Anonymous => null,
            Caller.Expired => issuer.Mint(Owner, "Carol", Tenant, lifetime: TimeSpan.FromHours(1), issuedAt: DateTime.UtcNow.AddHours(-3)),
            Caller.WrongAudience => issuer.Mint(Owner, "Carol", Tenant, audience: "api://some-other-api"),
            Caller.ForeignKey => new DevTokenIssuer(issuer.Audience, TimeProvider.System).Mint(Owner, "Carol", Tenant),
            Caller.MissingScope => issuer.Mint(Owner, "Carol", Tenant, scopes: "User.Read"),
            Caller.OtherTenant => issuer.Mint(Owner, "Carol", OtherTenant),
            Caller.Outsider => await TokenVia(app, Outsider),
            Caller.Attendee => await TokenVia(app, Attendee),
            Caller.Owner => await TokenVia(app, Owner),
            Caller.Organizer => await TokenVia(app, Organizer),
            Caller.NoteTaker => await TokenVia(app, NoteTaker),
            Caller.SameEmailOtherAccount => issuer.Mint(Owner, "Carol Zhang", Tenant, objectId: Guid.NewGuid().ToString()),
            Caller.RenamedOwner => issuer.Mint("carol.zhang@contoso.example", "Carol Zhang", Tenant, objectId: DevTokenIssuer.ObjectIdFor(Tenant, Owner)),
            _ => throw new ArgumentOutOfRangeException(nameof(caller)),
        };
    }

    private static async Task<string> TokenVia(TestApp app, string email) =>
        (await app.ClientForAsync(email)).DefaultRequestHeaders.Authorization!.Parameter!;
}
