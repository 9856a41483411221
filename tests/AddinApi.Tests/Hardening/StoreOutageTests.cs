using System.Net;
using CollabAddin.Api.Tests.Infrastructure;
using Npgsql;
using static CollabAddin.Api.Tests.Infrastructure.TestData;

namespace CollabAddin.Api.Tests.Hardening;

public sealed class StoreOutageTests(PostgresServer postgres)
{
    [Fact]
    public async Task While_the_database_refuses_connections_requests_get_503_with_retry_after_and_recover_when_it_is_back()
    {
        await using var app = await TestApp.StartAsync(Api.Data.DatabaseProvider.Postgres, postgres);
        await MeetingWithItemAsync(app);
        var carol = await app.ClientForAsync(Owner);
        await (await carol.GetAsync("/api/me/action-items")).ShouldBeAsync(HttpStatusCode.OK);
        var database = new NpgsqlConnectionStringBuilder(app.Services.GetConnectionString()).Database!;

        await postgres.AdminAsync($"ALTER DATABASE {database} ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        NpgsqlConnection.ClearAllPools();
        try
        {
            var down = await carol.GetAsync("/api/me/action-items");
            await down.ProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(TimeSpan.FromSeconds(5), down.Headers.RetryAfter?.Delta);
        }
        finally
        {
            await postgres.AdminAsync($"ALTER DATABASE {database} ALLOW_CONNECTIONS true");
        }

        await (await carol.GetAsync("/api/me/action-items")).ShouldBeAsync(HttpStatusCode.OK);
    }
}

internal static class ConnectionStrings
{
    public static string GetConnectionString(this IServiceProvider services) =>
        Microsoft.Extensions.Configuration.ConfigurationExtensions.GetConnectionString(
            (Microsoft.Extensions.Configuration.IConfiguration)services.GetService(typeof(Microsoft.Extensions.Configuration.IConfiguration))!, "Collab")!;
}
