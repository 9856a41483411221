using System.Text.Json;
using CollabAddin.Api.ActionItems;

namespace CollabAddin.Api.Minutes;

/// <summary>An action row's values as the minutes state them: what is compared between document, item and last publish.</summary>
public sealed record PublishedRow(string Title, string OwnerEmail, DateOnly? Due, string? Lead, IReadOnlyList<string> Cooperating, Guid? AgendaItemId, string? Status)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Departments in a fixed order, so the same row always serializes the same.</summary>
    public string ToJson() => JsonSerializer.Serialize(this with { Cooperating = Cooperating.Order(StringComparer.OrdinalIgnoreCase).ToList() }, Json);

    public static PublishedRow? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<PublishedRow>(json, Json);

    /// <summary>The same values read off the item as it stands now.</summary>
    public static PublishedRow Of(ActionItem item) => new(item.Title, item.OwnerEmail, item.DueDate, item.LeadDepartment?.Name,
        item.CooperatingDepartments.Select(c => c.Department!.Name).Order(StringComparer.Ordinal).ToList(), item.AgendaItemId, item.Status.ToWire());

    public static bool Same(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(b.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
}
