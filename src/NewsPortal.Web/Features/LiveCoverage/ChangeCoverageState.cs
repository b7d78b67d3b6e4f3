using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.Web.Features.LiveCoverage;

/// <summary>
/// Opens an article as live coverage (or reopens ended coverage), or ends it: readers then see "Coverage ended" and
/// the breaking banner stops pointing to it. Audited; the article's version moves on as with any change of state.
/// </summary>
public sealed class ChangeCoverageState(NewsPortalDbContext db, AuditTrail audit, TimeProvider time)
{
    public async Task<LiveDeskResult> ExecuteAsync(int articleId, bool open, EditorIdentity who, CancellationToken cancellationToken)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null)
        {
            return LiveDeskResult.Fail(LiveDeskOutcome.NotFound);
        }

        if (article.IsCoverageOpen == open)
        {
            return LiveDeskResult.Done();
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (open)
        {
            article.StartCoverage(now);
        }
        else
        {
            article.EndCoverage(now);
        }

        var entry = audit.Add(open ? AuditActions.CoverageOpened : AuditActions.CoverageEnded, who.UserName, $"article {article.Id} “{article.Headline}”");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return LiveDeskResult.Fail(LiveDeskOutcome.Conflict, new Notice("Live.Problem.ChangedMeanwhile"));
        }

        audit.Committed(entry);
        return LiveDeskResult.Done();
    }
}
