using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CollabAddin.Api.Data.Migrations.SqlServer
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
                type: "bit",
                nullable: false,
                defaultValue: false);

            // Projects closed before the mark existed: their improvements were the tasks added at or after the close.
            migrationBuilder.Sql(@"UPDATE a SET a.[Improvement] = 1 FROM [ActionItems] a JOIN [Projects] p ON p.[Id] = a.[ProjectId] WHERE p.[ClosedAt] IS NOT NULL AND a.[CreatedAt] >= p.[ClosedAt];");
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
