using CollabAddin.Api.Departments;
using CollabAddin.Api.Meetings;

namespace CollabAddin.Api.ActionItems;

/// <summary>A commitment that came out of a meeting: what, who, by when, which departments.</summary>
public sealed class ActionItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    public Guid MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    /// <summary>The agenda item this came from, when the minutes say so.</summary>
    public Guid? AgendaItemId { get; set; }

    /// <summary>The decision this item carries out, when linked in the register.</summary>
    public Guid? DecisionId { get; set; }

    public required string Title { get; set; }
    public string? Details { get; set; }

    /// <summary>Stored lower-case: the owner is matched on it against the caller's sign-in name.</summary>
    public required string OwnerEmail { get; set; }
    public required string OwnerName { get; set; }
    /// <summary>Directory object id (Entra <c>oid</c>) once known.</summary>
    public string? OwnerObjectId { get; set; }

    /// <summary>A calendar date in <see cref="TimeZone"/>, the meeting's zone: "due 1 Dec" means the end of 1 Dec there.</summary>
    public DateOnly? DueDate { get; set; }
    public required string TimeZone { get; set; }

    public Guid? LeadDepartmentId { get; set; }
    public Department? LeadDepartment { get; set; }
    public List<CooperatingDepartment> CooperatingDepartments { get; set; } = [];

    public ActionItemStatus Status { get; set; } = ActionItemStatus.Open;
    public bool NeedsHelp { get; set; }
    public string? NeedsHelpReason { get; set; }
    public string? ProgressNote { get; set; }
    /// <summary>Why the item is off track, when it is (resources, changed requirements, …): the report's deviation column.</summary>
    public string? DeviationReason { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Bumped on every save; the ETag clients send back in If-Match.</summary>
    public int Version { get; set; }

    /// <summary>
    /// The row as the minutes last published it (JSON), or null for items that did not come from minutes. It is the
    /// common ancestor of the three-way merge: what the document says now, what the item is now, what both started from.
    /// </summary>
    public string? PublishedRow { get; set; }
}

/// <summary>Join row: a department that cooperates on an item (协作方).</summary>
public sealed class CooperatingDepartment
{
    public Guid ActionItemId { get; set; }
    public Guid DepartmentId { get; set; }
    public Department? Department { get; set; }
}
