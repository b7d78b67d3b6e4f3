using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Related;

/// <summary>
/// Works out the stored related-story lists a change to one article affects, in the caller's transaction, after the
/// article's own change was saved in it: when it is published, changed while live, unpublished, or published by the
/// scheduler. The article's own list (emptied when readers cannot see it), the lists that show it (found by the
/// <c>RelatedId</c> index), and when it is visible the lists of the <see cref="RelatedStories.NeighboursRefreshed"/>
/// newest stories sharing a tag or its section, so that they can show it (worked out again only where it ranks above
/// a story listed, which is rarely: a publication costs a few queries, not one per neighbour). Only lists that changed are written; the
/// reader cache evicts the pages of exactly those articles (<see cref="ReaderCache.ReaderCacheInvalidation"/>).
/// Readers never pay for this: the article page reads the stored list.
/// </summary>
public sealed class RefreshRelatedStories(NewsPortalDbContext db)
{
    /// <summary>Refreshes the lists <paramref name="articleId"/> affects and saves them; the number of lists that changed.</summary>
    public async Task<int> ExecuteAsync(int articleId, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
            .Select(a => new { a.Id, a.EditionId, a.SectionId, a.TranslationGroupId, a.Status, a.PublishedAt, Tags = a.Tags.Select(t => t.TagId).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return 0;
        }

        var showing = (await db.RelatedArticles.AsNoTracking().Where(r => r.RelatedId == articleId).Select(r => r.ArticleId).ToListAsync(cancellationToken)).ToHashSet();
        RelatedCandidate? own = null;
        List<RelatedCandidate> ownPool = [];
        if (article is { Status: ArticleStatus.Published, PublishedAt: { } publishedAt })
        {
            // The newest of its own pool are the neighbours whose lists may now show it.
            own = new RelatedCandidate(article.Id, article.SectionId, article.TranslationGroupId, publishedAt, article.Tags);
            ownPool = await PoolAsync(article.EditionId, own, RelatedStories.PoolSize, cancellationToken);
        }

        var others = showing.Concat(ownPool.Take(RelatedStories.NeighboursRefreshed).Select(n => n.Id)).Where(id => id != articleId).Distinct().ToList();
        var ids = others.Append(articleId).ToList();
        var stored = (await db.RelatedArticles.Where(r => ids.Contains(r.ArticleId)).ToListAsync(cancellationToken)).ToLookup(r => r.ArticleId);
        var changed = Replace(stored[articleId], articleId, own is null ? [] : RelatedStories.Choose(own, ownPool));

        var stories = await db.Articles.AsNoTracking()
            .Where(a => others.Contains(a.Id))
            .Select(a => new { a.Id, a.EditionId, a.SectionId, a.TranslationGroupId, a.Status, a.PublishedAt, Tags = a.Tags.Select(t => t.TagId).ToList() })
            .ToListAsync(cancellationToken);

        // What the neighbours list now, to see whether the story can enter their lists at all.
        var listedIds = stored.SelectMany(list => list.Select(r => r.RelatedId)).Distinct().ToList();
        var listed = (await db.Articles.AsNoTracking()
            .Where(a => listedIds.Contains(a.Id) && a.Status == ArticleStatus.Published && a.PublishedAt != null)
            .Select(a => new { a.Id, a.SectionId, a.TranslationGroupId, a.PublishedAt, Tags = a.Tags.Select(t => t.TagId).ToList() })
            .ToListAsync(cancellationToken))
            .ToDictionary(a => a.Id, a => new RelatedCandidate(a.Id, a.SectionId, a.TranslationGroupId, a.PublishedAt!.Value, a.Tags));
        foreach (var other in stories)
        {
            if (other is not { Status: ArticleStatus.Published, PublishedAt: { } otherPublishedAt })
            {
                changed += Replace(stored[other.Id], other.Id, []);
                continue;
            }

            var story = new RelatedCandidate(other.Id, other.SectionId, other.TranslationGroupId, otherPublishedAt, other.Tags);
            if (!showing.Contains(other.Id) && own is not null && !MayEnter(story, own, stored[other.Id], listed))
            {
                continue;
            }

            changed += Replace(stored[other.Id], other.Id, RelatedStories.Choose(story, await PoolAsync(other.EditionId, story, RelatedStories.PoolSize, cancellationToken)));
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    /// <summary>
    /// False when <paramref name="entering"/> cannot change <paramref name="story"/>'s full list: every story listed is
    /// still visible and ranks above it. Only then is working the list out again skipped.
    /// </summary>
    private static bool MayEnter(RelatedCandidate story, RelatedCandidate entering, IEnumerable<RelatedArticle> stored, Dictionary<int, RelatedCandidate> listed)
    {
        var current = stored.Select(r => listed.GetValueOrDefault(r.RelatedId)).ToList();
        return current.Count < RelatedStories.MaxCount
            || current.Any(c => c is null)
            || current.Min(c => RelatedStories.Standing(story, c!)).CompareTo(RelatedStories.Standing(story, entering)) < 0;
    }

    /// <summary>The newest published stories of the edition that <paramref name="story"/> may list, with the tags each shares with it.</summary>
    private async Task<List<RelatedCandidate>> PoolAsync(int editionId, RelatedCandidate story, int size, CancellationToken cancellationToken)
    {
        var tagIds = story.TagIds.ToList();
        var group = story.TranslationGroupId;
        var rows = await db.Articles.AsNoTracking()
            .Where(a => a.EditionId == editionId && a.Status == ArticleStatus.Published && a.Id != story.Id
                && (group == null || a.TranslationGroupId == null || a.TranslationGroupId != group)
                && (a.SectionId == story.SectionId || a.Tags.Any(t => tagIds.Contains(t.TagId))))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(size)
            .Select(a => new { a.Id, a.SectionId, a.TranslationGroupId, a.PublishedAt, Shared = a.Tags.Where(t => tagIds.Contains(t.TagId)).Select(t => t.TagId).ToList() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new RelatedCandidate(r.Id, r.SectionId, r.TranslationGroupId, r.PublishedAt ?? DateTime.MinValue, r.Shared))];
    }

    /// <summary>Makes <paramref name="relatedIds"/> the stored list of <paramref name="articleId"/> (tracked rows <paramref name="stored"/>), changing only what differs; 1 when it changed.</summary>
    private int Replace(IEnumerable<RelatedArticle> stored, int articleId, IReadOnlyList<int> relatedIds)
    {
        var ids = relatedIds.ToList();
        if (stored.OrderBy(r => r.Rank).Select(r => r.RelatedId).SequenceEqual(ids))
        {
            return 0;
        }

        foreach (var row in stored)
        {
            var rank = ids.IndexOf(row.RelatedId);
            if (rank < 0)
            {
                db.RelatedArticles.Remove(row);
            }
            else if (rank != row.Rank)
            {
                db.Entry(row).Property(r => r.Rank).CurrentValue = rank;
            }
        }

        for (var rank = 0; rank < ids.Count; rank++)
        {
            if (stored.All(r => r.RelatedId != ids[rank]))
            {
                db.RelatedArticles.Add(new RelatedArticle(articleId, ids[rank], rank));
            }
        }

        return 1;
    }
}
