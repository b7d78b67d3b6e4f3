using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.Search;

/// <summary>
/// Full-text search on PostgreSQL: the <c>SearchVector</c> column of each article (headline weight A, lead B, body C),
/// written by a trigger in the text-search configuration of the edition's language, and a GIN index over it (migration
/// <c>ArticleSearchVector</c>). The configurations stem where PostgreSQL has a stemmer for the language (English,
/// Russian, …) and fall back to <c>simple</c> where it has none (Persian, Ukrainian); all of them remove accents
/// through <c>unaccent</c>. The query is written in the same configuration, so it is stemmed and unaccented alike.
/// </summary>
public sealed class PostgresArticleSearch(NewsPortalDbContext db, IOptionsSnapshot<SiteOptions> site, TimeProvider time) : IArticleSearch
{
    // ts_rank's weights for D, C (body), B (lead) and A (headline) matches.
    private static readonly float[] RankWeights = [0.1f, 0.1f, 0.4f, 1.0f];

    public async Task<PagedList<SearchHit>> ExecuteAsync(int editionId, IReadOnlyList<SearchTerm> terms, int page, CancellationToken cancellationToken)
    {
        var (stemmed, prefixes) = SearchQuery.ToTsQuery(terms) ?? throw new ArgumentException("A search needs at least one term.", nameof(terms));
        var now = time.GetUtcNow().UtcDateTime;
        var size = site.Value.PageSize;
        var skip = (page - 1) * size;
        var marks = $"StartSel={SearchSnippet.MatchStart}, StopSel={SearchSnippet.MatchEnd}";
        var fragment = $"{marks}, MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=…";
        var everywhere = $"{marks}, HighlightAll=true";

        // The query: the stemmed part in the edition's configuration, AND the prefix part in newsportal_simple.
        // The snippet marks both: the prefixes over the whole body first, then the stems while cutting the fragment.
        var hits = await db.Database.SqlQuery<SearchHitRow>($"""
            WITH c AS (SELECT newsportal_search_configuration({editionId}) AS config),
            q AS (
                SELECT c.config,
                       CASE WHEN {stemmed} = '' THEN NULL ELSE to_tsquery(c.config, {stemmed}) END AS stems,
                       CASE WHEN {prefixes} = '' THEN NULL ELSE to_tsquery('newsportal_simple', {prefixes}) END AS prefixes
                FROM c),
            query AS (SELECT q.config, q.stems, q.prefixes, coalesce(q.stems && q.prefixes, q.stems, q.prefixes) AS match FROM q),
            found AS (
                SELECT a."Id", a."Slug", a."Headline", a."Lead", a."PublishedAt", a."SectionId", a."BodyText",
                       ts_rank({RankWeights}, a."SearchVector", query.match) AS rank,
                       COUNT(*) OVER () AS total
                FROM query, "Articles" AS a
                WHERE a."SearchVector" @@ query.match
                  AND a."EditionId" = {editionId} AND a."Status" = 'Published' AND a."PublishedAt" <= {now})
            SELECT f."Id", f."Slug", f."Headline", f."Lead", f."PublishedAt", s."Name" AS "SectionName", s."Slug" AS "SectionSlug",
                   CASE
                       WHEN query.prefixes IS NULL THEN ts_headline(query.config, f."BodyText", query.stems, {fragment})
                       WHEN query.stems IS NULL THEN ts_headline('newsportal_simple', f."BodyText", query.prefixes, {fragment})
                       ELSE ts_headline(query.config, ts_headline('newsportal_simple', f."BodyText", query.prefixes, {everywhere}), query.stems, {fragment})
                   END AS "Snippet",
                   f.total::int AS "Total"
            FROM found AS f CROSS JOIN query
            JOIN "Sections" AS s ON s."Id" = f."SectionId"
            ORDER BY f.rank DESC, f."PublishedAt" DESC
            LIMIT {size} OFFSET {skip}
            """).ToListAsync(cancellationToken);

        // The total rides on every row; a page without rows lies past the last one (or finds nothing), and the page
        // answers 404 (or "nothing found") whatever the total.
        var total = hits.Count > 0 ? hits[0].Total : 0;
        var found = hits.Select(h => new SearchHit(h.Id, h.Slug, h.Headline, h.Lead, DateTime.SpecifyKind(h.PublishedAt, DateTimeKind.Utc), h.SectionName, h.SectionSlug, h.Snippet)).ToList();
        return new PagedList<SearchHit>(found, page, size, total);
    }

    private sealed record SearchHitRow(int Id, string Slug, string Headline, string Lead, DateTime PublishedAt, string SectionName, string SectionSlug, string Snippet, int Total);
}
