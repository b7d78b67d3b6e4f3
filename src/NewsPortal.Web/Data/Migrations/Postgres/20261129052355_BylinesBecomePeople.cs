using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BylinesBecomePeople : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every byline typed so far becomes a person (an address-shaped one never did reach readers, and does not
            // now), credited as the story's writer: on the stories, their revisions and pending changes, and live updates.
            migrationBuilder.Sql("""
                INSERT INTO "People" ("Slug", "LatinName", "IsPenName", "CreatedAt", "Version")
                SELECT 'person-tmp-' || row_number() OVER (ORDER BY n."Name"), left(n."Name", 120), false, now(), 0
                FROM (
                    SELECT trim("Author") AS "Name" FROM "Articles"
                    UNION SELECT trim("Content"::jsonb ->> 'Author') FROM "Revisions" WHERE "Content" IS NOT NULL
                    UNION SELECT trim("PendingContent"::jsonb ->> 'Author') FROM "Articles" WHERE "PendingContent" IS NOT NULL
                    UNION SELECT trim("AuthorName") FROM "LiveUpdates") n
                WHERE n."Name" IS NOT NULL AND n."Name" <> '' AND n."Name" NOT LIKE '%@%';
                """);
            // Author pages live at /{edition}/author/{slug}: a name in plain Latin letters gives its slug; any other gets person-{id}, which editors can change.
            migrationBuilder.Sql("""
                UPDATE "People" p SET "Slug" = lower(replace(trim(p."LatinName"), ' ', '-'))
                WHERE p."Slug" LIKE 'person-tmp-%'
                  AND lower(replace(trim(p."LatinName"), ' ', '-')) ~ '^[a-z0-9]+(-[a-z0-9]+)*$'
                  AND length(p."LatinName") <= 80
                  AND (SELECT count(*) FROM "People" other WHERE lower(replace(trim(other."LatinName"), ' ', '-')) = lower(replace(trim(p."LatinName"), ' ', '-'))) = 1;
                UPDATE "People" SET "Slug" = 'person-' || "Id" WHERE "Slug" LIKE 'person-tmp-%';
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ArticleContributors" ("ArticleId", "PersonId", "Role", "Order")
                SELECT a."Id", p."Id", 'Writing', 0 FROM "Articles" a JOIN "People" p ON p."LatinName" = left(trim(a."Author"), 120);
                INSERT INTO "LiveUpdateContributors" ("LiveUpdateId", "PersonId", "Role", "Order")
                SELECT u."Id", p."Id", 'Writing', 0 FROM "LiveUpdates" u JOIN "People" p ON p."LatinName" = left(trim(u."AuthorName"), 120);
                UPDATE "Revisions" r SET "Content" = jsonb_set(r."Content"::jsonb - 'Author', '{Contributors}', jsonb_build_array(jsonb_build_object('PersonId', p."Id", 'Role', 'Writing')))::text
                FROM "People" p WHERE r."Content" IS NOT NULL AND p."LatinName" = left(trim(r."Content"::jsonb ->> 'Author'), 120);
                UPDATE "Revisions" SET "Content" = ("Content"::jsonb - 'Author')::text WHERE "Content" IS NOT NULL AND ("Content"::jsonb ->> 'Author') IS NOT NULL;
                UPDATE "Articles" a SET "PendingContent" = jsonb_set(a."PendingContent"::jsonb - 'Author', '{Contributors}', jsonb_build_array(jsonb_build_object('PersonId', p."Id", 'Role', 'Writing')))::text
                FROM "People" p WHERE a."PendingContent" IS NOT NULL AND p."LatinName" = left(trim(a."PendingContent"::jsonb ->> 'Author'), 120);
                UPDATE "Articles" SET "PendingContent" = ("PendingContent"::jsonb - 'Author')::text WHERE "PendingContent" IS NOT NULL AND ("PendingContent"::jsonb ->> 'Author') IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "Author",
                table: "Articles");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Going back keeps the people; the stories' bylines return empty.
            migrationBuilder.AddColumn<string>(
                name: "Author",
                table: "Articles",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }
    }
}
