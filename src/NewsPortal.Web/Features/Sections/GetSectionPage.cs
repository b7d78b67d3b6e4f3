using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Hosting;

namespace NewsPortal.Web.Features.Sections;

/// <summary>The latest stories of one section, paged.</summary>
public sealed class GetSectionPage(NewsPortalDbContext db, IOptionsSnapshot<SiteOptions> site, TimeProvider time)
{
    public async Task<PagedList<ArticleSummary>> ExecuteAsync(int sectionId, int page, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var size = site.Value.PageSize;
        var visible = db.Articles.AsNoTracking().VisibleAt(now).Where(a => a.SectionId == sectionId);
        var total = await visible.CountAsync(cancellationToken);
        var items = await visible.Latest().Skip((page - 1) * size).Take(size).Select(ArticleQueries.ToSummary).ToListAsync(cancellationToken);
        return new PagedList<ArticleSummary>(items, page, size, total);
    }
}
