using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.Sources;

public sealed record SourceProfile(string Code, string ShortName, string FullName, SourceKind Kind, string? Url);

public sealed record SourcePageModel(SourceProfile Source, PagedList<ArticleSummary> Articles);

/// <summary>A source, what kind of organisation it is, and the edition's stories that credit it.</summary>
public sealed class GetSourcePage(NewsPortalDbContext db, IOptionsSnapshot<SiteOptions> site, TimeProvider time)
{
    public async Task<SourcePageModel?> ExecuteAsync(int editionId, string language, string code, int page, CancellationToken cancellationToken)
    {
        var source = await db.Sources.AsNoTracking().Include(s => s.LocalNames).FirstOrDefaultAsync(s => s.Code == code, cancellationToken);
        if (source is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var size = site.Value.PageSize;
        var visible = db.Articles.AsNoTracking().VisibleAt(now)
            .Where(a => a.EditionId == editionId && a.Sources.Any(s => s.SourceId == source.Id));
        var total = await visible.CountAsync(cancellationToken);
        var items = await visible.Latest().Skip((page - 1) * size).Take(size).Select(ArticleQueries.ToSummary).ToListAsync(cancellationToken);
        return new SourcePageModel(
            new SourceProfile(source.Code, source.ShortNameIn(language), source.FullNameIn(language), source.Kind, source.Url),
            new PagedList<ArticleSummary>(items, page, size, total));
    }
}
