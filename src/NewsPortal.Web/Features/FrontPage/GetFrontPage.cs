using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Hosting;

namespace NewsPortal.Web.Features.FrontPage;

public sealed record FrontPageModel(IReadOnlyList<ArticleSummary> TopStories, PagedList<ArticleSummary> Latest);

/// <summary>
/// An edition's front page: the top stories (first page only), then the latest stories, paged.
/// The top stories are the newest ones, so "latest" starts where they end.
/// </summary>
public sealed class GetFrontPage(NewsPortalDbContext db, IOptionsSnapshot<SiteOptions> site, TimeProvider time)
{
    public async Task<FrontPageModel> ExecuteAsync(int editionId, int page, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var options = site.Value;
        var visible = db.Articles.AsNoTracking().VisibleAt(now).Where(a => a.EditionId == editionId);
        var total = await visible.CountAsync(cancellationToken);
        var top = page == 1
            ? await visible.Latest().Take(options.TopStoriesCount).Select(ArticleQueries.ToSummary).ToListAsync(cancellationToken)
            : [];
        var latestTotal = Math.Max(0, total - options.TopStoriesCount);
        var latest = await visible.Latest()
            .Skip(options.TopStoriesCount + ((page - 1) * options.PageSize))
            .Take(options.PageSize)
            .Select(ArticleQueries.ToSummary)
            .ToListAsync(cancellationToken);
        return new FrontPageModel(top, new PagedList<ArticleSummary>(latest, page, options.PageSize, latestTotal));
    }
}
