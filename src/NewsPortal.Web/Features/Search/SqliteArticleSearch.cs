using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.Search;

/// <summary>
/// Full-text search on SQLite: FTS5, kept in step by triggers from the <c>ArticleSearchIndex</c> migration
/// (unicode61 tokenizer without diacritics), ranked by bm25 with headline matches weighted highest.
/// </summary>
public sealed class SqliteArticleSearch(NewsPortalDbContext db, IOptionsSnapshot<SiteOptions> site, TimeProvider time) : IArticleSearch
{
    public async Task<PagedList<SearchHit>> ExecuteAsync(int editionId, IReadOnlyList<SearchTerm> terms, int page, CancellationToken cancellationToken)
    {
        var ftsQuery = SearchQuery.ToFts5(terms) ?? throw new ArgumentException("A search needs at least one term.", nameof(terms));
        var now = time.GetUtcNow().UtcDateTime;
        var size = site.Value.PageSize;
        var skip = (page - 1) * size;
        var start = SearchSnippet.MatchStart.ToString();
        var end = SearchSnippet.MatchEnd.ToString();

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
