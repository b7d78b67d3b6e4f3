using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;

namespace NewsPortal.Web.Features.Editing;

public enum CorrectionOutcome
{
    Added = 0,
    NotFound = 1,
    NotPublished = 2,
    Invalid = 3,
}

/// <summary>
/// Publishes a dated correction on a live article. The correction, a revision recording the change and the
/// audit entry commit in one save.
/// </summary>
public sealed class AddCorrection(NewsPortalDbContext db, AuditTrail audit, TimeProvider time)
{
    public const int MaxLength = 2000;

    public async Task<CorrectionOutcome> ExecuteAsync(int articleId, string? text, EditorIdentity who, CancellationToken cancellationToken)
    {
        var article = await db.Articles.Include(a => a.Corrections).Include(a => a.Sources).Include(a => a.Contributors).Include(a => a.LeadImage).Include(a => a.Tags).ThenInclude(t => t.Tag).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null)
        {
            return CorrectionOutcome.NotFound;
        }

        if (article.Status != ArticleStatus.Published)
        {
            return CorrectionOutcome.NotPublished;
        }

        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxLength)
        {
            return CorrectionOutcome.Invalid;
        }

        var now = time.GetUtcNow().UtcDateTime;
        article.AddCorrection(text.Trim(), now);
        // The revision keeps what the editors work from (pending changes stay pending), at the new version.
        db.Revisions.Add(new ArticleRevision(article, article.WorkingContent, who.UserName, now, pending: article.PendingContent is not null));
        var entry = audit.Add(AuditActions.Corrected, who.UserName, $"article {article.Id} “{article.Headline}”", text.Trim());
        await db.SaveChangesAsync(cancellationToken);
        audit.Committed(entry);
        return CorrectionOutcome.Added;
    }
}
