using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CollabAddin.Api.Data.Migrations;

// Hand-written: EF's design package (and so `dotnet ef migrations add`) is not available here.
// Columns give CLR types and facets but no store type, so SQLite and PostgreSQL each map them with their own
// type mapping, exactly as the model does; identity annotations for both providers sit side by side and each
// provider ignores the other's. MigrationSchemaTests proves the result equals the model on both.

[DbContext(typeof(SqliteCollabDb)), Migration("20261122000000_Initial")]
public sealed class SqliteInitial : Initial;

[DbContext(typeof(PostgresCollabDb)), Migration("20261122000000_Initial")]
public sealed class PostgresInitial : Initial;

public abstract class Initial : Migration
{
    private const int Tenant = CollabModel.TenantLength, Email = CollabModel.EmailLength, Name = CollabModel.NameLength,
        Title = CollabModel.TitleLength, Text = CollabModel.TextLength, Enum = CollabModel.EnumLength, Zone = CollabModel.TimeZoneLength;

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Departments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<string>(maxLength: Tenant, nullable: false),
            Name = t.Column<string>(maxLength: Name, nullable: false),
            ContactEmail = t.Column<string>(maxLength: Email, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Departments", x => x.Id));

        m.CreateTable("Meetings", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<string>(maxLength: Tenant, nullable: false),
            Subject = t.Column<string>(maxLength: Title, nullable: false),
            OrganizerEmail = t.Column<string>(maxLength: Email, nullable: false),
            OrganizerName = t.Column<string>(maxLength: Name, nullable: false),
            OrganizerObjectId = t.Column<string>(maxLength: Tenant, nullable: true),
            StartUtc = t.Column<DateTime>(nullable: false),
            EndUtc = t.Column<DateTime>(nullable: false),
            TimeZone = t.Column<string>(maxLength: Zone, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Meetings", x => x.Id));

        m.CreateTable("MeetingAttendees", t => new
        {
            MeetingId = t.Column<Guid>(nullable: false),
            Email = t.Column<string>(maxLength: Email, nullable: false),
            DisplayName = t.Column<string>(maxLength: Name, nullable: false),
            Department = t.Column<string>(maxLength: Name, nullable: true),
            Kind = t.Column<string>(maxLength: Enum, nullable: false),
            Roles = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MeetingAttendees", x => new { x.MeetingId, x.Email });
            t.ForeignKey("FK_MeetingAttendees_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("ActionItems", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<string>(maxLength: Tenant, nullable: false),
            MeetingId = t.Column<Guid>(nullable: false),
            AgendaItemId = t.Column<Guid>(nullable: true),
            Title = t.Column<string>(maxLength: Title, nullable: false),
            Details = t.Column<string>(maxLength: Text, nullable: true),
            OwnerEmail = t.Column<string>(maxLength: Email, nullable: false),
            OwnerName = t.Column<string>(maxLength: Name, nullable: false),
            OwnerObjectId = t.Column<string>(maxLength: Tenant, nullable: true),
            DueDate = t.Column<DateOnly>(nullable: true),
            TimeZone = t.Column<string>(maxLength: Zone, nullable: false),
            LeadDepartmentId = t.Column<Guid>(nullable: true),
            Status = t.Column<string>(maxLength: Enum, nullable: false),
            NeedsHelp = t.Column<bool>(nullable: false),
            NeedsHelpReason = t.Column<string>(maxLength: Text, nullable: true),
            ProgressNote = t.Column<string>(maxLength: Text, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ActionItems", x => x.Id);
            t.ForeignKey("FK_ActionItems_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ActionItems_Departments_LeadDepartmentId", x => x.LeadDepartmentId, "Departments", "Id", onDelete: ReferentialAction.Restrict);
        });

        m.CreateTable("ActionItemCooperatingDepartments", t => new
        {
            ActionItemId = t.Column<Guid>(nullable: false),
            DepartmentId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ActionItemCooperatingDepartments", x => new { x.ActionItemId, x.DepartmentId });
            t.ForeignKey("FK_ActionItemCooperatingDepartments_ActionItems_ActionItemId", x => x.ActionItemId, "ActionItems", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ActionItemCooperatingDepartments_Departments_DepartmentId", x => x.DepartmentId, "Departments", "Id", onDelete: ReferentialAction.Restrict);
        });

        m.CreateTable("ActionItemChanges", t => new
        {
            Id = t.Column<long>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            TenantId = t.Column<string>(maxLength: Tenant, nullable: false),
            ActionItemId = t.Column<Guid>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            ByEmail = t.Column<string>(maxLength: Email, nullable: false),
            ByName = t.Column<string>(maxLength: Name, nullable: false),
            Source = t.Column<string>(maxLength: Enum, nullable: false),
            Field = t.Column<string>(maxLength: 64, nullable: false),
            OldValue = t.Column<string>(maxLength: Text, nullable: true),
            NewValue = t.Column<string>(maxLength: Text, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ActionItemChanges", x => x.Id);
            t.ForeignKey("FK_ActionItemChanges_ActionItems_ActionItemId", x => x.ActionItemId, "ActionItems", "Id", onDelete: ReferentialAction.Restrict);
        });

        m.CreateTable("Decisions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<string>(maxLength: Tenant, nullable: false),
            MeetingId = t.Column<Guid>(nullable: false),
            AgendaItemId = t.Column<Guid>(nullable: true),
            Text = t.Column<string>(maxLength: Text, nullable: false),
            OwnerEmail = t.Column<string>(maxLength: Email, nullable: true),
            OwnerName = t.Column<string>(maxLength: Name, nullable: true),
            Status = t.Column<string>(maxLength: Enum, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Decisions", x => x.Id);
            t.ForeignKey("FK_Decisions_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Restrict);
        });

        m.CreateIndex("IX_Departments_TenantId_Name", "Departments", ["TenantId", "Name"], unique: true);
        m.CreateIndex("IX_Meetings_TenantId_OrganizerEmail", "Meetings", ["TenantId", "OrganizerEmail"]);
        m.CreateIndex("IX_MeetingAttendees_Email", "MeetingAttendees", "Email");
        m.CreateIndex("IX_ActionItems_TenantId_OwnerEmail_DueDate", "ActionItems", ["TenantId", "OwnerEmail", "DueDate"]);
        m.CreateIndex("IX_ActionItems_TenantId_MeetingId", "ActionItems", ["TenantId", "MeetingId"]);
        m.CreateIndex("IX_ActionItems_MeetingId", "ActionItems", "MeetingId");
        m.CreateIndex("IX_ActionItems_LeadDepartmentId", "ActionItems", "LeadDepartmentId");
        m.CreateIndex("IX_ActionItemCooperatingDepartments_DepartmentId", "ActionItemCooperatingDepartments", "DepartmentId");
        m.CreateIndex("IX_ActionItemChanges_ActionItemId_Id", "ActionItemChanges", ["ActionItemId", "Id"]);
        m.CreateIndex("IX_Decisions_TenantId_MeetingId", "Decisions", ["TenantId", "MeetingId"]);
        m.CreateIndex("IX_Decisions_MeetingId", "Decisions", "MeetingId");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "ActionItemChanges", "ActionItemCooperatingDepartments", "Decisions", "ActionItems", "MeetingAttendees", "Meetings", "Departments" })
            m.DropTable(table);
    }
}
