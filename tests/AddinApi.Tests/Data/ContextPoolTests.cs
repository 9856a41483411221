using System.Net.Http.Json;
using System.Text.Json;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Data;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Data;

/// <summary>
/// Contexts are pooled (StoreSetup): one instance serves many scopes, one after another. What one scope did to it — its
/// tenant, its clock, the origin of its changes, what it tracked — must not be seen by the next.
/// </summary>
public sealed class ContextPoolTests(PostgresServer postgres)
{
    [Theory, MemberData(nameof(Providers), MemberType = typeof(TestData))]
    public async Task A_context_back_from_the_pool_knows_no_tenant_no_origin_and_tracks_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var scenario = await MeetingWithItemAsync(app);

        CollabDb used;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentTenant>().Id = Tenant;
            used = scope.ServiceProvider.GetRequiredService<CollabDb>();
            used.Origin = new ChangeOrigin(Owner, NameOf(Owner), ChangeSource.TaskPane);
            var item = await used.ActionItems.SingleAsync(i => i.Id == scenario.ItemId);
            item.ProgressNote = "typed but never saved";
        }

        // The pool hands out its oldest context first; taking (and holding) contexts until the used one comes back shows
        // it was pooled, and every one of them must be as good as new.
        var held = new List<AsyncServiceScope>();
        try
        {
            CollabDb? again = null;
            for (var i = 0; i < 64 && again is null; i++)
            {
                var scope = app.Services.CreateAsyncScope();
                held.Add(scope);
                var db = scope.ServiceProvider.GetRequiredService<CollabDb>();
                Assert.Null(db.Origin);
                Assert.Empty(db.ChangeTracker.Entries());
                Assert.Equal(0, await db.ActionItems.CountAsync()); // no tenant in this scope: the filter matches nothing
                if (ReferenceEquals(db, used))
                    again = db;
            }
            Assert.NotNull(again);

            // Bound to the new scope's tenant, it sees that tenant's rows, and the unsaved note is gone.
            held[^1].ServiceProvider.GetRequiredService<CurrentTenant>().Id = Tenant;
            var reread = await again.ActionItems.SingleAsync(i => i.Id == scenario.ItemId);
            Assert.Null(reread.ProgressNote);
        }
        finally
        {
            foreach (var scope in held)
                await scope.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_tenants_asking_at_once_through_pooled_contexts_each_see_only_their_own_items()
    {
        await using var app = await TestApp.StartAsync();
        var contoso = await MeetingWithItemAsync(app);
        var fabrikam = await MeetingWithItemAsync(app, OtherTenant); // the same owner's address, in another tenant
        var clients = new[] { (await app.ClientForAsync(Owner), contoso.ItemId), (await app.ClientForAsync(Owner, OtherTenant), fabrikam.ItemId) };

        var seen = await Task.WhenAll(Enumerable.Range(0, 200).Select(async n =>
        {
            var (client, expected) = clients[n % 2];
            var list = await client.GetFromJsonAsync<JsonElement>("/api/me/action-items");
            var ids = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
            return (expected, ids);
        }));

        Assert.All(seen, s => Assert.Equal([s.expected], s.ids));
    }
}
