using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.Web.Features.LiveCoverage;

/// <summary>
/// Takes an update down. Never silently: readers see in its place that an update was removed, when and why, and the
/// audit entry keeps what it said. Its picture stops being public with it.
/// </summary>
public sealed class RemoveLiveUpdate(NewsPortalDbContext db, AuditTrail audit, TimeProvider time)
{
    public async Task<LiveDeskResult> ExecuteAsync(int articleId, long updateId, string? reason, EditorIdentity who, CancellationToken cancellationToken)
    {
        var update = await db.LiveUpdates.Include(u => u.Article).FirstOrDefaultAsync(u => u.Id == updateId && u.ArticleId == articleId, cancellationToken);
        if (update is null)
        {
            return LiveDeskResult.Fail(LiveDeskOutcome.NotFound);
        }

        if (update.IsRemoved)
        {
            return LiveDeskResult.Done(update.Id);
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > LiveUpdate.NoteMaxLength)
        {
            return LiveDeskResult.Fail(LiveDeskOutcome.Invalid, new Notice("Live.Problem.ReasonNeeded", LiveUpdate.NoteMaxLength));
        }

        var said = update.QuoteText is null ? update.BodyMarkdown : $"{update.BodyMarkdown}\n> {update.QuoteText} — {update.QuoteAttribution}";
        update.Remove(reason, who.UserName, time.GetUtcNow().UtcDateTime);
        var entry = audit.Add(AuditActions.LiveUpdateRemoved, who.UserName, PostLiveUpdate.Target(update.Article, update), $"{reason.Trim()} | text: {said}");
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
