using CollabAddin.Api.ActionItems;

namespace CollabAddin.Api.Projects;

public sealed record KpiResponse(string Name, string Target, string? Unit);
public sealed record InvolvedDepartmentResponse(Guid Id, string Name, PersonRef? Head, string? ContactEmail,
    DepartmentResponse Response, string? Comment, PersonRef? RespondedBy, DateTime? RespondedAt);
public sealed record CommunicationResponse(Guid? SeriesId, string? Cadence, string? Channels, string? RoutineContacts, string? MajorDecisions);

/// <summary>What the caller is to the project, and so which actions the pane offers (the API checks each again).</summary>
public sealed record YourPart(bool Initiator, bool InitiatingHead, IReadOnlyList<Guid> HeadOf, IReadOnlyList<Guid> ContactOf, bool Executive, bool TaskOwner,
    bool CanEdit, bool CanSubmit, bool CanReview, bool Runs);

/// <summary>
/// A project as the pane shows it: the request, the departments' responses, and the caller's part. <c>Missing</c> is what
/// would stop a submission now (field → message), shown while the initiator writes the request.
/// </summary>
public sealed record ProjectResponse(
    Guid Id,
    string Number,
    string Title,
    ProjectState State,
    DepartmentRef InitiatingDepartment,
    PersonRef? InitiatingHead,
    PersonRef Initiator,
    string Background,
    string Goal,
    string Scope,
    string Exclusions,
    string ExpectedResults,
    IReadOnlyList<KpiResponse> Kpis,
    DateOnly StartDate,
    DateOnly EndDate,
    string TimeZone,
    string Language,
    IReadOnlyList<InvolvedDepartmentResponse> Departments,
    string? ReturnReason,
    string? ReturnComment,
    PersonRef? Executive,
    CommunicationResponse Communication,
    ClosureResponse? Closure,
    YourPart You,
    IReadOnlyDictionary<string, string[]> Missing,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version)
{
    public static ProjectResponse From(Project p, ProjectAccess access, IReadOnlyDictionary<string, string[]> missing)
    {
        static PersonRef? Person(string? email, string? name) => email is null ? null : new PersonRef(email, name ?? email);
        var editable = p.State is ProjectState.Draft or ProjectState.Returned;
        return new(p.Id, p.Number, p.Title, p.State,
            new DepartmentRef(p.InitiatingDepartmentId, p.InitiatingDepartment!.Name), Person(p.InitiatingDepartment.HeadEmail, p.InitiatingDepartment.HeadName),
            new PersonRef(p.InitiatorEmail, p.InitiatorName),
            p.Background, p.Goal, p.Scope, p.Exclusions, p.ExpectedResults,
            p.Kpis.OrderBy(k => k.Position).Select(k => new KpiResponse(k.Name, k.Target, k.Unit)).ToList(),
            p.StartDate, p.EndDate, p.TimeZone, p.Language,
            p.Departments.OrderBy(d => d.Department!.Name, StringComparer.Ordinal).Select(d => new InvolvedDepartmentResponse(d.DepartmentId, d.Department!.Name,
                Person(d.Department.HeadEmail, d.Department.HeadName), d.Department.ContactEmail, d.Response, d.Comment,
                Person(d.RespondedByEmail, d.RespondedByName), d.RespondedAt)).ToList(),
            p.ReturnReason, p.ReturnComment, Person(p.ExecutiveEmail, p.ExecutiveName),
            new CommunicationResponse(p.Communication.SeriesId, p.Communication.Cadence, p.Communication.Channels, p.Communication.RoutineContacts, p.Communication.MajorDecisions),
            p.ClosedAt is { } closed ? new ClosureResponse(closed, p.Retrospective.WentWell, p.Retrospective.Problems) : null,
            new YourPart(access.IsInitiator, access.IsInitiatingHead, access.HeadOf.ToList(), access.ContactOf.ToList(), access.IsExecutive, access.IsTaskOwner,
                CanEdit: access.IsInitiator && editable, CanSubmit: access.IsInitiator && editable,
                CanReview: access.IsInitiatingHead && p.State == ProjectState.Submitted, Runs: access.Runs && p.State != ProjectState.Closed),
            editable ? missing : new Dictionary<string, string[]>(),
            p.CreatedAt, p.UpdatedAt, p.Version);
    }
}

/// <summary>When the project closed and its retrospective; the improvements are its tasks marked as such.</summary>
public sealed record ClosureResponse(DateTime ClosedAt, string? WentWell, string? Problems);

/// <summary>One line of "my projects", with the caller's parts in it (initiator, head, contact, owner, executive).</summary>
public sealed record ProjectSummary(Guid Id, string Number, string Title, ProjectState State, string InitiatingDepartment, PersonRef Initiator,
    DateOnly StartDate, DateOnly EndDate, DateTime UpdatedAt, IReadOnlyList<string> YourParts);

public sealed record ProjectEventResponse(long Id, DateTime At, PersonRef By, string Kind, string? Detail);
