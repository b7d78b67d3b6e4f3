using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Editing;

/// <summary>Whoever else is editing an article: their name, and since when.</summary>
public sealed record EditLockHolder(string Name, DateTime Since)
{
    /// <summary>How the editor area writes the time of a lock (in UTC, as every time in the editor area).</summary>
    public const string TimeFormat = "yyyy-MM-dd HH:mm";

    public static string Format(DateTime at) => at.ToString(TimeFormat, CultureInfo.InvariantCulture);
}

/// <summary>
/// Writes an edit lock only if it is still as it was read, so that two people acting at once never both get it:
/// a new lock is an insert that the primary key lets only one of them make; a change is an update whose WHERE names
/// the lock as read (holder, since, last seen), which matches no row once someone else changed it. The same on SQLite
/// and PostgreSQL, with no lock held between the read and the write. A lost race answers false; the caller reads again.
/// </summary>
internal static class EditLockRows
{
    public const int Attempts = 3;

    /// <summary>The lock as read, to name it in the WHERE of the write that replaces it.</summary>
    public readonly record struct Snapshot(int ArticleId, string HolderId, DateTime Since, DateTime LastSeenAt)
    {
        public static Snapshot Of(EditLock found) => new(found.ArticleId, found.HolderId, found.Since, found.LastSeenAt);
    }

    public static Task<EditLock?> ReadAsync(NewsPortalDbContext db, int articleId, CancellationToken cancellationToken) =>
        db.EditLocks.AsNoTracking().FirstOrDefaultAsync(l => l.ArticleId == articleId, cancellationToken);

    /// <summary>Adds a lock where there was none; false when someone else added one first.</summary>
    public static async Task<bool> InsertAsync(NewsPortalDbContext db, EditLock created, CancellationToken cancellationToken)
    {
        db.EditLocks.Add(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (!StorageFailure.IsStorageUnavailable(ex))
        {
            return false;
        }
        finally
        {
            db.Entry(created).State = EntityState.Detached;
        }
    }

    /// <summary>Replaces the lock read as <paramref name="before"/> with <paramref name="after"/>; false when it changed in between.</summary>
    public static async Task<bool> ReplaceAsync(NewsPortalDbContext db, Snapshot before, EditLock after, CancellationToken cancellationToken) =>
        await Matching(db, before).ExecuteUpdateAsync(
            set => set
                .SetProperty(l => l.HolderId, after.HolderId)
                .SetProperty(l => l.HolderName, after.HolderName)
                .SetProperty(l => l.Since, after.Since)
                .SetProperty(l => l.LastSeenAt, after.LastSeenAt)
                .SetProperty(l => l.HasHeartbeat, after.HasHeartbeat)
                .SetProperty(l => l.DisplacedId, after.DisplacedId)
                .SetProperty(l => l.DisplacedName, after.DisplacedName)
                .SetProperty(l => l.TakenOverAt, after.TakenOverAt),
            cancellationToken) == 1;

    /// <summary>Removes the lock read as <paramref name="before"/>; false when it changed in between.</summary>
    public static async Task<bool> DeleteAsync(NewsPortalDbContext db, Snapshot before, CancellationToken cancellationToken) =>
        await Matching(db, before).ExecuteDeleteAsync(cancellationToken) == 1;

    private static IQueryable<EditLock> Matching(NewsPortalDbContext db, Snapshot before) =>
        db.EditLocks.Where(l => l.ArticleId == before.ArticleId && l.HolderId == before.HolderId && l.Since == before.Since && l.LastSeenAt == before.LastSeenAt);
}
