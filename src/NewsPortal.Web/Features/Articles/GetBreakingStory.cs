using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Articles;

public sealed record BreakingStory(int Id, string Slug, string Headline);

/// <summary>
/// The edition's current breaking story: the newest published one whose breaking flag has not expired.
/// Every reader page asks (the banner), so the query is compiled once.
/// </summary>
public sealed class GetBreakingStory(NewsPortalDbContext db, TimeProvider time)
{
    public Task<BreakingStory?> ExecuteAsync(int editionId, CancellationToken cancellationToken) =>
        Newest(db, editionId, time.GetUtcNow().UtcDateTime, cancellationToken);

    // Visible means published and not scheduled for later, as ArticleQueries.VisibleAt says.
    private static readonly Func<NewsPortalDbContext, int, DateTime, CancellationToken, Task<BreakingStory?>> Newest =
        EF.CompileAsyncQuery((NewsPortalDbContext db, int editionId, DateTime now, CancellationToken _) =>
            db.Articles.AsNoTracking()
                .Where(a => a.EditionId == editionId && a.BreakingUntil > now && a.Status == ArticleStatus.Published && a.PublishedAt <= now)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Select(a => new BreakingStory(a.Id, a.Slug, a.Headline))
                .FirstOrDefault());
}
