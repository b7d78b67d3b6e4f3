using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;

namespace NewsPortal.Web.Features.Editing;

/// <summary>
/// Brings back an earlier revision whole: text, section, credits, picture and its text, times. On a live
/// story the restored version waits as pending changes, like any other edit; the restore itself becomes
/// a new revision, so it can be undone the same way.
/// </summary>
public sealed class RestoreRevision(NewsPortalDbContext db, ArticleContentWriter writer, AuditTrail audit, TimeProvider time)
{
    public async Task<SaveResult> ExecuteAsync(int articleId, long revisionId, int version, EditorIdentity who, CancellationToken cancellationToken)
    {
        var article = await db.Articles.Include(a => a.Sources).Include(a => a.Contributors).Include(a => a.LeadImage).Include(a => a.Tags).ThenInclude(t => t.Tag).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == articleId, cancellationToken);
        if (article is null || revision is null)
        {
            return SaveResult.Fail(SaveOutcome.NotFound);
        }

        if (!who.MayEdit(article))
        {
            return SaveResult.Fail(SaveOutcome.Forbidden);
        }

        if (article.Version != version)
        {
            return new SaveResult(SaveOutcome.Conflict, article, [new Notice("Problem.ChangedSinceRevisionsOpened")]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var content = revision.RestoreOnto(article.WorkingContent);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (article.Status == ArticleStatus.Published)
        {
            writer.KeepPending(article, content, who, now);
        }
        else
        {
            await writer.ApplyAsync(article, content, who, now, null, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.Restored, who.UserName, $"article {article.Id} “{article.Headline}”", $"revision of {revision.SavedAt:u} by {revision.SavedBy}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SaveResult(SaveOutcome.Saved, article, revision.Content is null ? [new Notice("Problem.OldRevisionPartlyRestored")] : []);
    }
}
