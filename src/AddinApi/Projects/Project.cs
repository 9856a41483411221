using CollabAddin.Api.Departments;

namespace CollabAddin.Api.Projects;

/// <summary>
/// Where a collaboration project stands. A request is written (Draft), sent to the initiating department's head
/// (Submitted), sent back with a reason (Returned) or approved (Active); Closed is read-only for good.
/// </summary>
public enum ProjectState
{
    Draft,
    Submitted,
    Returned,
    Active,
    Closed,
}

/// <summary>An involved department's first answer to the request (agree, need changes, conflict).</summary>
public enum DepartmentResponse
{
    Pending,
    Agree,
    NeedsChanges,
    Conflict,
}

/// <summary>
/// A collaboration project (协作项目): a piece of joint work one department starts and others take part in. It begins as
/// the request form (《部门协作需求申请表》) and carries the responsibilities, milestones and communication mechanism that
/// are agreed afterwards. Its tasks are action items in the ordinary store (<see cref="ActionItems.ActionItem.ProjectId"/>).
/// </summary>
public sealed class Project : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string TenantId { get; set; }
    /// <summary>Readable and unique per tenant: "XT-2026-0042" (<see cref="ProjectNumbers"/>).</summary>
    public required string Number { get; set; }
    public required string Title { get; set; }
    public Guid InitiatingDepartmentId { get; set; }
    public Department? InitiatingDepartment { get; set; }
    public required string InitiatorEmail { get; set; }
    public required string InitiatorName { get; set; }
    public string? InitiatorObjectId { get; set; }

    public string Background { get; set; } = "";
    /// <summary>The SMART goal; the meeting policy's measurability check applies (Meetings/MeetingPolicy.IsMeasurable).</summary>
    public string Goal { get; set; } = "";
    public string Scope { get; set; } = "";
    /// <summary>What is explicitly not part of it ("不包含售后环节").</summary>
    public string Exclusions { get; set; } = "";
    public string ExpectedResults { get; set; } = "";
    public List<ProjectKpi> Kpis { get; set; } = [];
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>The zone the project's dates are read in (due dates of its tasks, milestones).</summary>
    public required string TimeZone { get; set; }
    /// <summary>The language its mails and documents are written in (the initiator's, at creation).</summary>
    public required string Language { get; set; }

    public List<InvolvedDepartment> Departments { get; set; } = [];

    public ProjectState State { get; set; } = ProjectState.Draft;
    /// <summary>Why the head returned it (goalUnclear, resources, timing, other) and in their words; kept after resubmission.</summary>
    public string? ReturnReason { get; set; }
    public string? ReturnComment { get; set; }

    /// <summary>The responsible executive (分管副总): the last level of the escalation chain.</summary>
    public string? ExecutiveEmail { get; set; }
    public string? ExecutiveName { get; set; }

    /// <summary>The communication mechanism (《沟通机制确认表》).</summary>
    public Communication Communication { get; set; } = new();

    /// <summary>When it was closed: from then on it is read-only, except the retrospective's improvements (created then).</summary>
    public DateTime? ClosedAt { get; set; }
    public Retrospective Retrospective { get; set; } = new();

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Bumped on every change to the project itself; the ETag for If-Match.</summary>
    public int Version { get; set; }
}

/// <summary>An expected result as a figure: name, target, unit ("on-shelf rate", "95", "%").</summary>
public sealed class ProjectKpi
{
    public int Position { get; set; }
    public required string Name { get; set; }
    public required string Target { get; set; }
    public string? Unit { get; set; }
}

/// <summary>A department taking part, and its first response to the request.</summary>
public sealed class InvolvedDepartment
{
    public Guid DepartmentId { get; set; }
    public Department? Department { get; set; }
    public DepartmentResponse Response { get; set; }
    public string? Comment { get; set; }
    public string? RespondedByEmail { get; set; }
    public string? RespondedByName { get; set; }
    public DateTime? RespondedAt { get; set; }
}

/// <summary>How the project talks: regular meetings, channels, who decides what. Owned by the project (same row).</summary>
public sealed class Communication
{
    /// <summary>The meeting series its regular meetings are, when there is one (Series/MeetingSeries).</summary>
    public Guid? SeriesId { get; set; }
    /// <summary>A plain cadence when there is no series ("every Monday 10:00, 30 min").</summary>
    public string? Cadence { get; set; }
    public string? Channels { get; set; }
    /// <summary>Who answers routine questions (the departments' contacts, unless said otherwise).</summary>
    public string? RoutineContacts { get; set; }
    /// <summary>What goes to the department heads for a decision.</summary>
    public string? MajorDecisions { get; set; }
}
