using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;

namespace NewsPortal.Web.Features.Editing;

public enum TakeOverOutcome
{
    /// <summary>The person now holds the lock; nobody was editing (or it was already theirs).</summary>
    Claimed = 0,

    /// <summary>The person took the lock from a colleague, who will be told.</summary>
    TookOver = 1,
    NotFound = 2,
    Forbidden = 3,

    /// <summary>Colleagues kept changing the lock; nothing was taken (the page shows who has it now).</summary>
    Busy = 4,
}

/// <param name="From">Whom the lock was taken from, when it was.</param>
public sealed record TakeOverResult(TakeOverOutcome Outcome, string? From = null);

/// <summary>
/// "Take over": the person takes an article's lock from the colleague holding it. The take-over and its audit entry
/// (who took over from whom) commit together; the colleague is remembered as displaced until told, at their next save
/// (whose text is then kept as a set-aside revision) or their form's next heartbeat. Only someone who may edit the
/// article can take it over.
/// </summary>
public sealed class TakeOverEditLock(NewsPortalDbContext db, AuditTrail audit, TimeProvider time)
{
    public async Task<TakeOverResult> ExecuteAsync(int articleId, EditorIdentity who, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null)
        {
            return new TakeOverResult(TakeOverOutcome.NotFound);
        }

        if (!who.MayEdit(article))
        {
            return new TakeOverResult(TakeOverOutcome.Forbidden);
        }

        for (var attempt = 0; attempt < EditLockRows.Attempts; attempt++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var found = await EditLockRows.ReadAsync(db, articleId, cancellationToken);
            if (found is null)
            {
                if (await EditLockRows.InsertAsync(db, new EditLock(articleId, who.UserId, who.DisplayName, now), cancellationToken))
                {
                    return new TakeOverResult(TakeOverOutcome.Claimed);
                }

                continue;
            }

            var before = EditLockRows.Snapshot.Of(found);
            if (!found.IsActiveAt(now) || found.IsHeldBy(who.UserId))
            {
                found.Claim(who.UserId, who.DisplayName, now);
                if (await EditLockRows.ReplaceAsync(db, before, found, cancellationToken))
                {
                    return new TakeOverResult(TakeOverOutcome.Claimed);
                }

                continue;
            }

            var from = found.HolderName;
            var since = found.Since;
            found.TakeOver(who.UserId, who.DisplayName, now);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await EditLockRows.ReplaceAsync(db, before, found, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }

            var entry = audit.Add(AuditActions.EditTakenOver, who.UserName, $"article {article.Id} “{article.Headline}”",
                $"{who.DisplayName} took over editing from {from} (editing since {since:u})");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            audit.Committed(entry);
            return new TakeOverResult(TakeOverOutcome.TookOver, from);
        }

        return new TakeOverResult(TakeOverOutcome.Busy);
    }
}
