using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Features.Articles;

namespace NewsPortal.Web.Features.Sitemaps;

/// <summary>A translation of a sitemap entry, for its <c>xhtml:link rel="alternate" hreflang</c> list.</summary>
public sealed record SitemapAlternate(string EditionCode, int Id, string Slug);

/// <summary>A page of the edition listed by its slug (a tag or an author page) and when its newest story was published.</summary>
public sealed record SitemapPage(string Slug, DateTime LastModified);

public sealed record SitemapEntry(int Id, string Slug, string Headline, DateTime PublishedAt, DateTime LastModified, IReadOnlyList<SitemapAlternate> Alternates);

/// <summary>Published articles of an edition for the sitemaps: by page of a fixed size, or the news of the last 48 hours.</summary>
public sealed class GetSitemapEntries(NewsPortalDbContext db, TimeProvider time)
{
    public static readonly TimeSpan NewsWindow = TimeSpan.FromHours(48);

    /// <summary>Google News reads at most this many URLs from a news sitemap.</summary>
    public const int MaxNewsEntries = 1000;

    public Task<int> CountAsync(int editionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Articles.VisibleAt(now).CountAsync(a => a.EditionId == editionId, cancellationToken);
    }

    public Task<IReadOnlyList<SitemapEntry>> PageAsync(int editionId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return LoadAsync(db.Articles.AsNoTracking().VisibleAt(now).Where(a => a.EditionId == editionId).OrderBy(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize), now, cancellationToken);
    }

    public Task<IReadOnlyList<SitemapEntry>> RecentAsync(int editionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var since = now - NewsWindow;
        return LoadAsync(db.Articles.AsNoTracking().VisibleAt(now).Where(a => a.EditionId == editionId && a.PublishedAt >= since).Latest().Take(MaxNewsEntries), now, cancellationToken);
    }

    /// <summary>The edition's tags that have a visible story (a tag page without one is not worth indexing), by slug.</summary>
    public async Task<IReadOnlyList<SitemapPage>> TagsAsync(int editionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.Tags.AsNoTracking()
            .Where(t => t.EditionId == editionId)
            .Select(t => new
            {
                t.Slug,
                Newest = db.Articles.Where(a => a.Status == Domain.ArticleStatus.Published && a.PublishedAt <= now && a.Tags.Any(x => x.TagId == t.Id)).Max(a => a.PublishedAt),
            })
            .Where(t => t.Newest != null)
            .OrderBy(t => t.Slug)
            .Take(SitemapXml.MaxUrlsPerFile)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new SitemapPage(r.Slug, r.Newest!.Value)).ToList();
    }

    /// <summary>The author pages of the people credited on at least one of the edition's visible stories (a pen name by its own address only).</summary>
    public async Task<IReadOnlyList<SitemapPage>> AuthorsAsync(int editionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.People.AsNoTracking()
            .Select(p => new
            {
                p.Slug,
                Newest = db.Articles.Where(a => a.EditionId == editionId && a.Status == Domain.ArticleStatus.Published && a.PublishedAt <= now && a.Contributors.Any(c => c.PersonId == p.Id)).Max(a => a.PublishedAt),
            })
            .Where(p => p.Newest != null)
            .OrderBy(p => p.Slug)
            .Take(SitemapXml.MaxUrlsPerFile)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new SitemapPage(r.Slug, r.Newest!.Value)).ToList();
    }

    private async Task<IReadOnlyList<SitemapEntry>> LoadAsync(IQueryable<Domain.Article> query, DateTime now, CancellationToken cancellationToken)
    {
        var rows = await query.Select(a => new { a.Id, a.Slug, a.Headline, PublishedAt = a.PublishedAt!.Value, a.UpdatedAt, a.TranslationGroupId }).ToListAsync(cancellationToken);
        var groups = rows.Where(r => r.TranslationGroupId != null).Select(r => r.TranslationGroupId!.Value).Distinct().ToList();
        var translations = groups.Count == 0
            ? []
            : await db.Articles.AsNoTracking().VisibleAt(now)
                .Where(a => a.TranslationGroupId != null && groups.Contains(a.TranslationGroupId.Value))
                .Select(a => new { GroupId = a.TranslationGroupId!.Value, a.Edition.Code, a.Id, a.Slug })
                .ToListAsync(cancellationToken);
        var byGroup = translations.ToLookup(t => t.GroupId, t => new SitemapAlternate(t.Code, t.Id, t.Slug));
        return rows.Select(r => new SitemapEntry(
                r.Id,
                r.Slug,
                r.Headline,
                r.PublishedAt,
                r.UpdatedAt > r.PublishedAt ? r.UpdatedAt : r.PublishedAt,
                r.TranslationGroupId is { } g ? byGroup[g].ToList() : []))
            .ToList();
    }
}
