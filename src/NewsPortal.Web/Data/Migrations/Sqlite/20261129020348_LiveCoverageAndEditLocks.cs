using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LiveCoverageAndEditLocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsSetAside",
                table: "Revisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "CoverageEndedAt",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CoverageStartedAt",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsLiveCoverage",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "EditLocks",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    HolderId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Since = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HasHeartbeat = table.Column<bool>(type: "INTEGER", nullable: false),
                    DisplacedId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DisplacedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TakenOverAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EditLocks", x => x.ArticleId);
                    table.ForeignKey(
                        name: "FK_EditLocks_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveUpdates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    PostedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BodyMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    BodyText = table.Column<string>(type: "TEXT", nullable: false),
                    ImageId = table.Column<int>(type: "INTEGER", nullable: true),
                    QuoteText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    QuoteAttribution = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IsPinned = table.Column<bool>(type: "INTEGER", nullable: false),
                    CorrectionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CorrectedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RemovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RemovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RemovalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveUpdates_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LiveUpdates_Images_ImageId",
                        column: x => x.ImageId,
                        principalTable: "Images",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "LiveUpdateSource",
                columns: table => new
                {
                    LiveUpdateId = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveUpdateSource", x => new { x.LiveUpdateId, x.SourceId });
                    table.ForeignKey(
                        name: "FK_LiveUpdateSource_LiveUpdates_LiveUpdateId",
                        column: x => x.LiveUpdateId,
                        principalTable: "LiveUpdates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LiveUpdateSource_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_EditionId_CoverageEndedAt",
                table: "Articles",
                columns: new[] { "EditionId", "CoverageEndedAt" },
                filter: "\"IsLiveCoverage\"");

            migrationBuilder.CreateIndex(
                name: "IX_LiveUpdates_ArticleId_Id",
                table: "LiveUpdates",
                columns: new[] { "ArticleId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveUpdates_ImageId",
                table: "LiveUpdates",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_LiveUpdateSource_SourceId",
                table: "LiveUpdateSource",
                column: "SourceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EditLocks");

            migrationBuilder.DropTable(
                name: "LiveUpdateSource");

            migrationBuilder.DropTable(
                name: "LiveUpdates");

            migrationBuilder.DropIndex(
                name: "IX_Articles_EditionId_CoverageEndedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "IsSetAside",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "CoverageEndedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "CoverageStartedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "IsLiveCoverage",
                table: "Articles");
        }
    }
}
