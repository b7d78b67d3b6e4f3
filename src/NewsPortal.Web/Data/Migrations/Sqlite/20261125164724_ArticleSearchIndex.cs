using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The full-text index of published articles: an FTS5 table (rowid = article id) that triggers keep
    /// in step with the Articles table. Only rows with Status 'Published' are indexed; readers' queries
    /// also check PublishedAt. Tokenizer: unicode61 without diacritics, for Latin, Cyrillic and Arabic script.
    /// </summary>
    public partial class ArticleSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
                    "Headline", "Lead", "Body",
                    tokenize = 'unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Articles_SearchInsert" AFTER INSERT ON "Articles"
                WHEN new."Status" = 'Published'
                BEGIN
                    INSERT INTO "ArticleSearch"("rowid", "Headline", "Lead", "Body")
                    VALUES (new."Id", new."Headline", new."Lead", new."BodyText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Articles_SearchUpdate" AFTER UPDATE OF "Status", "Headline", "Lead", "BodyText" ON "Articles"
                BEGIN
                    DELETE FROM "ArticleSearch" WHERE "rowid" = old."Id";
                    INSERT INTO "ArticleSearch"("rowid", "Headline", "Lead", "Body")
                    SELECT new."Id", new."Headline", new."Lead", new."BodyText" WHERE new."Status" = 'Published';
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Articles_SearchDelete" AFTER DELETE ON "Articles"
                BEGIN
                    DELETE FROM "ArticleSearch" WHERE "rowid" = old."Id";
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ArticleSearch"("rowid", "Headline", "Lead", "Body")
                SELECT "Id", "Headline", "Lead", "BodyText" FROM "Articles" WHERE "Status" = 'Published';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_SearchDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_SearchUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_SearchInsert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ArticleSearch";""");
        }
    }
}
