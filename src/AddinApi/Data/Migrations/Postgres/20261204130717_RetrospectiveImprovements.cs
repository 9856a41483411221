using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CollabAddin.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RetrospectiveImprovements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Improvement",
                table: "ActionItems",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Projects closed before the mark existed: their improvements were the tasks added at or after the close.
            migrationBuilder.Sql(@"UPDATE ""ActionItems"" a SET ""Improvement"" = TRUE FROM ""Projects"" p WHERE p.""Id"" = a.""ProjectId"" AND p.""ClosedAt"" IS NOT NULL AND a.""CreatedAt"" >= p.""ClosedAt"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Improvement",
                table: "ActionItems");
        }
    }
}
