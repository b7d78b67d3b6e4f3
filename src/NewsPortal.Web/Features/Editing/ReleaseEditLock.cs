using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;

namespace NewsPortal.Web.Features.Editing;

/// <summary>
/// "Stop editing", or the form's tab closing: frees the person's own lock on an article so colleagues can edit at once.
/// Someone else's lock is never touched. When a colleague the person took over from is still to be told, the lock only
/// expires, keeping that mark until they are.
/// </summary>
public sealed class ReleaseEditLock(NewsPortalDbContext db, TimeProvider time)
{
    /// <summary>False when the article does not exist.</summary>
    public async Task<bool> ExecuteAsync(int articleId, EditorIdentity who, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (!await db.Articles.AnyAsync(a => a.Id == articleId, cancellationToken))
        {
            return false;
        }

        for (var attempt = 0; attempt < EditLockRows.Attempts; attempt++)
        {
            var found = await EditLockRows.ReadAsync(db, articleId, cancellationToken);
            if (found is null || !found.IsHeldBy(who.UserId))
            {
                return true;
            }

            var before = EditLockRows.Snapshot.Of(found);
            bool released;
            if (found.DisplacedId is null)
            {
                released = await EditLockRows.DeleteAsync(db, before, cancellationToken);
            }
            else
            {
                found.Expire(time.GetUtcNow().UtcDateTime);
                released = await EditLockRows.ReplaceAsync(db, before, found, cancellationToken);
            }

            if (released)
            {
                return true;
            }
        }

        return true;
    }
}
