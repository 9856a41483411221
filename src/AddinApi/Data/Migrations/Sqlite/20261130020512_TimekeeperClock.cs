using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CollabAddin.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TimekeeperClock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClockItemStartedAt",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ClockPosition",
                table: "Meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClockStartedAt",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ActualSeconds",
                table: "AgendaItems",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClockItemStartedAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "ClockPosition",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "ClockStartedAt",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "ActualSeconds",
                table: "AgendaItems");
        }
    }
}
