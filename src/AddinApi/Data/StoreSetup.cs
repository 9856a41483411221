using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CollabAddin.Api.Data;

/// <summary>The embedded default. Owns the migrations in Migrations/Sqlite.</summary>
public sealed class SqliteCollabDb(DbContextOptions<SqliteCollabDb> options, CurrentTenant tenant, TimeProvider clock)
    : CollabDb(options, tenant, clock);

/// <summary>The server provider. Owns the migrations in Migrations/Postgres.</summary>
public sealed class PostgresCollabDb(DbContextOptions<PostgresCollabDb> options, CurrentTenant tenant, TimeProvider clock)
    : CollabDb(options, tenant, clock);

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class StoreSetup
{
    public const string ConnectionName = "Collab";

    /// <summary>
    /// Registers <see cref="CollabDb"/> for the provider named by <c>Database:Provider</c>.
    /// SQL Server would be a third case here plus its own migrations; nothing else in the model or queries changes.
    /// </summary>
    public static IServiceCollection AddCollabStore(this IServiceCollection services, IConfiguration config)
    {
        var provider = config.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connection = config.GetConnectionString(ConnectionName);
        services.AddScoped<CurrentTenant>();
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                connection ??= "Data Source=.data/collab.db";
                services.AddDbContext<CollabDb, SqliteCollabDb>((sp, o) => Configure(o.UseSqlite(connection, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)), sp));
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connection))
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Collab is empty.");
                services.AddDbContext<CollabDb, PostgresCollabDb>((sp, o) => Configure(o.UseNpgsql(connection, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)), sp));
                break;
        }
        return services;
    }

    // Split queries: a meeting loads three owned collections (attendees, agenda, pre-reads), which in one
    // query would multiply into a cartesian product.
    // The migrations are written by hand (EF's design package is not available here), so there is no
    // model snapshot to compare against; MigrationSchemaTests checks the migrated schema instead.
    // A cooperating-department row always links an item and a department of the same tenant (the item is
    // reached through its own tenant filter), so the filter-on-required-end warning does not apply.
    // Save interceptors come from the features that register them (FollowUp's alert planning): the store knows none.
    private static void Configure(DbContextOptionsBuilder options, IServiceProvider services) =>
        options.AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor>()).ConfigureWarnings(w => w
            .Ignore(RelationalEventId.PendingModelChangesWarning, RelationalEventId.ModelSnapshotNotFound)
            .Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));

    /// <summary>Applies pending migrations. For a SQLite file, creates its folder first.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CollabDb>();
        if (db.Database.IsSqlite())
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory && !builder.DataSource.StartsWith(':') && folder is not null)
                Directory.CreateDirectory(folder);
        }
        await db.Database.MigrateAsync(ct);
    }
}
