using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BreakingStoryPartialIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_EditionId_BreakingUntil",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_EditionId_BreakingUntil",
                table: "Articles",
                columns: new[] { "EditionId", "BreakingUntil" },
                filter: "\"BreakingUntil\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_EditionId_BreakingUntil",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_EditionId_BreakingUntil",
                table: "Articles",
                columns: new[] { "EditionId", "BreakingUntil" });
        }
    }
}
