using CollabAddin.Api.Data;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Tests.Infrastructure;

/// <summary>
/// SQL Server for the test suite, when one is given: SQLSERVER_CONNECTION is a connection string to a server (its
/// database part is ignored); each test gets a database of its own, created by the app's migrations and dropped after.
/// None runs on the build machines, so there the provider is checked offline (SqlServerScriptTests) and skipped here.
/// </summary>
public static class SqlServerDatabases
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("SQLSERVER_CONNECTION");

    public static bool Available => !string.IsNullOrWhiteSpace(Server);

    public static string NewDatabase() => new SqlConnectionStringBuilder(Server ?? throw new InvalidOperationException("Set SQLSERVER_CONNECTION to run tests on SQL Server."))
    {
        InitialCatalog = $"collab_test_{Guid.NewGuid():N}",
    }.ConnectionString;

    public static async Task DropAsync(string connection)
    {
        await using var db = new SqlServerCollabDb(new DbContextOptionsBuilder<SqlServerCollabDb>().UseSqlServer(connection).Options);
        await db.Database.EnsureDeletedAsync();
    }
}
