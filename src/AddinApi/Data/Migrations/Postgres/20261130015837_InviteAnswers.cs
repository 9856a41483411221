using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CollabAddin.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InviteAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ProposedEndUtc",
                table: "MeetingAttendees",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProposedStartUtc",
                table: "MeetingAttendees",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RespondedAt",
                table: "MeetingAttendees",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Response",
                table: "MeetingAttendees",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProposedEndUtc",
                table: "MeetingAttendees");

            migrationBuilder.DropColumn(
                name: "ProposedStartUtc",
                table: "MeetingAttendees");

            migrationBuilder.DropColumn(
                name: "RespondedAt",
                table: "MeetingAttendees");

            migrationBuilder.DropColumn(
                name: "Response",
                table: "MeetingAttendees");
        }
    }
}
