using CollabAddin.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CollabAddin.Api.Tests.Data;

/// <summary>
/// SQL Server without a SQL Server: no engine can run on these machines, so the provider is checked as far as it can be
/// offline — the model builds with it, the generated migrations match the model, and the idempotent migration script
/// (what a DBA would run against Azure SQL) parses with SQL Server's own T-SQL parser without one error.
/// Against a real server, the whole suite runs with SQLSERVER_CONNECTION (README: Databases).
/// </summary>
public sealed class SqlServerScriptTests
{
    internal static SqlServerCollabDb SqlServer() => new SqlServerDesignTimeFactory().CreateDbContext([]);

    internal static IList<ParseError> Parse(string script)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(script), out var errors);
        return errors;
    }

    [Fact]
    public void The_idempotent_migration_script_is_valid_t_sql_and_creates_every_table()
    {
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var errors = Parse(script);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")));
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
            Assert.Contains($"CREATE TABLE [{table}]", script);
        // Idempotent: every migration is guarded by its row in the history table, so the script is safe to run twice.
        Assert.Contains("IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL", script);
        Assert.Contains("FROM [__EFMigrationsHistory]", script);
    }

    [Fact]
    public void The_generated_sql_server_migrations_match_the_model()
    {
        using var db = SqlServer();
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed since the last SQL Server migration: run dotnet ef migrations add (README: Databases)");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void The_list_stamps_upsert_is_valid_t_sql_and_the_other_one_is_not()
    {
        // Written by hand (EF has no upsert): a MERGE … WITH (HOLDLOCK) on SQL Server, ON CONFLICT on SQLite and PostgreSQL.
        var merge = ListVersioning.UpsertSql(sqlServer: true, rows: 3);
        Assert.Empty(Parse(merge));
        Assert.Contains("WITH (HOLDLOCK)", merge);
        Assert.NotEmpty(Parse(ListVersioning.UpsertSql(sqlServer: false, rows: 3)));
    }

    [Fact]
    public void The_parser_is_a_real_check_it_refuses_another_dialect()
    {
        // PostgreSQL's script for the same model (double-quoted DDL with its own types and syntax) is not T-SQL.
        using var postgres = new PostgresCollabDb(new DbContextOptionsBuilder<PostgresCollabDb>().UseNpgsql("Host=unused").Options);
        var script = postgres.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.NotEmpty(Parse(script));
    }
}
