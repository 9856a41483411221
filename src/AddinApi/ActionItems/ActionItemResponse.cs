using System.Linq.Expressions;

namespace CollabAddin.Api.ActionItems;

public sealed record PersonRef(string Email, string DisplayName);
public sealed record DepartmentRef(Guid Id, string Name);
/// <summary>The collaboration project an item is a task of: enough to name it and link to it.</summary>
public sealed record ProjectRef(Guid Id, string Number, string Title);

/// <summary>An action item as clients see it. The tenant and directory ids stay inside: clients have no use for them.</summary>
public sealed record ActionItemResponse(
    Guid Id,
    Guid? MeetingId,
    string? MeetingSubject,
    ProjectRef? Project,
    Guid? AgendaItemId,
    string Title,
    string? Details,
    PersonRef Owner,
    DateOnly? DueDate,
    string TimeZone,
    DepartmentRef? LeadDepartment,
    IReadOnlyList<DepartmentRef> CooperatingDepartments,
    ActionItemStatus Status,
    bool NeedsHelp,
    string? NeedsHelpReason,
    string? ProgressNote,
    string? DeviationReason,
    string? Deliverable,
    string? AcceptanceStandard,
    Guid? MilestoneId,
    bool Improvement,
    bool IsOverdue,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version)
{
    /// <summary>
    /// One mapping for both uses: translated to SQL for lists, compiled for an entity already loaded with its
    /// meeting and departments. Overdue depends on "today" in the item's zone, so it is filled in afterwards.
    /// </summary>
    public static readonly Expression<Func<ActionItem, ActionItemResponse>> Projection = i => new ActionItemResponse(
        i.Id, i.MeetingId, i.Meeting == null ? null : i.Meeting.Subject,
        i.Project == null ? null : new ProjectRef(i.Project.Id, i.Project.Number, i.Project.Title),
        i.AgendaItemId, i.Title, i.Details,
        new PersonRef(i.OwnerEmail, i.OwnerName),
        i.DueDate, i.TimeZone,
        i.LeadDepartment == null ? null : new DepartmentRef(i.LeadDepartment.Id, i.LeadDepartment.Name),
        i.CooperatingDepartments.Select(c => new DepartmentRef(c.DepartmentId, c.Department!.Name)).ToList(),
        i.Status, i.NeedsHelp, i.NeedsHelpReason, i.ProgressNote, i.DeviationReason,
        i.Deliverable, i.AcceptanceStandard, i.MilestoneId, i.Improvement, false, i.CreatedAt, i.UpdatedAt, i.Version);

    private static readonly Func<ActionItem, ActionItemResponse> Map = Projection.Compile();

    public static ActionItemResponse From(ActionItem loaded, DateTime utcNow) => Map(loaded).AsOf(utcNow);

    public ActionItemResponse AsOf(DateTime utcNow) => this with
    {
        IsOverdue = DueDate is { } due
            && Status is not (ActionItemStatus.Done or ActionItemStatus.Cancelled)
            && due < TimeZones.TodayIn(TimeZone, utcNow),
    };
}

public sealed record ActionItemPage(IReadOnlyList<ActionItemResponse> Items, int Page, int PageSize, int Total);

public sealed record ActionItemChangeResponse(
    long Id, DateTime At, PersonRef By, ChangeSource Source, string Field, string? OldValue, string? NewValue);

public static class ActionItemOrder
{
    /// <summary>Due date first, undated last (written out so every provider sorts NULLs the same way), then oldest first.</summary>
    public static IOrderedQueryable<ActionItem> InDueOrder(this IQueryable<ActionItem> items) =>
        items.OrderBy(i => i.DueDate == null).ThenBy(i => i.DueDate).ThenBy(i => i.CreatedAt).ThenBy(i => i.Id);
}
