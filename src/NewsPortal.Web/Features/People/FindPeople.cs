using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.People;

/// <summary>A person a search found, as the edition names them.</summary>
public sealed record FoundPerson(string Slug, string Name);

/// <summary>
/// The people of an edition whose name contains the reader's words: the name the edition shows or the Latin-script
/// name, ignoring case and accents in every script. Only people the edition knows (a name of their own there, or a
/// published story) are found; a pen name only by its pen name, never by anything the newsroom keeps about it.
/// </summary>
public sealed class FindPeople(NewsPortalDbContext db, TimeProvider time)
{
    public const int MaxResults = 5;

    public async Task<IReadOnlyList<FoundPerson>> ExecuteAsync(int editionId, string query, CancellationToken cancellationToken)
    {
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.Trim('"', '*', '(', ')'))
            .Where(w => w.Length > 0)
            .ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var now = time.GetUtcNow().UtcDateTime;
        var known = await db.People.AsNoTracking()
            .Where(p => p.Profiles.Any(x => x.EditionId == editionId)
                || db.Articles.Any(a => a.EditionId == editionId && a.Status == ArticleStatus.Published && a.PublishedAt <= now && a.Contributors.Any(c => c.PersonId == p.Id)))
            .Select(p => new
            {
                p.Slug,
                p.LatinName,
                Name = p.Profiles.Where(x => x.EditionId == editionId).Select(x => x.DisplayName).FirstOrDefault() ?? p.LatinName,
            })
            .ToListAsync(cancellationToken);

        var compare = CultureInfo.InvariantCulture.CompareInfo;
        const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth;
        return known
            .Where(p => words.All(w => compare.IndexOf(p.Name, w, Loose) >= 0 || compare.IndexOf(p.LatinName, w, Loose) >= 0))
            .OrderBy(p => p.Name, StringComparer.Create(CultureInfo.InvariantCulture, true))
            .Take(MaxResults)
            .Select(p => new FoundPerson(p.Slug, p.Name))
            .ToList();
    }
}
