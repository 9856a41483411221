using System.Data.Common;
using CollabAddin.Api.Data;
using CollabAddin.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CollabAddin.Api.Tests.Data;

/// <summary>
/// The migrations are hand-written, so nothing but this test keeps them honest: a database built by the
/// migrations must have exactly the schema EF builds straight from the model (EnsureCreated) — same tables,
/// columns, types, nullability, keys, indexes, foreign keys and delete rules — on each provider.
/// </summary>
public sealed class MigrationSchemaTests(PostgresServer postgres)
{
    [Fact]
    public async Task Sqlite_migrations_produce_the_models_schema()
    {
        var folder = Directory.CreateTempSubdirectory("collab-schema-").FullName;
        try
        {
            var migrated = await SqliteSchema($"Data Source={folder}/migrated.db", migrate: true);
            var modelled = await SqliteSchema($"Data Source={folder}/modelled.db", migrate: false);
            AssertSame(modelled, migrated);
            Assert.Contains(migrated, l => l.StartsWith("column ActionItems.Version INTEGER", StringComparison.Ordinal));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Postgres_migrations_produce_the_models_schema()
    {
        var migrated = await PostgresSchema(await postgres.CreateDatabaseAsync(), migrate: true);
        var modelled = await PostgresSchema(await postgres.CreateDatabaseAsync(), migrate: false);
        AssertSame(modelled, migrated);
        Assert.Contains("column ActionItems.DueDate date null", migrated);
        Assert.Contains("column ActionItemChanges.Id bigint not null identity=BY DEFAULT default=", migrated);
    }

    [Fact]
    public async Task Migrating_twice_is_harmless()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await using (var db = Postgres(connection)) await db.Database.MigrateAsync();
        await using (var db = Postgres(connection))
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(["20261122000000_Initial", "20261122100000_MeetingPlans", "20261122200000_MinutesPublishing", "20261122300000_FollowThrough", "20261129000000_PlanningFailures", "20261129100000_MinutesMailed", "20261129200000_PersonIdentity", "20261129300000_CreateKeys"], await db.Database.GetAppliedMigrationsAsync());
        }
    }

    private static void AssertSame(IReadOnlyCollection<string> expected, IReadOnlyCollection<string> actual)
    {
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"Schema differs from the model.\nIn the model, not the migrations:\n  {string.Join("\n  ", missing)}\nIn the migrations, not the model:\n  {string.Join("\n  ", extra)}");
        Assert.True(expected.Count > 40, "The schema read back is suspiciously small: " + expected.Count);
    }

    private static SqliteCollabDb Sqlite(string connection) =>
        new(new DbContextOptionsBuilder<SqliteCollabDb>().UseSqlite(connection).Options, new CurrentTenant(), TimeProvider.System);

    private static PostgresCollabDb Postgres(string connection) =>
        new(new DbContextOptionsBuilder<PostgresCollabDb>().UseNpgsql(connection).Options, new CurrentTenant(), TimeProvider.System);

    private static async Task<List<string>> SqliteSchema(string connection, bool migrate)
    {
        await using (var db = Sqlite(connection))
        {
            if (migrate) await db.Database.MigrateAsync();
            else await db.Database.EnsureCreatedAsync();
        }
        await using var c = new SqliteConnection(connection);
        await c.OpenAsync();
        var lines = new List<string>();
        var tables = await Rows(c, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'");
        foreach (var t in tables)
        {
            var table = t[0];
            if (t[1].Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)) lines.Add($"autoincrement {table}");
            foreach (var col in await Rows(c, $"PRAGMA table_info('{table}')"))
                lines.Add($"column {table}.{col[1]} {col[2]} notnull={col[3]} default={col[4]} pk={col[5]}");
            foreach (var index in await Rows(c, $"PRAGMA index_list('{table}')"))
            {
                var columns = (await Rows(c, $"PRAGMA index_info('{index[1]}')")).Select(r => r[2]);
                lines.Add($"index {table}.{index[1]} unique={index[2]} origin={index[3]} ({string.Join(",", columns)})");
            }
            foreach (var fk in await Rows(c, $"PRAGMA foreign_key_list('{table}')"))
                lines.Add($"fk {table}.{fk[3]} -> {fk[2]}.{fk[4]} on delete {fk[6]}");
        }
        return lines;
    }

    private static async Task<List<string>> PostgresSchema(string connection, bool migrate)
    {
        await using (var db = Postgres(connection))
        {
            if (migrate) await db.Database.MigrateAsync();
            else await db.Database.EnsureCreatedAsync();
        }
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        const string notEf = "<> '__EFMigrationsHistory'";
        var lines = new List<string>();
        foreach (var r in await Rows(c, $"""
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''),
                   CASE is_nullable WHEN 'YES' THEN 'null' ELSE 'not null' END,
                   coalesce(identity_generation, ''), coalesce(column_default, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name {notEf}
            """))
            lines.Add($"column {r[0]}.{r[1]} {r[2]}{(r[3] == "" ? "" : $"({r[3]})")} {r[4]}{(r[5] == "" ? "" : $" identity={r[5]}")}{(r[5] == "" && r[6] == "" ? "" : $" default={r[6]}")}");
        foreach (var r in await Rows(c, $"SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename {notEf}"))
            lines.Add($"index {r[0]}.{r[1]}: {r[2]}");
        foreach (var r in await Rows(c, $"""
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '%EFMigrationsHistory%'
            """))
            lines.Add($"constraint {r[0]}.{r[1]}: {r[2]}");
        return lines;
    }

    private static async Task<List<string[]>> Rows(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }
}
