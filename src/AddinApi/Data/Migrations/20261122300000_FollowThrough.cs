using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CollabAddin.Api.Data.Migrations;

// Hand-written, provider-neutral like Initial (see there). Adds the mail outbox behind alerts, digests, escalation and
// weekly reports, and the deviation reason the progress table reports.

[DbContext(typeof(SqliteCollabDb)), Migration("20261122300000_FollowThrough")]
public sealed class SqliteFollowThrough : FollowThrough;

[DbContext(typeof(PostgresCollabDb)), Migration("20261122300000_FollowThrough")]
public sealed class PostgresFollowThrough : FollowThrough;

public abstract class FollowThrough : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("DeviationReason", "ActionItems", maxLength: CollabModel.GoalLength, nullable: true);

        m.CreateTable("OutboxMails", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<string>(maxLength: CollabModel.TenantLength, nullable: false),
            Key = t.Column<string>(maxLength: 300, nullable: false),
            Kind = t.Column<string>(maxLength: CollabModel.EnumLength, nullable: false),
            FromMailbox = t.Column<string>(maxLength: CollabModel.EmailLength, nullable: false),
            To = t.Column<string>(maxLength: CollabModel.TextLength, nullable: false),
            Subject = t.Column<string>(maxLength: CollabModel.TitleLength, nullable: false),
            HtmlBody = t.Column<string>(nullable: false),
            AttachmentName = t.Column<string>(maxLength: CollabModel.NameLength, nullable: true),
            Attachment = t.Column<byte[]>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            State = t.Column<string>(maxLength: CollabModel.EnumLength, nullable: false),
            Attempts = t.Column<int>(nullable: false),
            NextAttemptAt = t.Column<DateTime>(nullable: true),
            LeaseUntil = t.Column<DateTime>(nullable: true),
            SentAt = t.Column<DateTime>(nullable: true),
            Error = t.Column<string>(maxLength: CollabModel.GoalLength, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_OutboxMails", x => x.Id));

        m.CreateIndex("IX_OutboxMails_TenantId_Key", "OutboxMails", ["TenantId", "Key"], unique: true);
        m.CreateIndex("IX_OutboxMails_State_NextAttemptAt", "OutboxMails", ["State", "NextAttemptAt"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("OutboxMails");
        m.DropColumn("DeviationReason", "ActionItems");
    }
}
