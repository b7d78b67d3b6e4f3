using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.Sections;

/// <summary>The latest stories of one section, paged: a count and one page of summaries, both compiled queries.</summary>
public sealed class GetSectionPage(NewsPortalDbContext db, IOptionsSnapshot<SiteOptions> site, TimeProvider time)
{
    public async Task<PagedList<ArticleSummary>> ExecuteAsync(int sectionId, int page, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var size = site.Value.PageSize;
        // The page's queries and the breaking banner's share one connection, which goes back to the
        // pool with the request's context.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var total = await CountVisible(db, sectionId, now, cancellationToken);
        var items = await LatestVisible(db, sectionId, now, (page - 1) * size, size).ToListAsync(cancellationToken);
        return new PagedList<ArticleSummary>(items, page, size, total);
    }

    // Visible means published and not scheduled for later, as ArticleQueries.VisibleAt says; newest first, as ArticleQueries.Latest.
    private static readonly Func<NewsPortalDbContext, int, DateTime, CancellationToken, Task<int>> CountVisible =
        CompiledQueries.PerProvider(() => EF.CompileAsyncQuery((NewsPortalDbContext db, int sectionId, DateTime now, CancellationToken _) =>
            db.Articles.Count(a => a.SectionId == sectionId && a.Status == ArticleStatus.Published && a.PublishedAt <= now)));

    private static readonly Func<NewsPortalDbContext, int, DateTime, int, int, IAsyncEnumerable<ArticleSummary>> LatestVisible =
        CompiledQueries.PerProvider(() => EF.CompileAsyncQuery((NewsPortalDbContext db, int sectionId, DateTime now, int skip, int take) =>
            db.Articles.AsNoTracking()
                .Where(a => a.SectionId == sectionId && a.Status == ArticleStatus.Published && a.PublishedAt <= now)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Skip(skip)
                .Take(take)
                .Select(ArticleQueries.ToSummary)));
}
