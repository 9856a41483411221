using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Departments;
using CollabAddin.Api.Meetings;
using Microsoft.EntityFrameworkCore;
using static CollabAddin.Api.Data.CollabModel;

namespace CollabAddin.Api.Projects;

/// <summary>The projects' tables, configured beside the feature; CollabModel calls it with the rest of the model.</summary>
internal static class ProjectModel
{
    public const int NumberLength = 32;

    public static void Configure(ModelBuilder model)
    {
        model.Entity<Project>(p =>
        {
            p.Property(x => x.TenantId).HasMaxLength(TenantLength);
            p.Property(x => x.Number).HasMaxLength(NumberLength);
            p.Property(x => x.Title).HasMaxLength(TitleLength);
            p.Property(x => x.InitiatorEmail).HasMaxLength(EmailLength);
            p.Property(x => x.InitiatorName).HasMaxLength(NameLength);
            p.Property(x => x.InitiatorObjectId).HasMaxLength(TenantLength);
            p.Property(x => x.Background).HasMaxLength(TextLength);
            p.Property(x => x.Goal).HasMaxLength(GoalLength);
            p.Property(x => x.Scope).HasMaxLength(TextLength);
            p.Property(x => x.Exclusions).HasMaxLength(TextLength);
            p.Property(x => x.ExpectedResults).HasMaxLength(TextLength);
            p.Property(x => x.TimeZone).HasMaxLength(TimeZoneLength);
            p.Property(x => x.Language).HasMaxLength(EnumLength);
            p.Property(x => x.State).HasConversion<string>().HasMaxLength(EnumLength);
            p.Property(x => x.ReturnReason).HasMaxLength(EnumLength);
            p.Property(x => x.ReturnComment).HasMaxLength(GoalLength);
            p.Property(x => x.ExecutiveEmail).HasMaxLength(EmailLength);
            p.Property(x => x.ExecutiveName).HasMaxLength(NameLength);
            p.Property(x => x.Version).IsConcurrencyToken();
            p.HasIndex(x => new { x.TenantId, x.Number }).IsUnique(); // the readable number is the tenant's own
            p.HasIndex(x => new { x.TenantId, x.InitiatorEmail });
            p.HasOne(x => x.InitiatingDepartment).WithMany().HasForeignKey(x => x.InitiatingDepartmentId).OnDelete(DeleteBehavior.Restrict);
            p.OwnsMany(x => x.Kpis, k =>
            {
                k.ToTable("ProjectKpis");
                k.WithOwner().HasForeignKey("ProjectId");
                k.HasKey("ProjectId", nameof(ProjectKpi.Position));
                k.Property(x => x.Position).ValueGeneratedNever();
                k.Property(x => x.Name).HasMaxLength(NameLength);
                k.Property(x => x.Target).HasMaxLength(NameLength);
                k.Property(x => x.Unit).HasMaxLength(EnumLength * 2);
            });
            p.OwnsMany(x => x.Departments, d =>
            {
                d.ToTable("ProjectDepartments");
                d.WithOwner().HasForeignKey("ProjectId");
                d.HasKey("ProjectId", nameof(InvolvedDepartment.DepartmentId));
                d.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
                d.Property(x => x.Response).HasConversion<string>().HasMaxLength(EnumLength);
                d.Property(x => x.Comment).HasMaxLength(GoalLength);
                d.Property(x => x.RespondedByEmail).HasMaxLength(EmailLength);
                d.Property(x => x.RespondedByName).HasMaxLength(NameLength);
            });
            p.OwnsOne(x => x.Communication, c =>
            {
                c.Property(x => x.SeriesId).HasColumnName("CommunicationSeriesId");
                c.Property(x => x.Cadence).HasColumnName("Cadence").HasMaxLength(TitleLength);
                c.Property(x => x.Channels).HasColumnName("Channels").HasMaxLength(GoalLength);
                c.Property(x => x.RoutineContacts).HasColumnName("RoutineContacts").HasMaxLength(GoalLength);
                c.Property(x => x.MajorDecisions).HasColumnName("MajorDecisions").HasMaxLength(GoalLength);
            });
            p.Navigation(x => x.Communication).IsRequired();
            p.OwnsOne(x => x.Retrospective, r =>
            {
                r.Property(x => x.WentWell).HasColumnName("RetroWentWell").HasMaxLength(TextLength);
                r.Property(x => x.Problems).HasColumnName("RetroProblems").HasMaxLength(TextLength);
            });
            p.Navigation(x => x.Retrospective).IsRequired();
        });

        model.Entity<ProjectIssue>(i =>
        {
            i.Property(x => x.TenantId).HasMaxLength(TenantLength);
            i.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            i.Property(x => x.Title).HasMaxLength(TitleLength);
            i.Property(x => x.Description).HasMaxLength(TextLength);
            i.Property(x => x.DepartmentIds).HasMaxLength(80);
            i.Property(x => x.RaisedByEmail).HasMaxLength(EmailLength);
            i.Property(x => x.RaisedByName).HasMaxLength(NameLength);
            i.Property(x => x.Level).HasConversion<string>().HasMaxLength(EnumLength);
            i.Property(x => x.Resolution).HasMaxLength(GoalLength);
            i.Property(x => x.ResolvedByEmail).HasMaxLength(EmailLength);
            i.Property(x => x.ResolvedByName).HasMaxLength(NameLength);
            i.Property(x => x.Version).IsConcurrencyToken();
            i.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
            i.HasOne<ActionItem>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
            i.HasIndex(x => new { x.TenantId, x.ProjectId });
            i.HasIndex(x => new { x.ResolvedAt, x.DueAt }); // the worker's pass: open issues whose time ran out
            i.OwnsMany(x => x.Steps, s =>
            {
                s.ToTable("ProjectIssueSteps");
                s.WithOwner().HasForeignKey("IssueId");
                s.HasKey("IssueId", nameof(IssueStep.Number));
                s.Property(x => x.Number).ValueGeneratedNever();
                s.Property(x => x.Level).HasConversion<string>().HasMaxLength(EnumLength);
                s.Property(x => x.Action).HasMaxLength(EnumLength);
                s.Property(x => x.ByEmail).HasMaxLength(EmailLength);
                s.Property(x => x.ByName).HasMaxLength(NameLength);
                s.Property(x => x.Outcome).HasMaxLength(GoalLength);
            });
        });

        model.Entity<ProjectRisk>(r =>
        {
            r.Property(x => x.TenantId).HasMaxLength(TenantLength);
            r.Property(x => x.Description).HasMaxLength(GoalLength);
            r.Property(x => x.Probability).HasConversion<string>().HasMaxLength(EnumLength);
            r.Property(x => x.Impact).HasConversion<string>().HasMaxLength(EnumLength);
            r.Property(x => x.OwnerEmail).HasMaxLength(EmailLength);
            r.Property(x => x.OwnerName).HasMaxLength(NameLength);
            r.Property(x => x.Response).HasMaxLength(GoalLength);
            r.Property(x => x.Status).HasConversion<string>().HasMaxLength(EnumLength);
            r.Property(x => x.ReviewNote).HasMaxLength(GoalLength);
            r.Property(x => x.Version).IsConcurrencyToken();
            r.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
            r.HasIndex(x => new { x.TenantId, x.ProjectId });
        });

        model.Entity<ProjectAcceptance>(a =>
        {
            a.Property(x => x.TenantId).HasMaxLength(TenantLength);
            a.Property(x => x.Note).HasMaxLength(GoalLength);
            a.Property(x => x.SubmittedByEmail).HasMaxLength(EmailLength);
            a.Property(x => x.SubmittedByName).HasMaxLength(NameLength);
            a.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(EnumLength);
            a.Property(x => x.Comment).HasMaxLength(GoalLength);
            a.Property(x => x.ReworkWhat).HasMaxLength(GoalLength);
            a.Property(x => x.JointlyWith).HasMaxLength(GoalLength);
            a.Property(x => x.DecidedByEmail).HasMaxLength(EmailLength);
            a.Property(x => x.DecidedByName).HasMaxLength(NameLength);
            a.Property(x => x.Version).IsConcurrencyToken();
            a.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
            a.HasOne<ActionItem>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
            a.HasIndex(x => new { x.TaskId, x.Round }).IsUnique(); // one submission per round: two at once cannot both be round 2
            a.HasIndex(x => new { x.TenantId, x.ProjectId });
            a.OwnsMany(x => x.SelfChecks, c =>
            {
                c.ToTable("SelfChecks");
                c.WithOwner().HasForeignKey("AcceptanceId");
                c.HasKey("AcceptanceId", nameof(SelfCheck.Position));
                c.Property(x => x.Position).ValueGeneratedNever();
                c.Property(x => x.Standard).HasMaxLength(GoalLength);
                c.Property(x => x.Evidence).HasMaxLength(UrlLength);
            });
        });

        model.Entity<ProjectRating>(r =>
        {
            r.Property(x => x.TenantId).HasMaxLength(TenantLength);
            r.Property(x => x.RaterObjectId).HasMaxLength(TenantLength);
            r.HasKey(x => new { x.ProjectId, x.RaterObjectId }); // one answer per person and project
            r.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<ProjectMilestone>(m =>
        {
            m.Property(x => x.TenantId).HasMaxLength(TenantLength);
            m.Property(x => x.Name).HasMaxLength(NameLength);
            m.Property(x => x.Version).IsConcurrencyToken();
            m.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
            m.HasIndex(x => new { x.TenantId, x.ProjectId, x.Date });
            m.OwnsMany(x => x.Confirmations, c =>
            {
                c.ToTable("MilestoneConfirmations");
                c.WithOwner().HasForeignKey("MilestoneId");
                c.HasKey("MilestoneId", nameof(MilestoneConfirmation.DepartmentId));
                c.Property(x => x.ByEmail).HasMaxLength(EmailLength);
                c.Property(x => x.ByName).HasMaxLength(NameLength);
            });
        });

        model.Entity<ProjectEvent>(e =>
        {
            e.Property(x => x.TenantId).HasMaxLength(TenantLength);
            e.Property(x => x.ByEmail).HasMaxLength(EmailLength);
            e.Property(x => x.ByName).HasMaxLength(NameLength);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Detail).HasMaxLength(GoalLength);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.ProjectId, x.Id });
        });

        // A task belongs to its project and may lead to one of its milestones; a meeting may belong to a project.
        model.Entity<ActionItem>(i =>
        {
            i.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
            i.HasOne<ProjectMilestone>().WithMany().HasForeignKey(x => x.MilestoneId).OnDelete(DeleteBehavior.Restrict);
            i.HasIndex(x => new { x.TenantId, x.ProjectId });
            i.Property(x => x.Deliverable).HasMaxLength(GoalLength);
            i.Property(x => x.AcceptanceStandard).HasMaxLength(GoalLength);
            i.Property(x => x.Improvement).HasDefaultValue(false); // the column came after the table: existing rows are not improvements
        });
        model.Entity<Meeting>(m => m.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict));
        model.Entity<Department>(d =>
        {
            d.Property(x => x.HeadEmail).HasMaxLength(EmailLength);
            d.Property(x => x.HeadName).HasMaxLength(NameLength);
        });
    }
}
