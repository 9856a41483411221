using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CollabAddin.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MeetingFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MeetingFeedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    RaterObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    GoalReached = table.Column<int>(type: "integer", nullable: false),
                    AgendaKept = table.Column<int>(type: "integer", nullable: false),
                    TimeWellUsed = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingFeedback_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingFeedback_MeetingId",
                table: "MeetingFeedback",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingFeedback_TenantId_MeetingId_RaterObjectId",
                table: "MeetingFeedback",
                columns: new[] { "TenantId", "MeetingId", "RaterObjectId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingFeedback");
        }
    }
}
