using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Editing;

/// <summary>
/// What opening an article to edit found: the person holds its lock now (<see cref="Held"/>), someone else holds it
/// (<see cref="Other"/>), or neither when no lock could be stored (the database cannot be written: reading goes on).
/// </summary>
public sealed record EditLockClaim(bool Held, EditLockHolder? Other);

/// <summary>
/// Opening an article to edit (or saving it) takes its soft lock when it is free, expired or already the person's
/// own, and refreshes it then; when a colleague holds an active lock it is left alone and they are named instead.
/// Of two people claiming at once only one gets it (see <see cref="EditLockRows"/>); the other is told who has it.
/// </summary>
public sealed class ClaimEditLock(NewsPortalDbContext db, TimeProvider time, ILogger<ClaimEditLock> logger)
{
    public async Task<EditLockClaim> ExecuteAsync(int articleId, EditorIdentity who, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        try
        {
            for (var attempt = 0; attempt < EditLockRows.Attempts; attempt++)
            {
                var now = time.GetUtcNow().UtcDateTime;
                var found = await EditLockRows.ReadAsync(db, articleId, cancellationToken);
                if (found is null)
                {
                    if (await EditLockRows.InsertAsync(db, new EditLock(articleId, who.UserId, who.DisplayName, now), cancellationToken))
                    {
                        return new EditLockClaim(true, null);
                    }

                    continue;
                }

                if (found.IsActiveAt(now) && !found.IsHeldBy(who.UserId))
                {
                    return new EditLockClaim(false, new EditLockHolder(found.HolderName, found.Since));
                }

                var before = EditLockRows.Snapshot.Of(found);
                found.Claim(who.UserId, who.DisplayName, now);
                if (await EditLockRows.ReplaceAsync(db, before, found, cancellationToken))
                {
                    return new EditLockClaim(true, null);
                }
            }

            // Someone else kept writing the lock between every read and write: they have it.
            var holder = await EditLockRows.ReadAsync(db, articleId, cancellationToken);
            return holder is not null && !holder.IsHeldBy(who.UserId)
                ? new EditLockClaim(false, new EditLockHolder(holder.HolderName, holder.Since))
                : new EditLockClaim(holder is not null, null);
        }
        catch (Exception ex) when (StorageFailure.IsStorageUnavailable(ex))
        {
            logger.LogWarning(ex, "The edit lock of article {ArticleId} could not be stored: the database cannot be written", articleId);
            return new EditLockClaim(false, null);
        }
    }
}
