using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.People;

/// <summary>
/// A person as one edition's readers know them. For a pen name this is all there is: the pen name, its bio
/// in the edition and its stories; never a photo, the real name, the account or another name of the same person.
/// </summary>
public sealed record AuthorView(int Id, string Slug, string Name, string Bio, ImageView? Photo, bool HasProfile);

/// <summary>An author page: the person, then their stories in the edition, newest first.</summary>
public sealed record AuthorPage(AuthorView Author, PagedList<ArticleSummary> Articles);

/// <summary>
/// The author page of <c>/{edition}/author/{slug}</c>: the person's name and bio in the edition, their photo, and the
/// edition's visible stories they are credited on in any role. A person with neither a name of their own in the
/// edition nor a story in it has no page there.
/// </summary>
public sealed class GetAuthorPage(NewsPortalDbContext db, IOptionsSnapshot<SiteOptions> site, TimeProvider time)
{
    public async Task<AuthorView?> PersonAsync(string slug, int editionId, CancellationToken cancellationToken)
    {
        if (!Slugs.IsValid(slug))
        {
            return null;
        }

        return await db.People.AsNoTracking()
            .Where(p => p.Slug == slug)
            .Select(p => new AuthorView(
                p.Id,
                p.Slug,
                p.Profiles.Where(x => x.EditionId == editionId).Select(x => x.DisplayName).FirstOrDefault() ?? p.LatinName,
                p.Profiles.Where(x => x.EditionId == editionId).Select(x => x.Bio).FirstOrDefault() ?? "",
                p.IsPenName || p.Photo == null
                    ? null
                    : new ImageView(p.Photo.StorageKey, p.Photo.Width, p.Photo.Height, p.Photo.AltText, p.Photo.IsDecorative, p.Photo.Caption, p.Photo.Credit),
                p.Profiles.Any(x => x.EditionId == editionId)))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<AuthorPage?> ExecuteAsync(string slug, int editionId, int page, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var size = site.Value.PageSize;
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (await PersonAsync(slug, editionId, cancellationToken) is not { } person)
        {
            return null;
        }

        var stories = db.Articles.AsNoTracking()
            .VisibleAt(now)
            .Where(a => a.EditionId == editionId && a.Contributors.Any(c => c.PersonId == person.Id));
        var total = await stories.CountAsync(cancellationToken);
        if (total == 0 && !person.HasProfile)
        {
            return null;
        }

        var items = await stories.Latest().Skip((page - 1) * size).Take(size).Select(ArticleQueries.ToSummary).ToListAsync(cancellationToken);
        return new AuthorPage(person, new PagedList<ArticleSummary>(items, page, size, total));
    }
}
