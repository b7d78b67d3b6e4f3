using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Full-text search on PostgreSQL. For every text-search configuration PostgreSQL ships (english, russian, …,
    /// simple) a <c>newsportal_*</c> copy whose word mappings pass through <c>unaccent</c> first, so "cafe" finds
    /// "café" and "ёлка" finds "елка" (a configuration, because <c>unaccent()</c> itself is not IMMUTABLE).
    /// <c>newsportal_search_configuration(edition)</c> picks the configuration of the edition's language, or
    /// <c>newsportal_simple</c> where PostgreSQL has no stemmer (Persian, Ukrainian). A trigger writes the
    /// <c>SearchVector</c> of published articles (headline A, lead B, body C) and clears it otherwise: the stems in
    /// the language's configuration, then the unstemmed words (<c>newsportal_simple</c>), which prefix queries such as
    /// "evacuat*" need (the stem of "evacuation" is "evacu", which "evacuat" is no prefix of); a GIN index
    /// serves the <c>@@</c> match. The column is not in the EF model: only the search query reads it.
    /// Needs a database user that owns the database (to create the extension and the configurations).
    /// </summary>
    public partial class ArticleSearchVector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("""
                DO $$
                DECLARE
                    shipped record;
                    mapping record;
                    copy text;
                BEGIN
                    FOR shipped IN SELECT cfgname FROM pg_ts_config WHERE cfgnamespace = 'pg_catalog'::regnamespace LOOP
                        copy := 'newsportal_' || shipped.cfgname;
                        EXECUTE format('CREATE TEXT SEARCH CONFIGURATION %I (COPY = pg_catalog.%I)', copy, shipped.cfgname);
                        FOR mapping IN
                            SELECT t.alias, string_agg(quote_ident(d.dictname), ', ' ORDER BY m.mapseqno) AS dictionaries
                            FROM pg_ts_config_map AS m
                            JOIN ts_token_type('default') AS t ON t.tokid = m.maptokentype
                            JOIN pg_ts_dict AS d ON d.oid = m.mapdict
                            WHERE m.mapcfg = copy::regconfig
                              AND t.alias IN ('asciiword', 'word', 'numword', 'asciihword', 'hword', 'numhword', 'hword_asciipart', 'hword_part', 'hword_numpart')
                            GROUP BY t.alias
                        LOOP
                            EXECUTE format('ALTER TEXT SEARCH CONFIGURATION %I ALTER MAPPING FOR %s WITH unaccent, %s', copy, mapping.alias, mapping.dictionaries);
                        END LOOP;
                    END LOOP;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION newsportal_language_configuration(code text) RETURNS regconfig
                LANGUAGE sql STABLE AS $$
                    SELECT coalesce((SELECT c.oid::regconfig FROM pg_ts_config AS c WHERE pg_ts_config_is_visible(c.oid) AND c.cfgname = 'newsportal_' || CASE split_part(lower(code), '-', 1)
                        WHEN 'ar' THEN 'arabic' WHEN 'hy' THEN 'armenian' WHEN 'eu' THEN 'basque' WHEN 'ca' THEN 'catalan'
                        WHEN 'da' THEN 'danish' WHEN 'nl' THEN 'dutch' WHEN 'en' THEN 'english' WHEN 'fi' THEN 'finnish'
                        WHEN 'fr' THEN 'french' WHEN 'de' THEN 'german' WHEN 'el' THEN 'greek' WHEN 'hi' THEN 'hindi'
                        WHEN 'hu' THEN 'hungarian' WHEN 'id' THEN 'indonesian' WHEN 'ga' THEN 'irish' WHEN 'it' THEN 'italian'
                        WHEN 'lt' THEN 'lithuanian' WHEN 'ne' THEN 'nepali' WHEN 'no' THEN 'norwegian' WHEN 'nb' THEN 'norwegian'
                        WHEN 'nn' THEN 'norwegian' WHEN 'pt' THEN 'portuguese' WHEN 'ro' THEN 'romanian' WHEN 'ru' THEN 'russian'
                        WHEN 'sr' THEN 'serbian' WHEN 'es' THEN 'spanish' WHEN 'sv' THEN 'swedish' WHEN 'ta' THEN 'tamil'
                        WHEN 'tr' THEN 'turkish' WHEN 'yi' THEN 'yiddish'
                        ELSE 'simple' END), 'newsportal_simple'::regconfig);
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION newsportal_search_configuration(edition integer) RETURNS regconfig
                LANGUAGE sql STABLE AS $$
                    SELECT coalesce((SELECT newsportal_language_configuration(e."Code") FROM "Editions" AS e WHERE e."Id" = edition),
                                    'newsportal_simple'::regconfig);
                $$;
                """);
            migrationBuilder.Sql("""ALTER TABLE "Articles" ADD COLUMN "SearchVector" tsvector;""");
            migrationBuilder.Sql("""
                CREATE FUNCTION newsportal_article_search_vector() RETURNS trigger
                LANGUAGE plpgsql AS $$
                DECLARE
                    config regconfig;
                BEGIN
                    IF NEW."Status" = 'Published' THEN
                        config := newsportal_search_configuration(NEW."EditionId");
                        NEW."SearchVector" := setweight(to_tsvector(config, coalesce(NEW."Headline", '')), 'A')
                            || setweight(to_tsvector(config, coalesce(NEW."Lead", '')), 'B')
                            || setweight(to_tsvector(config, coalesce(NEW."BodyText", '')), 'C')
                            || setweight(to_tsvector('newsportal_simple', coalesce(NEW."Headline", '')), 'A')
                            || setweight(to_tsvector('newsportal_simple', coalesce(NEW."Lead", '')), 'B')
                            || setweight(to_tsvector('newsportal_simple', coalesce(NEW."BodyText", '')), 'C');
                    ELSE
                        NEW."SearchVector" := NULL;
                    END IF;
                    RETURN NEW;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Articles_SearchVector" BEFORE INSERT OR UPDATE OF "Status", "Headline", "Lead", "BodyText", "EditionId"
                ON "Articles" FOR EACH ROW EXECUTE FUNCTION newsportal_article_search_vector();
                """);
            migrationBuilder.Sql("""UPDATE "Articles" SET "Status" = "Status" WHERE "Status" = 'Published';""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_SearchVector" ON "Articles" USING GIN ("SearchVector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Articles_SearchVector";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_SearchVector" ON "Articles";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS newsportal_article_search_vector();");
            migrationBuilder.Sql("""ALTER TABLE "Articles" DROP COLUMN IF EXISTS "SearchVector";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS newsportal_search_configuration(integer);");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS newsportal_language_configuration(text);");
            migrationBuilder.Sql("""
                DO $$
                DECLARE
                    own record;
                BEGIN
                    FOR own IN SELECT cfgname FROM pg_ts_config WHERE cfgname LIKE 'newsportal\_%' AND cfgnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) LOOP
                        EXECUTE format('DROP TEXT SEARCH CONFIGURATION %I', own.cfgname);
                    END LOOP;
                END
                $$;
                """);
        }
    }
}
