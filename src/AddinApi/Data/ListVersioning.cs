using System.Data.Common;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Departments;
using CollabAddin.Api.Meetings;
using CollabAddin.Api.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CollabAddin.Api.Data;

/// <summary>
/// A stamp that changes whenever something in a person's "my action items" may have changed: the list's ETag is made
/// from it, so a pane asking again about an unchanged list is answered 304 from one indexed lookup instead of the query.
/// </summary>
public sealed class ListVersion
{
    public required string TenantId { get; set; }
    /// <summary>The owner's email as items carry it, or <see cref="ListVersioning.Everyone"/> for what every list shows (department names).</summary>
    public required string OwnerEmail { get; set; }
    public long Stamp { get; set; }
}

/// <summary>
/// Which lists a save changes, and their new stamps — written by the same transaction as the change, so a stamp never
/// says "unchanged" about a list that has changed. A list shows its items, their meeting's subject, their project's
/// number and title, and department names; each of those bumps the lists it appears in.
/// </summary>
internal static class ListVersioning
{
    public const string Everyone = "*";

    /// <summary>The lists this save touches, from the tracker (changes already detected), plus a query for renamed meetings and projects.</summary>
    public static async Task<HashSet<(string Tenant, string Email)>> AffectedAsync(CollabDb db, CancellationToken ct)
    {
        var keys = new HashSet<(string, string)>();
        var meetings = new HashSet<Guid>();
        var projects = new HashSet<Guid>();
        var items = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case ActionItem item when entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified:
                    keys.Add((item.TenantId, item.OwnerEmail));
                    if (entry.State == EntityState.Modified && Original<string>(entry, nameof(ActionItem.OwnerEmail)) is { } before && before != item.OwnerEmail)
                        keys.Add((item.TenantId, before)); // reassigned: it leaves the old owner's list
                    break;
                case CooperatingDepartment link when entry.State is EntityState.Added or EntityState.Deleted:
                    items.Add(link.ActionItemId);
                    break;
                case Meeting meeting when entry.State == EntityState.Modified && entry.Property(nameof(Meeting.Subject)).IsModified:
                    meetings.Add(meeting.Id);
                    break;
                case Project project when entry.State == EntityState.Modified
                    && (entry.Property(nameof(Project.Title)).IsModified || entry.Property(nameof(Project.Number)).IsModified):
                    projects.Add(project.Id);
                    break;
                case Department department when entry.State is EntityState.Deleted
                    || entry.State == EntityState.Modified && entry.Property(nameof(Department.Name)).IsModified:
                    keys.Add((department.TenantId, Everyone));
                    break;
            }
        }
        if (meetings.Count + projects.Count + items.Count > 0)
        {
            // Owners of the items shown with them (in any tenant: background work saves without one).
            var owners = await db.ActionItems.IgnoreQueryFilters().AsNoTracking()
                .Where(i => meetings.Contains(i.MeetingId!.Value) || projects.Contains(i.ProjectId!.Value) || items.Contains(i.Id))
                .Select(i => new { i.TenantId, i.OwnerEmail }).Distinct().ToListAsync(ct);
            foreach (var owner in owners) keys.Add((owner.TenantId, owner.OwnerEmail));
        }
        return keys;
    }

    private static T? Original<T>(EntityEntry entry, string property) => (T?)entry.Property(property).OriginalValue;

    /// <summary>Gives each list a new stamp, inserting the ones never stamped, in the current transaction.</summary>
    public static async Task BumpAsync(CollabDb db, IEnumerable<(string Tenant, string Email)> keys, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await BumpAsync(connection, transaction, db.Database.IsSqlServer(), keys, ct);
    }

    /// <summary>One upsert statement per 400 lists, with every value a parameter.</summary>
    private static async Task BumpAsync(DbConnection connection, DbTransaction? transaction, bool sqlServer, IEnumerable<(string Tenant, string Email)> keys, CancellationToken ct)
    {
        var stamp = NewStamp();
        // In one order everywhere: two saves stamping overlapping lists (two publishes whose rows share owners) then
        // lock those rows in the same order and one waits for the other, instead of each holding what the other needs
        // (a deadlock, which the store would break by failing one of them).
        var ordered = keys.Distinct().OrderBy(k => k.Tenant, StringComparer.Ordinal).ThenBy(k => k.Email, StringComparer.Ordinal);
        foreach (var chunk in ordered.Chunk(400))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            Add(command, "@s", stamp);
            for (var i = 0; i < chunk.Length; i++)
            {
                Add(command, $"@t{i}", chunk[i].Tenant);
                Add(command, $"@e{i}", chunk[i].Email);
            }
            command.CommandText = UpsertSql(sqlServer, chunk.Length);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The upsert of <paramref name="rows"/> lists (parameters @t0, @e0, … and the stamp @s): MERGE on SQL Server, ON CONFLICT elsewhere.</summary>
    internal static string UpsertSql(bool sqlServer, int rows)
    {
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(i => $"(@t{i}, @e{i}, @s)"));
        return sqlServer
            ? $"""MERGE INTO "ListVersions" WITH (HOLDLOCK) AS t USING (VALUES {values}) AS s ("TenantId", "OwnerEmail", "Stamp") ON t."TenantId" = s."TenantId" AND t."OwnerEmail" = s."OwnerEmail" WHEN MATCHED THEN UPDATE SET "Stamp" = s."Stamp" WHEN NOT MATCHED THEN INSERT ("TenantId", "OwnerEmail", "Stamp") VALUES (s."TenantId", s."OwnerEmail", s."Stamp");"""
            : $"""INSERT INTO "ListVersions" ("TenantId", "OwnerEmail", "Stamp") VALUES {values} ON CONFLICT ("TenantId", "OwnerEmail") DO UPDATE SET "Stamp" = excluded."Stamp" """;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// Writes the stamps of a save's lists in the save's own transaction, as it commits: after the save interceptors
    /// (which run before EF opens its transaction, and may wait on other writers), before anyone can read the change.
    /// </summary>
    public sealed class OnCommit : DbTransactionInterceptor
    {
        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken ct = default)
        {
            if (eventData.Context is CollabDb { ListsBeingSaved: { Count: > 0 } lists } db)
                await BumpAsync(transaction.Connection!, transaction, db.Database.IsSqlServer(), lists, ct);
            return result;
        }
    }

    /// <summary>Random, not counted: two saves racing on one list each write a value never seen before, so neither can be mistaken for the other.</summary>
    private static long NewStamp() => Random.Shared.NextInt64(1, long.MaxValue);

    /// <summary>
    /// The stamps of the caller's list and of what every list shows (0: never changed since stamps began). One
    /// primary-key lookup, written as SQL on the context's connection: this is all an unchanged list costs, and EF's
    /// query pipeline was most of it (docs/BENCHMARKS.md).
    /// </summary>
    public static async Task<(long Own, long Everyone)> StampsAsync(CollabDb db, string tenant, string email, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var open = connection.State == System.Data.ConnectionState.Open;
        if (!open) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = """SELECT "OwnerEmail", "Stamp" FROM "ListVersions" WHERE "TenantId" = @t AND "OwnerEmail" IN (@e, @all)""";
            Add(command, "@t", tenant);
            Add(command, "@e", email);
            Add(command, "@all", Everyone);
            long own = 0, everyone = 0;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (reader.GetString(0) == Everyone) everyone = reader.GetInt64(1);
                else own = reader.GetInt64(1);
            }
            return (own, everyone);
        }
        finally
        {
            if (!open) await db.Database.CloseConnectionAsync();
        }
    }
}
