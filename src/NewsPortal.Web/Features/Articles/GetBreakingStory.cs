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
        BreakingCandidate? newest = null;
        var live = false;
        await foreach (var candidate in Candidates(db, editionId, now).WithCancellation(cancellationToken))
        {
            var breaking = candidate.IsLive
                ? Article.IsPublishedAt(candidate.Status, candidate.PublishedAt, now)
                : Article.IsBreakingAt(candidate.Status, candidate.PublishedAt, candidate.BreakingUntil, now);
            if (!breaking)
            {
                continue;
            }

            var order = (candidate.PublishedAt, candidate.Id).CompareTo((newest?.PublishedAt, newest?.Id ?? 0));
            if (newest is null || order > 0)
            {
                newest = candidate;
                live = candidate.IsLive;
            }
            else if (order == 0)
            {
                // A flagged story that is also open live coverage comes twice: it is live.
                live |= candidate.IsLive;
            }
        }

        return newest is null ? null : new BreakingStory(newest.Id, newest.Slug, newest.Headline, live);
    }

    private sealed record BreakingCandidate(int Id, string Slug, string Headline, ArticleStatus Status, DateTime? PublishedAt, DateTime? BreakingUntil, bool IsLive);

    // One command: the edition's unexpired flags and its open coverage, each part found by its own partial index.
    private static readonly Func<NewsPortalDbContext, int, DateTime, IAsyncEnumerable<BreakingCandidate>> Candidates =
        CompiledQueries.PerProvider(() => EF.CompileAsyncQuery((NewsPortalDbContext db, int editionId, DateTime now) =>
            db.Articles.AsNoTracking()
                .Where(a => a.EditionId == editionId && a.BreakingUntil > now)
                .Select(a => new { a.Id, a.Slug, a.Headline, a.Status, a.PublishedAt, a.BreakingUntil, IsLive = false })
                .Concat(db.Articles.AsNoTracking()
                    .Where(a => a.EditionId == editionId && a.IsLiveCoverage && a.CoverageEndedAt == null)
                    .Select(a => new { a.Id, a.Slug, a.Headline, a.Status, a.PublishedAt, a.BreakingUntil, IsLive = true }))
                .Select(a => new BreakingCandidate(a.Id, a.Slug, a.Headline, a.Status, a.PublishedAt, a.BreakingUntil, a.IsLive))));
}
