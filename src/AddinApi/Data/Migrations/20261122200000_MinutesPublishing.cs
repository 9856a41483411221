using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CollabAddin.Api.Data.Migrations;

// Hand-written, provider-neutral like Initial (see there). Adds what publishing minutes keeps: each item's last
// published row (the base of the three-way merge), the attendance, and the publications with their documents.

[DbContext(typeof(SqliteCollabDb)), Migration("20261122200000_MinutesPublishing")]
public sealed class SqliteMinutesPublishing : MinutesPublishing;

[DbContext(typeof(PostgresCollabDb)), Migration("20261122200000_MinutesPublishing")]
public sealed class PostgresMinutesPublishing : MinutesPublishing;

public abstract class MinutesPublishing : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("PublishedRow", "ActionItems", maxLength: CollabModel.PublishedRowLength, nullable: true);

        m.CreateTable("MeetingAttendance", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            MeetingId = t.Column<Guid>(nullable: false),
            Email = t.Column<string>(maxLength: CollabModel.EmailLength, nullable: true),
            Name = t.Column<string>(maxLength: CollabModel.NameLength, nullable: false),
            Status = t.Column<string>(maxLength: CollabModel.EnumLength, nullable: false),
            Delegate = t.Column<string>(maxLength: CollabModel.NameLength, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MeetingAttendance", x => x.Id);
            t.ForeignKey("FK_MeetingAttendance_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("MinutesPublications", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<string>(maxLength: CollabModel.TenantLength, nullable: false),
            MeetingId = t.Column<Guid>(nullable: false),
            PublishedAt = t.Column<DateTime>(nullable: false),
            ByEmail = t.Column<string>(maxLength: CollabModel.EmailLength, nullable: false),
            Sha256 = t.Column<string>(maxLength: 64, nullable: false),
            Created = t.Column<int>(nullable: false),
            Updated = t.Column<int>(nullable: false),
            Cancelled = t.Column<int>(nullable: false),
            Conflicts = t.Column<int>(nullable: false),
            Warnings = t.Column<int>(nullable: false),
            Document = t.Column<byte[]>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MinutesPublications", x => x.Id);
            t.ForeignKey("FK_MinutesPublications_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Restrict);
        });

        m.CreateIndex("IX_MeetingAttendance_MeetingId", "MeetingAttendance", "MeetingId");
        m.CreateIndex("IX_MinutesPublications_TenantId_MeetingId_PublishedAt", "MinutesPublications", ["TenantId", "MeetingId", "PublishedAt"]);
        m.CreateIndex("IX_MinutesPublications_MeetingId", "MinutesPublications", "MeetingId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("MinutesPublications");
        m.DropTable("MeetingAttendance");
        m.DropColumn("PublishedRow", "ActionItems");
    }
}
