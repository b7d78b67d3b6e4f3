using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Reading;

/// <summary>A story in an edition's most-read list.</summary>
public sealed record MostReadStory(int Id, string Slug, string Headline);

/// <summary>
/// An edition's most-read stories: the visible published stories with the most reads in the hourly rows of the last
/// 24 hours, most first (a tie goes to the newer story). One query on the (EditionId, Hour) index; pages take it from
/// <see cref="MostReadLists"/>, which asks at most once a minute per edition.
/// </summary>
public sealed class GetMostRead(NewsPortalDbContext db)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public async Task<IReadOnlyList<MostReadStory>> ExecuteAsync(int editionId, DateTime now, int count, CancellationToken cancellationToken)
    {
        var since = now - Window;
        return await db.ReadCounts.AsNoTracking()
            .Where(r => r.EditionId == editionId && r.Hour > since && r.Hour <= now)
            .GroupBy(r => r.ArticleId)
            .Select(g => new { ArticleId = g.Key, Reads = g.Sum(r => r.Count) })
            .Join(
                db.Articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now),
                r => r.ArticleId,
                a => a.Id,
                (r, a) => new { r.Reads, a.Id, a.Slug, a.Headline, a.PublishedAt })
            .OrderByDescending(x => x.Reads).ThenByDescending(x => x.PublishedAt).ThenByDescending(x => x.Id)
            .Take(count)
            .Select(x => new MostReadStory(x.Id, x.Slug, x.Headline))
            .ToListAsync(cancellationToken);
    }
}
