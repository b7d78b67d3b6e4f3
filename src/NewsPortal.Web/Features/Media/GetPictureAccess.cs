using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.Web.Features.Media;

/// <summary>Who may fetch a stored picture.</summary>
public enum PictureAccess
{
    /// <summary>Nobody asking may see it (or it does not exist): answered as not found.</summary>
    Hidden,

    /// <summary>The lead picture of a story readers can read now: shared caches may keep it.</summary>
    Public,

    /// <summary>Unpublished work shown to its author, an editor or an admin: never stored by a cache.</summary>
    Private,
}

/// <summary>
/// Decides whether a picture under <c>/media</c> may be sent. A picture is public while it leads a published story
/// or illustrates an update (not removed) of one, or is the photo on a person's author page (a pen name never has one);
/// any other picture (a draft's, a scheduled story's, the pending change of a live story, an old revision's) is
/// unpublished work and follows the preview's rule: editors and admins see it, a writer only on their own articles.
/// Public answers are remembered for a minute, as long as shared caches keep the picture anyway.
/// </summary>
public sealed class GetPictureAccess(NewsPortalDbContext db, IMemoryCache cache, TimeProvider time)
{
    private static readonly TimeSpan PublicFor = TimeSpan.FromMinutes(1);

    /// <summary>The storage key of a rendition's file name (<c>{key}-{width}.jpg</c>), or null for any other name.</summary>
    public static string? StorageKeyOf(string fileName)
    {
        var dash = fileName.LastIndexOf('-');
        return dash > 0 && fileName.EndsWith(".jpg", StringComparison.Ordinal) && !fileName.Contains('/', StringComparison.Ordinal)
            ? fileName[..dash]
            : null;
    }

    /// <summary>
    /// Who may fetch the picture under <paramref name="storageKey"/>. The person asking is read through
    /// <paramref name="user"/> only for a picture that is not public: a reader's request never decrypts a cookie.
    /// </summary>
    public async Task<PictureAccess> ExecuteAsync(string storageKey, Func<Task<ClaimsPrincipal?>> user, CancellationToken cancellationToken)
    {
        var cacheKey = (typeof(GetPictureAccess), storageKey);
        if (cache.TryGetValue(cacheKey, out _))
        {
            return PictureAccess.Public;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var image = await db.Images.AsNoTracking().Where(i => i.StorageKey == storageKey).Select(i => new { i.Id }).FirstOrDefaultAsync(cancellationToken);
        if (image is null)
        {
            return PictureAccess.Hidden;
        }

        if (await db.Articles.AnyAsync(a => a.LeadImageId == image.Id && a.Status == ArticleStatus.Published && a.PublishedAt <= now, cancellationToken)
            || await db.LiveUpdates.AnyAsync(u => u.ImageId == image.Id && u.RemovedAt == null && u.Article.Status == ArticleStatus.Published && u.Article.PublishedAt <= now, cancellationToken)
            || await db.People.AnyAsync(p => p.PhotoImageId == image.Id && !p.IsPenName, cancellationToken))
        {
            cache.Set(cacheKey, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = PublicFor, Size = 1 });
            return PictureAccess.Public;
        }

        if (await user() is not { Identity.IsAuthenticated: true } person || person.FindFirstValue(ClaimTypes.NameIdentifier) is null)
        {
            return PictureAccess.Hidden;
        }

        var who = EditorIdentity.From(person);
        return who.CanPublish || await IsOnOwnArticleAsync(image.Id, who.UserId, cancellationToken) ? PictureAccess.Private : PictureAccess.Hidden;
    }

    /// <summary>The picture leads one of the writer's articles, now, in its pending change or in one of its revisions.</summary>
    private async Task<bool> IsOnOwnArticleAsync(int imageId, string userId, CancellationToken cancellationToken)
    {
        var own = db.Articles.AsNoTracking().Where(a => a.CreatedById == userId);
        if (await own.AnyAsync(a => a.LeadImageId == imageId, cancellationToken))
        {
            return true;
        }

        var pending = await own.Where(a => a.PendingContent != null).Select(a => a.PendingContent).ToListAsync(cancellationToken);
        if (pending.Any(c => c!.LeadImageId == imageId))
        {
            return true;
        }

        var revisions = await db.Revisions.AsNoTracking()
            .Where(r => r.Content != null && own.Select(a => a.Id).Contains(r.ArticleId))
            .Select(r => r.Content)
            .ToListAsync(cancellationToken);
        return revisions.Any(c => c!.LeadImageId == imageId);
    }
}
