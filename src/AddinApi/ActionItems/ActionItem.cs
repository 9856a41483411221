using CollabAddin.Api.Departments;
using CollabAddin.Api.Meetings;

namespace CollabAddin.Api.ActionItems;

/// <summary>
/// A commitment: what, who, by when, which departments. It came out of a meeting, or is a task of a collaboration
/// project (Projects/Project), or both (a project meeting's item); at least one of the two is always set.
/// </summary>
public sealed class ActionItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    public Guid? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    /// <summary>The collaboration project this is a task of (the responsibilities table, 《部门协作职责分工表》).</summary>
    public Guid? ProjectId { get; set; }
    public Projects.Project? Project { get; set; }
    /// <summary>The project milestone it leads to: a late or blocked task puts that milestone at risk.</summary>
    public Guid? MilestoneId { get; set; }
    /// <summary>A project task's deliverable and the standard it is accepted against.</summary>
    public string? Deliverable { get; set; }
    public string? AcceptanceStandard { get; set; }
    /// <summary>
    /// An improvement from its project's retrospective: the one kind of task that stays live after the close. Marked, not
    /// inferred from timestamps: a task added in the same instant as the close, or on an instance whose clock runs ahead,
    /// must not pass for one.
    /// </summary>
    public bool Improvement { get; set; }

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

    // Read from the meeting, or for a project task without one, the project (both must be loaded): what mails and
    // reports name it by, the language they are written in, and who answers for it at the last escalation level.
    public string? SourceName => Meeting?.Subject ?? (Project is null ? null : $"{Project.Number} {Project.Title}");
    public string? Language => Meeting?.Language ?? Project?.Language;
    public string? StewardEmail => Meeting?.OrganizerEmail ?? Project?.InitiatorEmail;

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
