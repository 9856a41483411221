using System.Net;
using System.Net.Http.Json;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CollabAddin.Api.Tests.ActionItems.PatchActionItemTests;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Auth;

/// <summary>Access follows the immutable object id: rows written for an email are bound to the account at its first sign-in.</summary>
public sealed class PersonIdentityTests(PostgresServer postgres)
{
    private static async Task<HttpClient> As(TestApp app, string email, string? objectId = null)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/dev/token", new { email, name = NameOf(email), tenant = Tenant, objectId });
        return app.ClientWithToken((await response.ReadAsync<DevTokenResponse>()).AccessToken);
    }

    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task Rows_written_for_an_email_are_bound_at_first_sign_in_and_then_follow_the_account(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var s = await MeetingWithItemAsync(app);
        var carolsAccount = DevTokenIssuer.ObjectIdFor(Tenant, Owner);

        var carol = await As(app, Owner);
        Assert.Equal(1, (await (await carol.GetAsync("/api/me/action-items")).ReadAsync<ActionItemPage>()).Total);
        var (item, attendee) = await app.WithDbAsync(Tenant, async db => (
            await db.ActionItems.AsNoTracking().SingleAsync(i => i.Id == s.ItemId),
            (await db.Meetings.AsNoTracking().SingleAsync()).Attendees.Single(a => a.Email == Owner)));
        Assert.Equal((carolsAccount, carolsAccount), (item.OwnerObjectId, attendee.ObjectId));
        Assert.Equal(1, item.Version); // binding is not an edit: no new version, no history
        Assert.Single(await app.WithDbAsync(Tenant, db => db.KnownPeople.Where(p => p.ObjectId == carolsAccount).ToListAsync()));

        // Another account that holds the same email (a reused address, or a forged preferred_username) gets nothing of hers.
        var impostor = await As(app, Owner, Guid.NewGuid().ToString());
        Assert.Equal(0, (await (await impostor.GetAsync("/api/me/action-items")).ReadAsync<ActionItemPage>()).Total);
        await (await impostor.GetAsync($"/api/action-items/{s.ItemId}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await impostor.GetAsync($"/api/meetings/{s.MeetingId}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await impostor.SendAsync(Patch(s.ItemId, new { progressNote = "mine now" }, "\"1\""))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await (await impostor.GetAsync("/api/meetings")).ReadAsync<MeetingList>()).Items);

        // Carol renamed: the same account under a new email keeps everything.
        var renamed = await As(app, "carol.zhang@contoso.example", carolsAccount);
        Assert.Equal(1, (await (await renamed.GetAsync("/api/me/action-items")).ReadAsync<ActionItemPage>()).Total);
        // Both addresses' lists changed, in the same transaction as the move: neither can be answered 304 from before.
        Assert.Equal(["carol.zhang@contoso.example", Owner], await app.WithDbAsync(Tenant, db => db.ListVersions.Select(v => v.OwnerEmail).Order().ToListAsync()));
        await (await renamed.SendAsync(Patch(s.ItemId, new { progressNote = "Draft is out" }, "\"1\""))).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Single((await (await renamed.GetAsync("/api/meetings")).ReadAsync<MeetingList>()).Items);
        // Her rows followed her to the new address: mail about them reaches her there.
        var (owner, attendance) = await app.WithDbAsync(Tenant, async db => (
            (await db.ActionItems.AsNoTracking().SingleAsync(i => i.Id == s.ItemId)).OwnerEmail,
            (await db.Meetings.AsNoTracking().SingleAsync()).Attendees.Single(a => a.ObjectId == carolsAccount).Email));
        Assert.Equal(("carol.zhang@contoso.example", "carol.zhang@contoso.example"), (owner, attendance));
        // The impostor holding her old address still gets nothing.
        Assert.Equal(0, (await (await impostor.GetAsync("/api/me/action-items")).ReadAsync<ActionItemPage>()).Total);
    }

    [Fact]
    public async Task A_meeting_planned_for_people_who_signed_in_before_is_bound_to_their_accounts_at_once()
    {
        await using var app = await TestApp.StartAsync();
        await (await (await As(app, Owner)).GetAsync("/api/me/action-items")).ShouldBeAsync(HttpStatusCode.OK); // Carol has signed in once
        var (_, meeting) = await Meetings.MeetingsApiTests.CreateAsync(app);

        var attendees = await app.WithDbAsync(Tenant, async db => (await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting!.Id)).Attendees);
        Assert.Equal(DevTokenIssuer.ObjectIdFor(Tenant, Owner), attendees.Single(a => a.Email == Owner).ObjectId);
        Assert.Equal(DevTokenIssuer.ObjectIdFor(Tenant, Organizer), attendees.Single(a => a.Email == Organizer).ObjectId); // the organizer herself
        Assert.Null(attendees.Single(a => a.Email == Attendee).ObjectId); // Dave has never signed in: bound at his first sign-in
        await (await (await As(app, Owner, Guid.NewGuid().ToString())).GetAsync($"/api/meetings/{meeting!.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
    }
}
