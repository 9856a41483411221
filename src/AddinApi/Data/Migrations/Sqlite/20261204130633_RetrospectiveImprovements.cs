using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CollabAddin.Api.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Projects closed before the mark existed: their improvements were the tasks added at or after the close.
            migrationBuilder.Sql(@"UPDATE ""ActionItems"" SET ""Improvement"" = 1 WHERE EXISTS (SELECT 1 FROM ""Projects"" p WHERE p.""Id"" = ""ActionItems"".""ProjectId"" AND p.""ClosedAt"" IS NOT NULL AND ""ActionItems"".""CreatedAt"" >= p.""ClosedAt"");");
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
