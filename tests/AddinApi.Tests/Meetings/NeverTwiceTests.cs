using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.Data;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Meetings;

/// <summary>One plan is one meeting and one invite, however often it is sent; an unchanged plan mails nobody.</summary>
public sealed class NeverTwiceTests(PostgresServer postgres)
{
    private static HttpRequestMessage Create(MeetingPlan plan, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/meetings") { Content = JsonContent.Create(plan) };
        if (key is not null) request.Headers.Add(MeetingCreation.KeyHeader, key);
        return request;
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task The_same_idempotency_key_returns_the_first_meeting_and_sends_no_second_invite(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var alice = await app.ClientForAsync(Organizer);
        var key = Guid.NewGuid().ToString();

        var first = await (await alice.SendAsync(Create(ValidPlan(), key))).ReadAsync<MeetingResponse>(HttpStatusCode.Created);
        var again = await alice.SendAsync(Create(ValidPlan("Changed my mind"), key)); // a double click, or a retry after a lost answer
        var replayed = await again.ReadAsync<MeetingResponse>(HttpStatusCode.Created);

        Assert.Equal(first.Id, replayed.Id);
        Assert.Equal("Q3 launch plan", replayed.Subject); // the first meeting, as stored
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await app.WithDbAsync(Tenant, db => db.Meetings.CountAsync()));
        Assert.Single(app.Graph.State.EventsOf(Organizer));

        // The key is the organizer's: someone else's identical key is their own meeting; no key, a new meeting each time.
        await (await (await app.ClientForAsync(Owner)).SendAsync(Create(ValidPlan(), key))).ShouldBeAsync(HttpStatusCode.Created);
        await (await alice.SendAsync(Create(ValidPlan(), null))).ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal(3, await app.WithDbAsync(Tenant, db => db.Meetings.CountAsync()));
    }

    [Fact]
    public async Task Racing_requests_with_one_key_make_one_meeting()
    {
        await using var app = await TestApp.StartAsync();
        var alice = await app.ClientForAsync(Organizer);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => alice.SendAsync(Create(ValidPlan(), key))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(r => r.ReadAsync<MeetingResponse>(HttpStatusCode.Created)));
        Assert.Single(ids.Select(m => m.Id).Distinct());
        Assert.Equal(1, await app.WithDbAsync(Tenant, db => db.Meetings.CountAsync()));
        Assert.Single(app.Graph.State.EventsOf(Organizer));
    }

    [Theory]
    [InlineData(" "), InlineData("key with spaces"), InlineData("钥匙")]
    public async Task A_key_that_is_not_visible_ascii_or_too_long_is_refused(string key)
    {
        await using var app = await TestApp.StartAsync();
        var request = Create(ValidPlan(), null);
        request.Headers.TryAddWithoutValidation(MeetingCreation.KeyHeader, key);
        var problem = await (await (await app.ClientForAsync(Organizer)).SendAsync(request)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(MeetingCreation.KeyHeader));
        Assert.Equal(0, await app.WithDbAsync(Tenant, db => db.Meetings.CountAsync()));
    }

    [Fact]
    public async Task Saving_an_unchanged_plan_changes_nothing_and_mails_nobody()
    {
        await using var app = await TestApp.StartAsync();
        var (_, meeting) = await MeetingsApiTests.CreateAsync(app);
        var alice = await app.ClientForAsync(Organizer);
        var plan = ValidPlan() with { Agenda = [.. ValidPlan().Agenda!.Select((a, i) => a with { Id = meeting!.Agenda[i].Id })] };

        var unchanged = await alice.SendAsync(MeetingsApiTests.Put(meeting!.Id, plan, meeting.Version));
        var same = await unchanged.ReadAsync<MeetingResponse>();
        Assert.Equal(meeting.Version, same.Version);
        Assert.Equal($"\"{meeting.Version}\"", unchanged.Headers.ETag?.Tag);
        Assert.Equal(0, app.Graph.State.RequestCount("PATCH", "/events/"));

        var changed = await (await alice.SendAsync(MeetingsApiTests.Put(meeting.Id, plan with { Location = "Room 6.02" }, meeting.Version))).ReadAsync<MeetingResponse>();
        Assert.Equal(meeting.Version + 1, changed.Version);
        Assert.Equal(1, app.Graph.State.RequestCount("PATCH", "/events/"));
    }
}
