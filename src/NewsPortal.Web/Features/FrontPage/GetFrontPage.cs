using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.FrontPage;

public sealed record FrontPageModel(IReadOnlyList<ArticleSummary> TopStories, PagedList<ArticleSummary> Latest);

/// <summary>
/// An edition's front page: the top stories (first page only), then the latest stories, paged.
/// The top stories are the newest ones, so "latest" starts where they end: page 1 reads both in one
/// query. A count and that query are compiled once.
/// </summary>
public sealed class GetFrontPage(NewsPortalDbContext db, IOptionsSnapshot<SiteOptions> site, TimeProvider time)
{
    public async Task<FrontPageModel> ExecuteAsync(int editionId, int page, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var options = site.Value;
        var top = options.TopStoriesCount;
        // The page's queries and the breaking banner's share one connection, which goes back to the
        // pool with the request's context.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var total = await CountVisible(db, editionId, now, cancellationToken);
        var stories = page == 1
            ? await LatestVisible(db, editionId, now, 0, top + options.PageSize).ToListAsync(cancellationToken)
            : await LatestVisible(db, editionId, now, top + ((page - 1) * options.PageSize), options.PageSize).ToListAsync(cancellationToken);
        var topStories = page == 1 ? stories.Take(top).ToList() : [];
        var latest = page == 1 ? stories.Skip(top).ToList() : stories;
        return new FrontPageModel(topStories, new PagedList<ArticleSummary>(latest, page, options.PageSize, Math.Max(0, total - top)));
    }

    // Visible means published and not scheduled for later, as ArticleQueries.VisibleAt says; newest first, as ArticleQueries.Latest.
    private static readonly Func<NewsPortalDbContext, int, DateTime, CancellationToken, Task<int>> CountVisible =
        CompiledQueries.PerProvider(() => EF.CompileAsyncQuery((NewsPortalDbContext db, int editionId, DateTime now, CancellationToken _) =>
            db.Articles.Count(a => a.EditionId == editionId && a.Status == ArticleStatus.Published && a.PublishedAt <= now)));

    private static readonly Func<NewsPortalDbContext, int, DateTime, int, int, IAsyncEnumerable<ArticleSummary>> LatestVisible =
        CompiledQueries.PerProvider(() => EF.CompileAsyncQuery((NewsPortalDbContext db, int editionId, DateTime now, int skip, int take) =>
            db.Articles.AsNoTracking()
                .Where(a => a.EditionId == editionId && a.Status == ArticleStatus.Published && a.PublishedAt <= now)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Skip(skip)
                .Take(take)
                .Select(ArticleQueries.ToSummary)));
}
