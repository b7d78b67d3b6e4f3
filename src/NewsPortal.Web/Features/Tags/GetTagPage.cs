using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.Tags;

/// <summary>A tag as reader pages name and link it.</summary>
public sealed record TagLink(int Id, string Name, string Slug);

public sealed record TagPageModel(TagLink Tag, PagedList<ArticleSummary> Articles);

/// <summary>A topic of one edition and its visible stories, newest first, paged like a section.</summary>
public sealed class GetTagPage(NewsPortalDbContext db, IOptionsSnapshot<SiteOptions> site, TimeProvider time)
{
    /// <summary>The edition's tag with this address; null when there is none (or the slug could not be one).</summary>
    public Task<TagLink?> FindAsync(int editionId, string slug, CancellationToken cancellationToken) =>
        slug.Length > Slugs.MaxLength ? Task.FromResult<TagLink?>(null)
            : db.Tags.AsNoTracking().Where(t => t.EditionId == editionId && t.Slug == slug)
                .Select(t => new TagLink(t.Id, t.Name, t.Slug)).FirstOrDefaultAsync(cancellationToken);

    public async Task<TagPageModel?> ExecuteAsync(int editionId, string slug, int page, CancellationToken cancellationToken)
    {
        // The page's queries and the breaking banner's share one connection.
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (await FindAsync(editionId, slug, cancellationToken) is not { } tag)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var size = site.Value.PageSize;
        var visible = db.Articles.AsNoTracking().VisibleAt(now)
            .Where(a => a.EditionId == editionId && a.Tags.Any(t => t.TagId == tag.Id));
        var total = await visible.CountAsync(cancellationToken);
        var items = await visible.Latest().Skip((page - 1) * size).Take(size).Select(ArticleQueries.ToSummary).ToListAsync(cancellationToken);
        return new TagPageModel(tag, new PagedList<ArticleSummary>(items, page, size, total));
    }
}
