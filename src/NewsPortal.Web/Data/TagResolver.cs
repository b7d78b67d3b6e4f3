using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data;

/// <summary>
/// Finds the edition's tags a list of names stands for, creating those that do not exist yet (for the article form,
/// restored revisions and the demo content). A name is an existing
/// tag when it matches the tag's name ignoring case, spacing and punctuation (<see cref="Tag.KeyOf"/>); a new tag
/// takes its slug from the edition's <see cref="SlugPolicy"/>, and <c>-2</c>, <c>-3</c>… when a different name already
/// has that slug (transliteration or truncation can give two names one slug). New tags are added to the context: they
/// are stored by the caller's save, in its transaction.
/// </summary>
public static class TagResolver
{
    public static async Task<IReadOnlyList<Tag>> ResolveAsync(NewsPortalDbContext db, int editionId, SlugPolicy? policy, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
        {
            return [];
        }

        var slugPolicy = policy ?? await db.Editions.Where(e => e.Id == editionId).Select(e => e.SlugPolicy).SingleAsync(cancellationToken);
        var wanted = names.Select(n => (Name: n, Key: Tag.KeyOf(n), Slug: Slugs.From(n, slugPolicy))).ToList();
        var slugs = wanted.Select(w => w.Slug).Distinct().ToList();
        // Tracked, so that the tags found and those added earlier in the same unit of work are all in Local.
        await db.Tags.Where(t => t.EditionId == editionId && slugs.Contains(t.Slug)).LoadAsync(cancellationToken);

        var tags = new List<Tag>();
        foreach (var (name, key, slug) in wanted)
        {
            var tag = Find(db, editionId, key);
            if (tag is null && InEdition(db, editionId).Any(t => t.Slug == slug))
            {
                // The slug is taken by another name: the tag may exist under a disambiguated slug.
                var prefix = slug + "-";
                await db.Tags.Where(t => t.EditionId == editionId && t.Slug.StartsWith(prefix)).LoadAsync(cancellationToken);
                tag = Find(db, editionId, key);
            }

            if (tag is null)
            {
                tag = new Tag(editionId, name, slugPolicy);
                var taken = InEdition(db, editionId).Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
                for (var suffix = 2; taken.Contains(tag.Slug); suffix++)
                {
                    tag.Rename(name, slugPolicy);
                    tag.DisambiguateSlug(suffix);
                }

                db.Tags.Add(tag);
            }

            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        return tags;
    }

    private static IEnumerable<Tag> InEdition(NewsPortalDbContext db, int editionId) =>
        db.Tags.Local.Where(t => t.EditionId == editionId);

    private static Tag? Find(NewsPortalDbContext db, int editionId, string key) =>
        InEdition(db, editionId).FirstOrDefault(t => Tag.KeyOf(t.Name) == key);
}
