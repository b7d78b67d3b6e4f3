using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.Sqlite
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
                INSERT INTO People (Slug, LatinName, IsPenName, CreatedAt, Version)
                SELECT 'person-tmp-' || row_number() OVER (ORDER BY Name), substr(Name, 1, 120), 0, strftime('%Y-%m-%d %H:%M:%S', 'now'), 0
                FROM (
                    SELECT trim(Author) AS Name FROM Articles
                    UNION SELECT trim(json_extract(Content, '$.Author')) FROM Revisions WHERE Content IS NOT NULL
                    UNION SELECT trim(json_extract(PendingContent, '$.Author')) FROM Articles WHERE PendingContent IS NOT NULL
                    UNION SELECT trim(AuthorName) FROM LiveUpdates)
                WHERE Name IS NOT NULL AND Name <> '' AND Name NOT LIKE '%@%';
                """);
            // Author pages live at /{edition}/author/{slug}: a name in plain Latin letters gives its slug; any other gets person-{id}, which editors can change.
            migrationBuilder.Sql("""
                UPDATE People SET Slug = lower(replace(trim(LatinName), ' ', '-'))
                WHERE Slug LIKE 'person-tmp-%'
                  AND lower(replace(trim(LatinName), ' ', '-')) NOT GLOB '*[^a-z0-9-]*'
                  AND lower(replace(trim(LatinName), ' ', '-')) NOT GLOB '*--*'
                  AND lower(replace(trim(LatinName), ' ', '-')) NOT GLOB '-*'
                  AND lower(replace(trim(LatinName), ' ', '-')) NOT GLOB '*-'
                  AND length(LatinName) BETWEEN 1 AND 80
                  AND (SELECT count(*) FROM People other WHERE lower(replace(trim(other.LatinName), ' ', '-')) = lower(replace(trim(People.LatinName), ' ', '-'))) = 1;
                UPDATE People SET Slug = 'person-' || Id WHERE Slug LIKE 'person-tmp-%';
                """);
            migrationBuilder.Sql("""
                INSERT INTO ArticleContributors (ArticleId, PersonId, Role, "Order")
                SELECT a.Id, p.Id, 'Writing', 0 FROM Articles a JOIN People p ON p.LatinName = substr(trim(a.Author), 1, 120);
                INSERT INTO LiveUpdateContributors (LiveUpdateId, PersonId, Role, "Order")
                SELECT u.Id, p.Id, 'Writing', 0 FROM LiveUpdates u JOIN People p ON p.LatinName = substr(trim(u.AuthorName), 1, 120);
                UPDATE Revisions SET Content = json_set(json_remove(Content, '$.Author'), '$.Contributors', json_array(json_object('PersonId', p.Id, 'Role', 'Writing')))
                FROM People p WHERE Revisions.Content IS NOT NULL AND p.LatinName = substr(trim(json_extract(Revisions.Content, '$.Author')), 1, 120);
                UPDATE Revisions SET Content = json_remove(Content, '$.Author') WHERE Content IS NOT NULL AND json_extract(Content, '$.Author') IS NOT NULL;
                UPDATE Articles SET PendingContent = json_set(json_remove(PendingContent, '$.Author'), '$.Contributors', json_array(json_object('PersonId', p.Id, 'Role', 'Writing')))
                FROM People p WHERE Articles.PendingContent IS NOT NULL AND p.LatinName = substr(trim(json_extract(Articles.PendingContent, '$.Author')), 1, 120);
                UPDATE Articles SET PendingContent = json_remove(PendingContent, '$.Author') WHERE PendingContent IS NOT NULL AND json_extract(PendingContent, '$.Author') IS NOT NULL;
                """);

            // SQLite's own DROP COLUMN, not a rebuild of the table: a rebuild would drop the full-text index's triggers
            // (see ArticleSearchIndex) and copy every story.
            migrationBuilder.Sql("""ALTER TABLE "Articles" DROP COLUMN "Author";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Going back keeps the people; the stories' bylines return empty.
            migrationBuilder.AddColumn<string>(
                name: "Author",
                table: "Articles",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }
    }
}
