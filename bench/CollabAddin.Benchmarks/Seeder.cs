using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CollabAddin.Benchmarks;

/// <summary>
/// Fills a migrated store with <c>items</c> action items over <c>users</c> owners and <c>meetings</c> meetings in one
/// set-based statement per table (EF would take minutes for a million rows; the rows are the same shape it writes).
/// </summary>
public static class Seeder
{
    public const string Tenant = "bench";

    /// <summary>
    /// The object id the seeded rows of "user{n}@bench.example" are bound to, as they are once their owner has signed in
    /// (Auth/PersonBinding): benchmarks measure the store people actually have, not one where nobody ever signed in.
    /// </summary>
    public static string ObjectIdOf(string email) =>
        email.StartsWith("user", StringComparison.Ordinal) && int.TryParse(email[4..email.IndexOf('@')], System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? $"00000000-0000-4000-8000-{n:D12}"
            : CollabAddin.Api.Auth.DevTokenIssuer.ObjectIdFor(Tenant, email);

    public static async Task SeedAsync(string provider, string connection, int items, int users, int meetings)
    {
        await using DbConnection db = provider == "Postgres" ? new NpgsqlConnection(connection) : new SqliteConnection(connection);
        await db.OpenAsync();
        var sql = provider == "Postgres" ? Postgres(items, users, meetings) : Sqlite(items, users, meetings);
        foreach (var statement in sql)
        {
            await using var command = db.CreateCommand();
            command.CommandText = statement;
            command.CommandTimeout = 600;
            await command.ExecuteNonQueryAsync();
        }
    }

    // By the item's rank among its owner's items (i / users), so that every owner has a mix of statuses.
    private static string Status(int users) => $"CASE (i / {users}) % 10 WHEN 0 THEN 'Done' WHEN 1 THEN 'InProgress' WHEN 2 THEN 'Cancelled' WHEN 3 THEN 'Blocked' ELSE 'Open' END";

    private static string[] Sqlite(int items, int users, int meetings) =>
    [
        $"""
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {meetings - 1})
        INSERT INTO Meetings (Id, TenantId, Subject, OrganizerEmail, OrganizerName, StartUtc, EndUtc, TimeZone, CreatedAt, IsOnlineMeeting, Version, UpdatedAt, InviteState, InviteAttempts)
        SELECT printf('%08X-0000-7000-8000-000000000000', i), '{Tenant}', 'Meeting ' || i, 'organizer' || (i % 500) || '@bench.example', 'Organizer',
               '2026-01-01 02:00:00', '2026-01-01 03:00:00', 'Asia/Shanghai', '2026-01-01 00:00:00', 0, 1, '2026-01-01 00:00:00', 'Sent', 0 FROM n
        """,
        $"""
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {items - 1})
        INSERT INTO ActionItems (Id, TenantId, MeetingId, Title, OwnerEmail, OwnerObjectId, OwnerName, DueDate, TimeZone, Status, NeedsHelp, CreatedAt, UpdatedAt, Version)
        SELECT printf('%08X-0000-7000-8000-%012X', i, i), '{Tenant}', printf('%08X-0000-7000-8000-000000000000', i % {meetings}),
               'Action item number ' || i || ': prepare the launch material', 'user' || (i % {users}) || '@bench.example',
               printf('00000000-0000-4000-8000-%012d', i % {users}), 'User ' || (i % {users}),
               date('2026-01-01', '+' || (i % 365) || ' days'), 'Asia/Shanghai', {Status(users)}, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1 FROM n
        """,
        "ANALYZE",
    ];

    private static string[] Postgres(int items, int users, int meetings) =>
    [
        $"""
        INSERT INTO "Meetings" ("Id", "TenantId", "Subject", "OrganizerEmail", "OrganizerName", "StartUtc", "EndUtc", "TimeZone", "CreatedAt", "IsOnlineMeeting", "Version", "UpdatedAt", "InviteState", "InviteAttempts")
        SELECT (lpad(to_hex(i), 8, '0') || '-0000-7000-8000-000000000000')::uuid, '{Tenant}', 'Meeting ' || i, 'organizer' || (i % 500) || '@bench.example', 'Organizer',
               timestamptz '2026-01-01 02:00Z', timestamptz '2026-01-01 03:00Z', 'Asia/Shanghai', timestamptz '2026-01-01Z', false, 1, timestamptz '2026-01-01Z', 'Sent', 0
        FROM generate_series(0, {meetings - 1}) i
        """,
        $"""
        INSERT INTO "ActionItems" ("Id", "TenantId", "MeetingId", "Title", "OwnerEmail", "OwnerObjectId", "OwnerName", "DueDate", "TimeZone", "Status", "NeedsHelp", "CreatedAt", "UpdatedAt", "Version")
        SELECT (lpad(to_hex(i), 8, '0') || '-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, '{Tenant}', (lpad(to_hex(i % {meetings}), 8, '0') || '-0000-7000-8000-000000000000')::uuid,
               'Action item number ' || i || ': prepare the launch material', 'user' || (i % {users}) || '@bench.example',
               '00000000-0000-4000-8000-' || lpad((i % {users})::text, 12, '0'), 'User ' || (i % {users}),
               date '2026-01-01' + (i % 365), 'Asia/Shanghai', {Status(users)}, false, timestamptz '2026-01-01Z', timestamptz '2026-01-01Z', 1
        FROM generate_series(0, {items - 1}) i
        """,
        "ANALYZE",
    ];
}
