using CollabAddin.Api.Data;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static CollabAddin.Api.Tests.Projects.ProjectData;

namespace CollabAddin.Api.Tests.Data;

/// <summary>
/// The RetrospectiveImprovements migration marks the improvements of projects closed before the mark existed (the
/// tasks added at or after the close) and nothing else: taken down to the migration before and up again over real rows.
/// </summary>
public sealed class ImprovementBackfillTests(PostgresServer postgres)
{
    [Theory, MemberData(nameof(TestData.Providers), MemberType = typeof(TestData))]
    public async Task Improvements_of_projects_closed_before_the_mark_are_marked_on_migration(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, postgres);
        var s = await ActiveProjectAsync(app);
        app.Clock.Advance(TimeSpan.FromDays(30));
        var closedAt = app.Clock.GetUtcNow().UtcDateTime;
        app.Clock.Advance(TimeSpan.FromMinutes(5)); // the store stamps CreatedAt with the clock: the improvement comes after the close
        await app.WithDbAsync(TestData.Tenant, async db =>
        {
            // Closed the old way: the improvement is only a task created after the close, not yet marked.
            var project = await db.Projects.SingleAsync(p => p.Id == s.ProjectId);
            (project.State, project.ClosedAt) = (Api.Projects.ProjectState.Closed, closedAt);
            db.ActionItems.Add(new Api.ActionItems.ActionItem
            {
                TenantId = TestData.Tenant, ProjectId = s.ProjectId, Title = "Share calendars at kickoff", OwnerEmail = MarketingContact, OwnerName = "Max",
                TimeZone = "Asia/Shanghai",
            });
            await db.SaveChangesAsync();
        });

        await app.WithDbAsync(TestData.Tenant, async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            var mark = migrations.FindIndex(m => m.EndsWith("_RetrospectiveImprovements", StringComparison.Ordinal));
            Assert.True(mark > 0);
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[mark - 1]); // back to before the mark (and everything after it)
            await migrator.MigrateAsync(migrations[^1]);
        });

        var marked = await app.WithDbAsync(TestData.Tenant, db => db.ActionItems.Where(i => i.ProjectId == s.ProjectId)
            .OrderBy(i => i.CreatedAt).Select(i => new { i.Title, i.Improvement }).ToListAsync());
        Assert.Equal([false, true], marked.Select(m => m.Improvement));
        Assert.Equal("Share calendars at kickoff", marked[^1].Title);
    }
}
