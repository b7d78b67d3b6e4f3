using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.Web.Features.LiveCoverage;

/// <summary>Marks an update as a key update (summarized above the coverage) or takes the mark off; audited.</summary>
public sealed class PinLiveUpdate(NewsPortalDbContext db, AuditTrail audit)
{
    public async Task<LiveDeskResult> ExecuteAsync(int articleId, long updateId, bool pinned, EditorIdentity who, CancellationToken cancellationToken)
    {
        var update = await db.LiveUpdates.Include(u => u.Article).FirstOrDefaultAsync(u => u.Id == updateId && u.ArticleId == articleId, cancellationToken);
        if (update is null)
        {
            return LiveDeskResult.Fail(LiveDeskOutcome.NotFound);
        }

        if (update.IsRemoved)
        {
            return LiveDeskResult.Fail(LiveDeskOutcome.Conflict, new Notice("Live.Problem.Removed"));
        }

        if (update.IsPinned == pinned)
        {
            return LiveDeskResult.Done(update.Id);
        }

        update.Pin(pinned);
        var entry = audit.Add(pinned ? AuditActions.LiveUpdatePinned : AuditActions.LiveUpdateUnpinned, who.UserName, PostLiveUpdate.Target(update.Article, update));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return LiveDeskResult.Fail(LiveDeskOutcome.Conflict, new Notice("Live.Problem.ChangedMeanwhile"));
        }

        audit.Committed(entry);
        return LiveDeskResult.Done(update.Id);
    }
}
