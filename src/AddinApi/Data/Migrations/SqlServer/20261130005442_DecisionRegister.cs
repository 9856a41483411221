using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CollabAddin.Api.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DecisionRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NotesDigest",
                table: "MinutesPublications",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueDate",
                table: "Decisions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnerObjectId",
                table: "Decisions",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RevokedByMinutes",
                table: "Decisions",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "SupersededById",
                table: "Decisions",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Decisions",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Decisions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "DecisionId",
                table: "ActionItems",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_SupersededById",
                table: "Decisions",
                column: "SupersededById");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_TenantId_Status_CreatedAt",
                table: "Decisions",
                columns: new[] { "TenantId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_DecisionId",
                table: "ActionItems",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_TenantId_DecisionId",
                table: "ActionItems",
                columns: new[] { "TenantId", "DecisionId" });

            migrationBuilder.AddForeignKey(
                name: "FK_ActionItems_Decisions_DecisionId",
                table: "ActionItems",
                column: "DecisionId",
                principalTable: "Decisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Decisions_Decisions_SupersededById",
                table: "Decisions",
                column: "SupersededById",
                principalTable: "Decisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Statuses renamed by the register (Taken → Agreed, CarriedOut → Implemented); rows from before get their
            // creation time as their last change. Quoted identifiers read the same on SQLite, PostgreSQL and SQL Server.
            migrationBuilder.Sql("UPDATE \"Decisions\" SET \"Status\" = 'Agreed' WHERE \"Status\" = 'Taken'");
            migrationBuilder.Sql("UPDATE \"Decisions\" SET \"Status\" = 'Implemented' WHERE \"Status\" = 'CarriedOut'");
            migrationBuilder.Sql("UPDATE \"Decisions\" SET \"UpdatedAt\" = \"CreatedAt\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"Decisions\" SET \"Status\" = 'Taken' WHERE \"Status\" IN ('Agreed', 'InProgress')");
            migrationBuilder.Sql("UPDATE \"Decisions\" SET \"Status\" = 'CarriedOut' WHERE \"Status\" = 'Implemented'");
            migrationBuilder.Sql("UPDATE \"Decisions\" SET \"Status\" = 'Revoked' WHERE \"Status\" = 'Superseded'");

            migrationBuilder.DropForeignKey(
                name: "FK_ActionItems_Decisions_DecisionId",
                table: "ActionItems");

            migrationBuilder.DropForeignKey(
                name: "FK_Decisions_Decisions_SupersededById",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_SupersededById",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_TenantId_Status_CreatedAt",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_ActionItems_DecisionId",
                table: "ActionItems");

            migrationBuilder.DropIndex(
                name: "IX_ActionItems_TenantId_DecisionId",
                table: "ActionItems");

            migrationBuilder.DropColumn(
                name: "NotesDigest",
                table: "MinutesPublications");

            migrationBuilder.DropColumn(
                name: "DueDate",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "OwnerObjectId",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "RevokedByMinutes",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "SupersededById",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "DecisionId",
                table: "ActionItems");
        }
    }
}
