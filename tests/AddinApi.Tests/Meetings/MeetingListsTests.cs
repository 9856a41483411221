using System.Net;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Decisions;
using CollabAddin.Api.Tests.Infrastructure;
using static CollabAddin.Api.Tests.ActionItems.PatchActionItemTests;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Meetings;

public sealed class MeetingListsTests
{
    [Fact]
    public async Task Attendees_see_every_item_of_their_meeting_including_cancelled_ones_in_due_order()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        await app.WithDbAsync(Tenant, async db =>
        {
            db.ActionItems.AddRange(
                NewItem(s.MeetingId, Attendee, new DateOnly(2026, 11, 18), title: "dave's, overdue"),
                NewItem(s.MeetingId, NoteTaker, null, status: ActionItemStatus.Cancelled, title: "dropped"));
            await db.SaveChangesAsync();
        });

        var items = await (await (await app.ClientForAsync(Attendee)).GetAsync($"/api/meetings/{s.MeetingId}/action-items")).ReadAsync<List<ActionItemResponse>>();

        Assert.Equal(["dave's, overdue", "Draft the launch campaign", "dropped"], items.Select(i => i.Title));
        Assert.Equal([true, false, false], items.Select(i => i.IsOverdue));
    }

    [Fact]
    public async Task The_decision_register_lists_the_meetings_decisions()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        var decisions = await (await (await app.ClientForAsync(NoteTaker)).GetAsync($"/api/meetings/{s.MeetingId}/decisions")).ReadAsync<List<DecisionResponse>>();
        Assert.Equal(["Launch on 1 Dec"], decisions.Select(d => d.Text));
        Assert.Equal(DecisionStatus.Agreed, decisions[0].Status);
    }

    [Fact]
    public async Task An_owner_assigned_from_outside_the_meeting_sees_and_updates_their_item_but_not_the_meeting()
    {
        await using var app = await TestApp.StartAsync();
        var s = await MeetingWithItemAsync(app);
        var item = NewItem(s.MeetingId, Outsider, new DateOnly(2026, 12, 5), title: "erin's");
        await app.WithDbAsync(Tenant, async db => { db.ActionItems.Add(item); await db.SaveChangesAsync(); });
        var erin = await app.ClientForAsync(Outsider);

        await (await erin.GetAsync($"/api/action-items/{item.Id}")).ShouldBeAsync(HttpStatusCode.OK);
        await (await erin.SendAsync(Patch(item.Id, new { status = "inProgress" }, "\"1\""))).ShouldBeAsync(HttpStatusCode.OK);
        await (await erin.GetAsync($"/api/meetings/{s.MeetingId}/action-items")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await erin.GetAsync($"/api/action-items/{s.ItemId}")).ProblemAsync(HttpStatusCode.Forbidden);
    }
}
