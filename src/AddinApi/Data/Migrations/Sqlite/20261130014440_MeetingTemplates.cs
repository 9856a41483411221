using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CollabAddin.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MeetingTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Goal = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    AgendaJson = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingTemplates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingTemplates_TenantId_Name",
                table: "MeetingTemplates",
                columns: new[] { "TenantId", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingTemplates");
        }
    }
}
