using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Articles;

/// <param name="IsLive">The story is open live coverage: the banner says LIVE and leads to its updates.</param>
public sealed record BreakingStory(int Id, string Slug, string Headline, bool IsLive = false);

/// <summary>
/// The edition's current breaking story: the newest published one whose breaking flag has not expired.
/// Every reader page asks (the banner). The query asks only for the edition's unexpired flags, which
/// the partial (EditionId, BreakingUntil) index finds directly; which of those few stories readers may
/// see is decided here. With the visibility test in SQL, SQLite walked the edition's published stories
/// newest first instead, all of them whenever no story was breaking.
/// <para>
/// Open live coverage is breaking news for as long as it is open (found through the partial index on the few
/// live-coverage stories): when it is the newest of the edition's breaking stories, the banner says LIVE and leads
/// to its updates.
/// </para>
/// </summary>
public sealed class GetBreakingStory(NewsPortalDbContext db, TimeProvider time)
{
    public async Task<BreakingStory?> ExecuteAsync(int editionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Open live coverage is breaking news while it is open; the newest story of either kind leads the banner.
        BreakingCandidate? live = null;
        await foreach (var candidate in OpenCoverage(db, editionId).WithCancellation(cancellationToken))
        {
            if (Article.IsPublishedAt(candidate.Status, candidate.PublishedAt, now)
                && (live is null || (candidate.PublishedAt, candidate.Id).CompareTo((live.PublishedAt, live.Id)) > 0))
            {
                live = candidate;
            }
        }

        BreakingCandidate? newest = null;
        await foreach (var candidate in Flagged(db, editionId, now).WithCancellation(cancellationToken))
        {
            if (Article.IsBreakingAt(candidate.Status, candidate.PublishedAt, candidate.BreakingUntil, now)
                && (newest is null || (candidate.PublishedAt, candidate.Id).CompareTo((newest.PublishedAt, newest.Id)) > 0))
            {
                newest = candidate;
            }
        }

        if (live is not null && (newest is null || (live.PublishedAt, live.Id).CompareTo((newest.PublishedAt, newest.Id)) >= 0))
        {
            return new BreakingStory(live.Id, live.Slug, live.Headline, IsLive: true);
        }

        return newest is null ? null : new BreakingStory(newest.Id, newest.Slug, newest.Headline);
    }

    private sealed record BreakingCandidate(int Id, string Slug, string Headline, ArticleStatus Status, DateTime? PublishedAt, DateTime? BreakingUntil);

    private static readonly Func<NewsPortalDbContext, int, DateTime, IAsyncEnumerable<BreakingCandidate>> Flagged =
        CompiledQueries.PerProvider(() => EF.CompileAsyncQuery((NewsPortalDbContext db, int editionId, DateTime now) =>
            db.Articles.AsNoTracking()
                .Where(a => a.EditionId == editionId && a.BreakingUntil > now)
                .Select(a => new BreakingCandidate(a.Id, a.Slug, a.Headline, a.Status, a.PublishedAt, a.BreakingUntil))));

    private static readonly Func<NewsPortalDbContext, int, IAsyncEnumerable<BreakingCandidate>> OpenCoverage =
        CompiledQueries.PerProvider(() => EF.CompileAsyncQuery((NewsPortalDbContext db, int editionId) =>
            db.Articles.AsNoTracking()
                .Where(a => a.EditionId == editionId && a.IsLiveCoverage && a.CoverageEndedAt == null)
                .Select(a => new BreakingCandidate(a.Id, a.Slug, a.Headline, a.Status, a.PublishedAt, a.BreakingUntil))));
}
