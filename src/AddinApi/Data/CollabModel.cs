using CollabAddin.Api.ActionItems;
using CollabAddin.Api.Decisions;
using CollabAddin.Api.Departments;
using CollabAddin.Api.Meetings;
using Microsoft.EntityFrameworkCore;

namespace CollabAddin.Api.Data;

/// <summary>
/// Entity configuration, kept beside the context. The hand-written migrations in Migrations/ must produce
/// exactly this schema; MigrationSchemaTests compares the two on each provider.
/// </summary>
internal static class CollabModel
{
    public const int TenantLength = 64;
    public const int EmailLength = 320;
    public const int NameLength = 200;
    public const int TitleLength = 500;
    public const int TextLength = 4000;
    public const int EnumLength = 16;
    public const int TimeZoneLength = 64;

    public static void Configure(ModelBuilder model)
    {
        model.Entity<Department>(d =>
        {
            d.Property(x => x.TenantId).HasMaxLength(TenantLength);
            d.Property(x => x.Name).HasMaxLength(NameLength);
            d.Property(x => x.ContactEmail).HasMaxLength(EmailLength);
            d.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
        });

        model.Entity<Meeting>(m =>
        {
            m.Property(x => x.TenantId).HasMaxLength(TenantLength);
            m.Property(x => x.Subject).HasMaxLength(TitleLength);
            m.Property(x => x.OrganizerEmail).HasMaxLength(EmailLength);
            m.Property(x => x.OrganizerName).HasMaxLength(NameLength);
            m.Property(x => x.OrganizerObjectId).HasMaxLength(TenantLength);
            m.Property(x => x.TimeZone).HasMaxLength(TimeZoneLength);
            m.HasIndex(x => new { x.TenantId, x.OrganizerEmail });
            m.OwnsMany(x => x.Attendees, a =>
            {
                a.ToTable("MeetingAttendees");
                a.WithOwner().HasForeignKey("MeetingId");
                a.HasKey("MeetingId", nameof(MeetingAttendee.Email));
                a.Property(x => x.Email).HasMaxLength(EmailLength);
                a.Property(x => x.DisplayName).HasMaxLength(NameLength);
                a.Property(x => x.Department).HasMaxLength(NameLength);
                a.Property(x => x.Kind).HasConversion<string>().HasMaxLength(EnumLength);
                a.HasIndex(x => x.Email);
            });
        });

        model.Entity<ActionItem>(i =>
        {
            i.Property(x => x.TenantId).HasMaxLength(TenantLength);
            i.Property(x => x.Title).HasMaxLength(TitleLength);
            i.Property(x => x.Details).HasMaxLength(TextLength);
            i.Property(x => x.OwnerEmail).HasMaxLength(EmailLength);
            i.Property(x => x.OwnerName).HasMaxLength(NameLength);
            i.Property(x => x.OwnerObjectId).HasMaxLength(TenantLength);
            i.Property(x => x.TimeZone).HasMaxLength(TimeZoneLength);
            i.Property(x => x.Status).HasConversion<string>().HasMaxLength(EnumLength);
            i.Property(x => x.NeedsHelpReason).HasMaxLength(TextLength);
            i.Property(x => x.ProgressNote).HasMaxLength(TextLength);
            i.Property(x => x.Version).IsConcurrencyToken();
            // History must outlive nothing it describes: no cascading deletes from meetings or departments.
            i.HasOne(x => x.Meeting).WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
            i.HasOne(x => x.LeadDepartment).WithMany().HasForeignKey(x => x.LeadDepartmentId).OnDelete(DeleteBehavior.Restrict);
            i.HasMany(x => x.CooperatingDepartments).WithOne().HasForeignKey(x => x.ActionItemId).OnDelete(DeleteBehavior.Cascade);
            // "My action items": the caller's items in due order.
            i.HasIndex(x => new { x.TenantId, x.OwnerEmail, x.DueDate });
            i.HasIndex(x => new { x.TenantId, x.MeetingId });
        });

        model.Entity<CooperatingDepartment>(c =>
        {
            c.ToTable("ActionItemCooperatingDepartments");
            c.HasKey(x => new { x.ActionItemId, x.DepartmentId });
            c.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<ActionItemChange>(c =>
        {
            c.Property(x => x.TenantId).HasMaxLength(TenantLength);
            c.Property(x => x.ByEmail).HasMaxLength(EmailLength);
            c.Property(x => x.ByName).HasMaxLength(NameLength);
            c.Property(x => x.Source).HasConversion<string>().HasMaxLength(EnumLength);
            c.Property(x => x.Field).HasMaxLength(64);
            c.Property(x => x.OldValue).HasMaxLength(TextLength);
            c.Property(x => x.NewValue).HasMaxLength(TextLength);
            c.HasOne<ActionItem>().WithMany().HasForeignKey(x => x.ActionItemId).OnDelete(DeleteBehavior.Restrict);
            c.HasIndex(x => new { x.ActionItemId, x.Id });
        });

        model.Entity<Decision>(d =>
        {
            d.Property(x => x.TenantId).HasMaxLength(TenantLength);
            d.Property(x => x.Text).HasMaxLength(TextLength);
            d.Property(x => x.OwnerEmail).HasMaxLength(EmailLength);
            d.Property(x => x.OwnerName).HasMaxLength(NameLength);
            d.Property(x => x.Status).HasConversion<string>().HasMaxLength(EnumLength);
            d.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
            d.HasIndex(x => new { x.TenantId, x.MeetingId });
        });
    }
}
