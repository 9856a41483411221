using System.Globalization;
using System.Text.Json;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Departments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CollabAddin.Api.Data;

/// <summary>
/// Turns pending action-item changes into <see cref="ActionItemChange"/> rows just before they are saved,
/// so every path that changes an item (minutes, task pane, API, background work) is recorded in the same
/// transaction, and none can forget to. Also bumps the item's version and UpdatedAt.
/// </summary>
internal static class ActionItemHistory
{
    // Bookkeeping the history itself would only repeat.
    private static readonly HashSet<string> Untracked =
        [nameof(ActionItem.Version), nameof(ActionItem.UpdatedAt), nameof(ActionItem.CreatedAt), nameof(ActionItem.TenantId), nameof(ActionItem.PublishedRow)];

    // Saved, but not a change anyone made to the item: no history row, no new version (the merge base of the minutes).
    private const string Bookkeeping = nameof(ActionItem.PublishedRow);

    /// <summary>Returns the change rows it added (empty when nothing about an action item changed).</summary>
    /// <remarks>The caller has detected changes (CollabDb.SaveChangesAsync does, once, before calling).</remarks>
    public static async Task<IReadOnlyList<ActionItemChange>> RecordAsync(CollabDb db, DateTime now, CancellationToken ct)
    {
        var items = db.ChangeTracker.Entries<ActionItem>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .ToList();
        var departmentLinks = db.ChangeTracker.Entries<CooperatingDepartment>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted)
            .ToLookup(e => e.Entity.ActionItemId);
        if (items.Count == 0 && departmentLinks.Count == 0)
            return [];

        var origin = db.Origin ?? throw new InvalidOperationException(
            "Set CollabDb.Origin before saving action-item changes: history needs to say who changed them and from where.");
        var names = await DepartmentNamesAsync(db, items, departmentLinks, ct);
        var recorded = new List<ActionItemChange>();

        foreach (var entry in items)
        {
            var item = entry.Entity;
            var changes = new List<ActionItemChange>();
            if (entry.State == EntityState.Added)
            {
                item.CreatedAt = item.UpdatedAt = now;
                item.Version = 1;
                changes.Add(Row(item, origin, now, "created", null, item.Title));
            }
            else
            {
                foreach (var property in entry.Properties.Where(p => p.IsModified && !Untracked.Contains(p.Metadata.Name)))
                {
                    if (Equals(property.OriginalValue, property.CurrentValue))
                    {
                        property.IsModified = false;
                        continue;
                    }
                    changes.Add(Row(item, origin, now, FieldName(property.Metadata.Name),
                        Format(property, property.OriginalValue, names), Format(property, property.CurrentValue, names)));
                }
                var links = departmentLinks[item.Id].ToList();
                if (links.Count > 0)
                    changes.Add(CooperatingRow(item, links, names, origin, now));
                if (changes.Count == 0)
                {
                    if (!entry.Property(Bookkeeping).IsModified)
                        entry.State = EntityState.Unchanged; // nothing really changed: no write, no new version
                    continue;
                }
                item.UpdatedAt = now;
                item.Version = (int)entry.Property(nameof(ActionItem.Version)).OriginalValue! + 1;
            }
            db.ActionItemChanges.AddRange(changes);
            recorded.AddRange(changes);
        }

        var itemIds = items.Select(i => i.Entity.Id).ToHashSet();
        var orphanLinks = departmentLinks.Where(g => !itemIds.Contains(g.Key)).ToList();
        if (orphanLinks.Count > 0)
            throw new InvalidOperationException("Change cooperating departments through a tracked ActionItem, so its version moves too.");
        return recorded;
    }

    private static ActionItemChange CooperatingRow(ActionItem item, List<EntityEntry<CooperatingDepartment>> links,
        IReadOnlyDictionary<Guid, string> names, ChangeOrigin origin, DateTime now)
    {
        var current = item.CooperatingDepartments.Select(c => c.DepartmentId).ToHashSet();
        var before = current
            .Except(links.Where(l => l.State == EntityState.Added).Select(l => l.Entity.DepartmentId))
            .Union(links.Where(l => l.State == EntityState.Deleted).Select(l => l.Entity.DepartmentId));
        return Row(item, origin, now, "cooperatingDepartments", JoinNames(before, names), JoinNames(current, names));
    }

    private static string JoinNames(IEnumerable<Guid> ids, IReadOnlyDictionary<Guid, string> names) =>
        string.Join(", ", ids.Select(id => names.GetValueOrDefault(id, id.ToString())).Order(StringComparer.Ordinal));

    private static async Task<IReadOnlyDictionary<Guid, string>> DepartmentNamesAsync(CollabDb db,
        List<EntityEntry<ActionItem>> items, ILookup<Guid, EntityEntry<CooperatingDepartment>> links, CancellationToken ct)
    {
        var ids = links.SelectMany(g => g).Select(l => l.Entity.DepartmentId)
            .Concat(items.SelectMany(e => e.Entity.CooperatingDepartments.Select(c => c.DepartmentId)))
            .Concat(items.SelectMany(e => new[]
            {
                e.Property(x => x.LeadDepartmentId).OriginalValue, e.Entity.LeadDepartmentId,
            }).OfType<Guid>())
            .ToHashSet();
        if (ids.Count == 0)
            return new Dictionary<Guid, string>();
        // Departments may be added in this same save, so look in the tracker before the database.
        var known = db.ChangeTracker.Entries<Department>().Where(d => ids.Contains(d.Entity.Id))
            .ToDictionary(d => d.Entity.Id, d => d.Entity.Name);
        var missing = ids.Where(id => !known.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var d in await db.Departments.IgnoreQueryFilters().Where(d => missing.Contains(d.Id))
                         .Select(d => new { d.Id, d.Name }).ToListAsync(ct))
                known[d.Id] = d.Name;
        }
        return known;
    }

    private static ActionItemChange Row(ActionItem item, ChangeOrigin origin, DateTime now, string field, string? oldValue, string? newValue) =>
        new()
        {
            TenantId = item.TenantId,
            ActionItemId = item.Id,
            At = now,
            ByEmail = origin.Email,
            ByName = origin.Name,
            Source = origin.Source,
            Field = field,
            OldValue = Truncate(oldValue),
            NewValue = Truncate(newValue),
        };

    private static string FieldName(string property) => property switch
    {
        nameof(ActionItem.LeadDepartmentId) => "leadDepartment",
        _ => JsonNamingPolicy.CamelCase.ConvertName(property),
    };

    private static string? Format(PropertyEntry property, object? value, IReadOnlyDictionary<Guid, string> names) => value switch
    {
        null => null,
        Guid id when property.Metadata.Name == nameof(ActionItem.LeadDepartmentId) => names.GetValueOrDefault(id, id.ToString()),
        ActionItemStatus s => s.ToWire(),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string? Truncate(string? value) =>
        value is { Length: > CollabModel.TextLength } ? value[..(CollabModel.TextLength - 1)] + "…" : value;
}
