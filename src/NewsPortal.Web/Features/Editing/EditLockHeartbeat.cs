using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Editing;

public enum HeartbeatOutcome
{
    Answered = 0,
    NotFound = 1,
    Forbidden = 2,
}

/// <summary>
/// What a form's heartbeat learns: the person still holds the lock (until <see cref="ExpiresAt"/>), or not: a colleague
/// took over (<see cref="TakenOverBy"/> at <see cref="At"/>, told once), or holds it after the person's lock expired
/// (<see cref="HeldBy"/> since <see cref="At"/>).
/// </summary>
public sealed record HeartbeatAnswer(bool Held, DateTime? ExpiresAt = null, string? TakenOverBy = null, string? HeldBy = null, DateTime? At = null);

public sealed record HeartbeatResult(HeartbeatOutcome Outcome, HeartbeatAnswer? Answer = null);

/// <summary>
/// The article form's script says every half minute that the person is still there. That keeps their lock alive (and
/// makes it expire 90 seconds after the beats stop: a closed tab, a lost network); a lock that expired with nobody else
/// taking it is theirs again. If a colleague took over, the answer says so, once: the displaced mark is cleared as it is told.
/// </summary>
public sealed class EditLockHeartbeat(NewsPortalDbContext db, TimeProvider time)
{
    public async Task<HeartbeatResult> ExecuteAsync(int articleId, EditorIdentity who, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null)
        {
            return new HeartbeatResult(HeartbeatOutcome.NotFound);
        }

        if (!who.MayEdit(article))
        {
            return new HeartbeatResult(HeartbeatOutcome.Forbidden);
        }

        for (var attempt = 0; attempt < EditLockRows.Attempts; attempt++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var found = await EditLockRows.ReadAsync(db, articleId, cancellationToken);
            if (found is null)
            {
                var created = new EditLock(articleId, who.UserId, who.DisplayName, now);
                created.Seen(now, heartbeat: true);
                if (await EditLockRows.InsertAsync(db, created, cancellationToken))
                {
                    return Held(created);
                }

                continue;
            }

            var before = EditLockRows.Snapshot.Of(found);
            if (found.DisplacedId == who.UserId)
            {
                var answer = new HeartbeatAnswer(false, TakenOverBy: found.HolderName, At: found.TakenOverAt);
                found.ClearDisplaced();
                if (await EditLockRows.ReplaceAsync(db, before, found, cancellationToken))
                {
                    return new HeartbeatResult(HeartbeatOutcome.Answered, answer);
                }

                continue;
            }

            if (found.IsActiveAt(now) && !found.IsHeldBy(who.UserId))
            {
                return new HeartbeatResult(HeartbeatOutcome.Answered, new HeartbeatAnswer(false, HeldBy: found.HolderName, At: found.Since));
            }

            found.Claim(who.UserId, who.DisplayName, now);
            found.Seen(now, heartbeat: true);
            if (await EditLockRows.ReplaceAsync(db, before, found, cancellationToken))
            {
                return Held(found);
            }
        }

        var current = await EditLockRows.ReadAsync(db, articleId, cancellationToken);
        return new HeartbeatResult(HeartbeatOutcome.Answered, current is not null && current.IsHeldBy(who.UserId)
            ? new HeartbeatAnswer(true, current.ExpiresAt)
            : new HeartbeatAnswer(false, HeldBy: current?.HolderName, At: current?.Since));
    }

    private static HeartbeatResult Held(EditLock held) => new(HeartbeatOutcome.Answered, new HeartbeatAnswer(true, held.ExpiresAt));
}
