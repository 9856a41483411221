using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CollabAddin.Api.Data.Migrations;

// Hand-written, provider-neutral like Initial (see there). Records when published minutes were mailed, so mailing the
// same minutes again is a confirmed resend, and not more often than the resend interval.

[DbContext(typeof(SqliteCollabDb)), Migration("20261129100000_MinutesMailed")]
public sealed class SqliteMinutesMailed : MinutesMailed;

[DbContext(typeof(PostgresCollabDb)), Migration("20261129100000_MinutesMailed")]
public sealed class PostgresMinutesMailed : MinutesMailed;

public abstract class MinutesMailed : Migration
{
    protected override void Up(MigrationBuilder m) => m.AddColumn<DateTime>("MailedAt", "MinutesPublications", nullable: true);

    protected override void Down(MigrationBuilder m) => m.DropColumn("MailedAt", "MinutesPublications");
}
