using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CollabAddin.Api.Data.Migrations;

// Hand-written, provider-neutral like Initial (see there). Access follows a person's immutable object id: the people
// seen at sign-in, the attendees' object ids, and an index for "my items" by account. Existing rows are bound from
// what is already known — organizers' object ids were stored since the first release — and the rest at first sign-in.

[DbContext(typeof(SqliteCollabDb)), Migration("20261129200000_PersonIdentity")]
public sealed class SqlitePersonIdentity : PersonIdentity;

[DbContext(typeof(PostgresCollabDb)), Migration("20261129200000_PersonIdentity")]
public sealed class PostgresPersonIdentity : PersonIdentity;

public abstract class PersonIdentity : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("ObjectId", "MeetingAttendees", maxLength: CollabModel.TenantLength, nullable: true);
        m.CreateTable("KnownPeople", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<string>(maxLength: CollabModel.TenantLength, nullable: false),
            ObjectId = t.Column<string>(maxLength: CollabModel.TenantLength, nullable: false),
            Email = t.Column<string>(maxLength: CollabModel.EmailLength, nullable: false),
            Name = t.Column<string>(maxLength: CollabModel.NameLength, nullable: false),
            LastSeenAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_KnownPeople", x => x.Id));
        m.CreateIndex("IX_KnownPeople_TenantId_ObjectId", "KnownPeople", ["TenantId", "ObjectId"], unique: true);
        m.CreateIndex("IX_KnownPeople_TenantId_Email", "KnownPeople", ["TenantId", "Email"]);
        m.CreateIndex("IX_ActionItems_TenantId_OwnerObjectId_DueDate", "ActionItems", ["TenantId", "OwnerObjectId", "DueDate"]);
        m.CreateIndex("IX_MeetingAttendees_ObjectId", "MeetingAttendees", ["ObjectId"]);

        // An organizer's object id is known: bind the same person's items and attendances in the same tenant.
        // (MIN rather than LIMIT/TOP: the same SQL on every provider; an email has one organizer id in practice.)
        m.Sql("""
            UPDATE "ActionItems" SET "OwnerObjectId" = (SELECT MIN(o."OrganizerObjectId") FROM "Meetings" o
                WHERE o."TenantId" = "ActionItems"."TenantId" AND o."OrganizerEmail" = "ActionItems"."OwnerEmail")
            WHERE "OwnerObjectId" IS NULL
            """);
        m.Sql("""
            UPDATE "MeetingAttendees" SET "ObjectId" = (SELECT MIN(o."OrganizerObjectId") FROM "Meetings" o, "Meetings" a
                WHERE a."Id" = "MeetingAttendees"."MeetingId" AND o."TenantId" = a."TenantId" AND o."OrganizerEmail" = "MeetingAttendees"."Email")
            WHERE "ObjectId" IS NULL
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_ActionItems_TenantId_OwnerObjectId_DueDate", "ActionItems");
        m.DropIndex("IX_MeetingAttendees_ObjectId", "MeetingAttendees");
        m.DropTable("KnownPeople");
        m.DropColumn("ObjectId", "MeetingAttendees");
    }
}
