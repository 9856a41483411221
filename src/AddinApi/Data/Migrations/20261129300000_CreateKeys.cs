using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CollabAddin.Api.Data.Migrations;

// Hand-written, provider-neutral like Initial (see there). The Idempotency-Key a meeting was created with, unique per
// organizer, so a repeated create returns the first meeting instead of inviting everyone twice.

[DbContext(typeof(SqliteCollabDb)), Migration("20261129300000_CreateKeys")]
public sealed class SqliteCreateKeys : CreateKeys;

[DbContext(typeof(PostgresCollabDb)), Migration("20261129300000_CreateKeys")]
public sealed class PostgresCreateKeys : CreateKeys;

public abstract class CreateKeys : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("CreateKey", "Meetings", maxLength: Meetings.MeetingCreation.MaxKeyLength, nullable: true);
        m.CreateIndex("IX_Meetings_TenantId_OrganizerObjectId_CreateKey", "Meetings", ["TenantId", "OrganizerObjectId", "CreateKey"],
            unique: true, filter: "\"CreateKey\" IS NOT NULL");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_Meetings_TenantId_OrganizerObjectId_CreateKey", "Meetings");
        m.DropColumn("CreateKey", "Meetings");
    }
}
