using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Projects;

/// <summary>
/// What the caller is to a project; rights follow from it. The initiator and the initiating department's head run the
/// project (the head approves the request and accepts results); the heads of involved departments respond for them and
/// confirm milestones; contacts and task owners take part; the executive sees everything and takes the last escalation.
/// Initiators and owners are matched by account (Auth/PersonMatch); heads, contacts and the executive, whom tenant
/// admins and initiators name by email, by email.
/// </summary>
public sealed record ProjectAccess(bool IsInitiator, bool IsInitiatingHead, IReadOnlySet<Guid> HeadOf, IReadOnlySet<Guid> ContactOf, bool IsExecutive, bool IsTaskOwner)
{
    public static ProjectAccess Of(Project project, Caller caller, bool isTaskOwner)
    {
        bool Me(string? email) => email is not null && string.Equals(email, caller.Email, StringComparison.OrdinalIgnoreCase);
        var departments = project.Departments.Select(d => d.Department!).Append(project.InitiatingDepartment!).ToList();
        return new(PersonMatch.Is(project.InitiatorObjectId, project.InitiatorEmail, caller),
            Me(project.InitiatingDepartment!.HeadEmail),
            departments.Where(d => Me(d.HeadEmail)).Select(d => d.Id).ToHashSet(),
            departments.Where(d => Me(d.ContactEmail)).Select(d => d.Id).ToHashSet(),
            Me(project.ExecutiveEmail), isTaskOwner);
    }

    /// <summary>A draft is the initiator's own until it is submitted; from then on everyone in the project sees it.</summary>
    public bool CanSee(Project project) => IsInitiator || project.State != ProjectState.Draft
        && (IsInitiatingHead || HeadOf.Count > 0 || ContactOf.Count > 0 || IsExecutive || IsTaskOwner);

    /// <summary>Plans the work: responsibilities, milestones, the communication mechanism, the kickoff.</summary>
    public bool Runs => IsInitiator || IsInitiatingHead;
}

/// <summary>Loading a project for a caller who must be part of it: 404 outside the tenant, 403 for anyone else.</summary>
public static class ProjectLookup
{
    public static IQueryable<Project> WithPeople(this IQueryable<Project> projects) =>
        projects.Include(p => p.InitiatingDepartment).Include(p => p.Departments).ThenInclude(d => d.Department).AsSplitQuery();

    public static async Task<(Project? Project, ProjectAccess? Access, ProblemHttpResult? Refusal)> SeenByAsync(CollabDb db, Guid id, Caller caller,
        System.Globalization.CultureInfo culture, CancellationToken ct, bool tracked = false)
    {
        var project = await (tracked ? db.Projects : db.Projects.AsNoTracking()).WithPeople().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return (null, null, Problems.Problem(StatusCodes.Status404NotFound, Messages.Format("project.notFound", culture)));
        var (email, oid) = (caller.Email, caller.ObjectId);
        var owner = await db.ActionItems.AnyAsync(i => i.ProjectId == id && i.OwnerEmail == email && (i.OwnerObjectId == oid || i.OwnerObjectId == null), ct);
        var access = ProjectAccess.Of(project, caller, owner);
        return access.CanSee(project)
            ? (project, access, null)
            : (null, null, Problems.Problem(StatusCodes.Status403Forbidden, Messages.Format("project.cannotSee", culture)));
    }

    /// <summary>The projects the caller takes part in, in any role (the same roles as <see cref="ProjectAccess"/>, in SQL).</summary>
    public static IQueryable<Project> TakingPart(this IQueryable<Project> projects, CollabDb db, Caller caller)
    {
        var (email, oid) = (caller.Email, caller.ObjectId);
        return projects.Where(p => p.InitiatorEmail == email && (p.InitiatorObjectId == oid || p.InitiatorObjectId == null)
            || p.State != ProjectState.Draft && (p.ExecutiveEmail == email
                || p.InitiatingDepartment!.HeadEmail == email || p.InitiatingDepartment.ContactEmail == email
                || p.Departments.Any(d => d.Department!.HeadEmail == email || d.Department.ContactEmail == email)
                || db.ActionItems.Any(i => i.ProjectId == p.Id && i.OwnerEmail == email && (i.OwnerObjectId == oid || i.OwnerObjectId == null))));
    }
}
