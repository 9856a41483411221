using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CollabAddin.Api.Data.Migrations;

// Hand-written, provider-neutral like Initial (see there). Adds the record of a follow-up mail that could not be
// planned, so one failing unit is retried on its own instead of stopping the pass for every tenant.

[DbContext(typeof(SqliteCollabDb)), Migration("20261129000000_PlanningFailures")]
public sealed class SqlitePlanningFailures : PlanningFailures;

[DbContext(typeof(PostgresCollabDb)), Migration("20261129000000_PlanningFailures")]
public sealed class PostgresPlanningFailures : PlanningFailures;

public abstract class PlanningFailures : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("PlanningFailures", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<string>(maxLength: CollabModel.TenantLength, nullable: false),
            Key = t.Column<string>(maxLength: 300, nullable: false),
            Attempts = t.Column<int>(nullable: false),
            NextAttemptAt = t.Column<DateTime>(nullable: false),
            Failed = t.Column<bool>(nullable: false),
            Error = t.Column<string>(maxLength: CollabModel.GoalLength, nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_PlanningFailures", x => x.Id));
        m.CreateIndex("IX_PlanningFailures_TenantId_Key", "PlanningFailures", ["TenantId", "Key"], unique: true);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("PlanningFailures");
}
