using System.Globalization;
using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Auth;
using CollabAddin.Api.Data;
using CollabAddin.Api.Http;

namespace CollabAddin.Api.Projects;

/// <summary>
/// One row of the responsibilities table (《部门协作职责分工表》): the task, its lead department (主导) and cooperating
/// departments (协作), the concrete duty, the deliverable and its acceptance standard, the deadline and the owner.
/// Stored as an action item of the project, so owners, digests, alerts and escalation treat it as any other item.
/// </summary>
public sealed record ProjectTask(
    string? Title,
    string? Duty,
    Guid? LeadDepartmentId,
    List<Guid>? CooperatingDepartmentIds,
    string? Deliverable,
    string? AcceptanceStandard,
    DateOnly? DueDate,
    string? OwnerEmail,
    string? OwnerName,
    Guid? MilestoneId)
{
    public Dictionary<string, string[]> Validate(Project project, ISet<Guid> milestones, CultureInfo culture)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string code, params object[] args) => errors[field] = [Messages.Format(code, culture, args)];
        var inProject = project.Departments.Select(d => d.DepartmentId).Append(project.InitiatingDepartmentId).ToHashSet();
        if (string.IsNullOrWhiteSpace(Title)) Error("title", "project.taskTitleMissing");
        else if (Title.Trim().Length > CollabModel.TitleLength) Error("title", "text.tooLong", CollabModel.TitleLength);
        if (Duty is { Length: > CollabModel.TextLength }) Error("duty", "text.tooLong", CollabModel.TextLength);
        if (LeadDepartmentId is not { } lead || !inProject.Contains(lead)) Error("leadDepartmentId", "project.departmentNotInvolved");
        if (CooperatingDepartmentIds?.FirstOrDefault(d => !inProject.Contains(d)) is { } stray && stray != Guid.Empty) Error("cooperatingDepartmentIds", "project.departmentNotInvolved");
        if (string.IsNullOrWhiteSpace(Deliverable)) Error("deliverable", "project.deliverableMissing");
        else if (Deliverable.Trim().Length > CollabModel.GoalLength) Error("deliverable", "text.tooLong", CollabModel.GoalLength);
        if (string.IsNullOrWhiteSpace(AcceptanceStandard)) Error("acceptanceStandard", "project.standardMissing");
        else if (AcceptanceStandard.Trim().Length > CollabModel.GoalLength) Error("acceptanceStandard", "text.tooLong", CollabModel.GoalLength);
        if (DueDate is null) Error("dueDate", "project.dueMissing");
        if (!Emails.IsValid(OwnerEmail)) Error("ownerEmail", "project.ownerMissing");
        if (OwnerName is { Length: > CollabModel.NameLength }) Error("ownerName", "text.tooLong", CollabModel.NameLength);
        if (MilestoneId is { } milestone && !milestones.Contains(milestone)) Error("milestoneId", "project.milestoneUnknown");
        return errors;
    }

    /// <summary>Copies the row onto the item; an owner who changes loses the old owner's account binding.</summary>
    public void ApplyTo(ActionItem item)
    {
        static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var owner = Emails.Normalize(OwnerEmail!);
        if (item.OwnerEmail != owner) item.OwnerObjectId = null;
        (item.Title, item.Details, item.LeadDepartmentId, item.Deliverable, item.AcceptanceStandard, item.DueDate, item.OwnerEmail, item.OwnerName, item.MilestoneId) =
            (Title!.Trim(), Text(Duty), LeadDepartmentId, Text(Deliverable), Text(AcceptanceStandard), DueDate, owner, Text(OwnerName) ?? owner, MilestoneId);
        var cooperating = (CooperatingDepartmentIds ?? []).Where(d => d != LeadDepartmentId).Distinct().ToList();
        item.CooperatingDepartments.RemoveAll(c => !cooperating.Contains(c.DepartmentId));
        item.CooperatingDepartments.AddRange(cooperating.Where(d => item.CooperatingDepartments.All(c => c.DepartmentId != d))
            .Select(d => new CooperatingDepartment { ActionItemId = item.Id, DepartmentId = d }));
    }
}

/// <summary>A milestone as typed: its name and date.</summary>
public sealed record MilestoneInput(string? Name, DateOnly? Date)
{
    public Dictionary<string, string[]> Validate(CultureInfo culture)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name)) errors["name"] = [Messages.Format("project.milestoneNameMissing", culture)];
        else if (Name.Trim().Length > CollabModel.NameLength) errors["name"] = [Messages.Format("text.tooLong", culture, CollabModel.NameLength)];
        if (Date is null) errors["date"] = [Messages.Format("project.milestoneDateMissing", culture)];
        return errors;
    }
}
