using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CollabAddin.Api.Data;

/// <summary>The embedded default. Owns its migrations in Migrations/Sqlite.</summary>
public sealed class SqliteCollabDb(DbContextOptions<SqliteCollabDb> options) : CollabDb(options);

/// <summary>PostgreSQL. Owns its migrations in Migrations/Postgres.</summary>
public sealed class PostgresCollabDb(DbContextOptions<PostgresCollabDb> options) : CollabDb(options);

/// <summary>
/// SQL Server / Azure SQL, what a Microsoft 365 customer would run this on. Owns its migrations in Migrations/SqlServer.
/// No SQL Server engine runs on the build machines: its migration script is generated and parsed with SQL Server's own
/// T-SQL parser in the tests instead.
/// </summary>
public sealed class SqlServerCollabDb(DbContextOptions<SqlServerCollabDb> options) : CollabDb(options);

// What `dotnet ef migrations add` builds each provider's migrations with (README: Databases). No connection is opened.

public sealed class SqliteDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqliteCollabDb>
{
    public SqliteCollabDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCollabDb>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class PostgresDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgresCollabDb>
{
    public PostgresCollabDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCollabDb>().UseNpgsql("Host=design-time;Database=collab").Options);
}

public sealed class SqlServerDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqlServerCollabDb>
{
    public SqlServerCollabDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCollabDb>().UseSqlServer("Server=design-time;Database=Collab;Integrated Security=false").Options);
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

public static class StoreSetup
{
    public const string ConnectionName = "Collab";

    /// <summary>
    /// Registers <see cref="CollabDb"/> for the provider named by <c>Database:Provider</c>.
    /// Nothing else in the model or the queries depends on the provider.
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
                services.AddPooledCollabDb<SqliteCollabDb>(o => o.UseSqlite(connection, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connection))
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Collab is empty.");
                services.AddPooledCollabDb<PostgresCollabDb>(o => o.UseNpgsql(connection, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connection))
                    throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Collab is empty.");
                // Azure SQL drops idle connections and fails over: retry transient errors (outside explicit transactions).
                services.AddPooledCollabDb<SqlServerCollabDb>(o => o.UseSqlServer(connection, s => s
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery).EnableRetryOnFailure(3)));
                break;
        }
        return services;
    }

    // Split queries: a meeting loads three owned collections (attendees, agenda, pre-reads), which in one
    // query would multiply into a cartesian product.
    // A cooperating-department row always links an item and a department of the same tenant (the item is
    // reached through its own tenant filter), so the filter-on-required-end warning does not apply.
    // Save interceptors come from the features that register them (FollowUp's alert planning): the store knows none.
    // Pooled: a request (or a worker's pass) takes a ready context instead of building one with its options, service
    // lookups and interceptors each time (0.15–0.25 ms off an unchanged list's 304, measured in docs/BENCHMARKS.md). The options are built
    // once, from the root services, so interceptors must be singletons. The scope's CollabDb is leased from the pool,
    // bound to the scope's tenant and clock, and given back when the scope ends.
    private static void AddPooledCollabDb<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> useProvider)
        where TContext : CollabDb
    {
        services.AddPooledDbContextFactory<TContext>((sp, options) =>
        {
            useProvider(options);
            options.AddInterceptors(sp.GetServices<ISaveChangesInterceptor>()).AddInterceptors(new ListVersioning.OnCommit()).ConfigureWarnings(w => w
                .Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
        });
        services.AddScoped<CollabDb>(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext()
            .Bind(sp.GetRequiredService<CurrentTenant>(), sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>
    /// Applies pending migrations. For a SQLite file, creates its folder first. Refuses a database whose history names
    /// migrations this build does not have — one made by the pre-release hand-written migrations, or by a newer build —
    /// rather than running ours over a schema they do not describe (README: Databases).
    /// </summary>
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
        var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Except(db.Database.GetMigrations()).ToList();
        if (unknown.Count > 0)
            throw new UnknownSchemaException(unknown);
        await db.Database.MigrateAsync(ct);
    }
}

/// <summary>The database was made by migrations this build does not know; nothing was changed in it.</summary>
public sealed class UnknownSchemaException(IReadOnlyList<string> migrations) : InvalidOperationException(
    $"The database was created by migrations this version does not know ({string.Join(", ", migrations)}), so it will not " +
    "touch it. A database from the pre-release schema (before EF-generated migrations) cannot be upgraded: export what you " +
    "need, then point ConnectionStrings:Collab at a new database (or delete the SQLite file). A database from a newer " +
    "version needs that version. README: Databases.")
{
    public IReadOnlyList<string> Migrations { get; } = migrations;
}
