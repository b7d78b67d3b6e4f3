using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.Search;

/// <summary>A search result: the story and a snippet whose matches are wrapped in <see cref="SearchArticles.MatchStart"/>/<see cref="SearchArticles.MatchEnd"/>.</summary>
public sealed record SearchHit(int Id, string Slug, string Headline, string Lead, DateTime PublishedAt, string SectionName, string SectionSlug, string Snippet);

/// <summary>
/// Full-text search over one edition's published stories (SQLite FTS5, kept in step by triggers
/// from the <c>ArticleSearchIndex</c> migration), ranked by bm25 with headline matches weighted highest.
/// </summary>
public sealed class SearchArticles(NewsPortalDbContext db, IOptionsSnapshot<SiteOptions> site, TimeProvider time)
{
    /// <summary>Marks the start of a matched term inside <see cref="SearchHit.Snippet"/>; never present in stored text.</summary>
    public const char MatchStart = '\u0002';

    public const char MatchEnd = '\u0003';

    public async Task<PagedList<SearchHit>> ExecuteAsync(int editionId, string ftsQuery, int page, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var size = site.Value.PageSize;
        var skip = (page - 1) * size;
        var start = MatchStart.ToString();
        var end = MatchEnd.ToString();

        var total = await db.Database.SqlQuery<int>($"""
            SELECT COUNT(*) AS "Value"
            FROM "ArticleSearch" JOIN "Articles" AS a ON a."Id" = "ArticleSearch"."rowid"
            WHERE "ArticleSearch" MATCH {ftsQuery} AND a."EditionId" = {editionId}
              AND a."Status" = 'Published' AND a."PublishedAt" <= {now}
            """).SingleAsync(cancellationToken);

        var hits = await db.Database.SqlQuery<SearchHit>($"""
            SELECT a."Id", a."Slug", a."Headline", a."Lead", a."PublishedAt", s."Name" AS "SectionName", s."Slug" AS "SectionSlug",
                   snippet("ArticleSearch", 2, {start}, {end}, '…', 24) AS "Snippet"
            FROM "ArticleSearch"
            JOIN "Articles" AS a ON a."Id" = "ArticleSearch"."rowid"
            JOIN "Sections" AS s ON s."Id" = a."SectionId"
            WHERE "ArticleSearch" MATCH {ftsQuery} AND a."EditionId" = {editionId}
              AND a."Status" = 'Published' AND a."PublishedAt" <= {now}
            ORDER BY bm25("ArticleSearch", 10.0, 4.0, 1.0), a."PublishedAt" DESC
            LIMIT {size} OFFSET {skip}
            """).ToListAsync(cancellationToken);

        return new PagedList<SearchHit>(hits.Select(h => h with { PublishedAt = DateTime.SpecifyKind(h.PublishedAt, DateTimeKind.Utc) }).ToList(), page, size, total);
    }
}
