using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;

namespace NewsPortal.Web.Features.Articles;

public sealed record BreakingStory(int Id, string Slug, string Headline);

/// <summary>The edition's current breaking story: the newest published one whose breaking flag has not expired.</summary>
public sealed class GetBreakingStory(NewsPortalDbContext db, TimeProvider time)
{
    public Task<BreakingStory?> ExecuteAsync(int editionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Articles.AsNoTracking()
            .VisibleAt(now)
            .Where(a => a.EditionId == editionId && a.BreakingUntil > now)
            .Latest()
            .Select(a => new BreakingStory(a.Id, a.Slug, a.Headline))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
