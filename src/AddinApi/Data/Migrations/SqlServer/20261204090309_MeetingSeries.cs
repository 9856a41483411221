using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CollabAddin.Api.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MeetingSeries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AgendaDraft",
                table: "Meetings",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "OccurrenceStartUtc",
                table: "Meetings",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SeriesId",
                table: "Meetings",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MeetingSeries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    OrganizerEmail = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false),
                    OrganizerObjectId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Subject = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    TimeZone = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    LocalStart = table.Column<TimeOnly>(type: "time", nullable: false),
                    LengthMinutes = table.Column<int>(type: "int", nullable: false),
                    FirstDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Pattern = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Interval = table.Column<int>(type: "int", nullable: false),
                    DaysOfWeek = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DayOfMonth = table.Column<int>(type: "int", nullable: true),
                    WeekIndex = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Count = table.Column<int>(type: "int", nullable: true),
                    InviteState = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    GraphEventId = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ICalUId = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    WebLink = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    JoinUrl = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CancelMessage = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    InviteError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    InviteAttempts = table.Column<int>(type: "int", nullable: false),
                    InviteNextAttemptAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    InviteLeaseUntil = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingSeries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StandingTopics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Topic = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Discussion = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    OwnerEmail = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false),
                    PlannedMinutes = table.Column<int>(type: "int", nullable: false),
                    ExpectedOutput = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    SeriesId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandingTopics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StandingTopics_MeetingSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "MeetingSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_SeriesId_StartUtc",
                table: "Meetings",
                columns: new[] { "SeriesId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingSeries_GraphEventId",
                table: "MeetingSeries",
                column: "GraphEventId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingSeries_ICalUId",
                table: "MeetingSeries",
                column: "ICalUId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingSeries_InviteState_InviteNextAttemptAt",
                table: "MeetingSeries",
                columns: new[] { "InviteState", "InviteNextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StandingTopics_SeriesId",
                table: "StandingTopics",
                column: "SeriesId");

            migrationBuilder.AddForeignKey(
                name: "FK_Meetings_MeetingSeries_SeriesId",
                table: "Meetings",
                column: "SeriesId",
                principalTable: "MeetingSeries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Meetings_MeetingSeries_SeriesId",
                table: "Meetings");

            migrationBuilder.DropTable(
                name: "StandingTopics");

            migrationBuilder.DropTable(
                name: "MeetingSeries");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_SeriesId_StartUtc",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "AgendaDraft",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "OccurrenceStartUtc",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "SeriesId",
                table: "Meetings");
        }
    }
}
