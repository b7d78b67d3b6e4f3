namespace NewsPortal.Web.Domain;

/// <summary>A published story as the related-stories ranking sees it.</summary>
public sealed record RelatedCandidate(int Id, int SectionId, int? TranslationGroupId, DateTime PublishedAt, IReadOnlyCollection<int> TagIds);

/// <summary>
/// Which stories an article shows as related: up to <see cref="MaxCount"/> published stories of its edition that
/// share a tag with it or its section; more shared tags first, then the same section, then the newest. Never the
/// story itself nor one of its translations. The stories looked at are the <see cref="PoolSize"/> newest that share a
/// tag or the section, so working out one list costs the same however large the archive grows.
/// </summary>
public static class RelatedStories
{
    public const int MaxCount = 4;

    /// <summary>How many of the newest stories that share a tag or the section a list is chosen from.</summary>
    public const int PoolSize = 200;

    /// <summary>
    /// When a story is published or changed, how many of the newest stories sharing its tags or section have their own
    /// lists worked out again, so that they can show it.
    /// </summary>
    public const int NeighboursRefreshed = 50;

    /// <summary>True when <paramref name="candidate"/> may be listed on <paramref name="story"/>'s page at all.</summary>
    public static bool MayList(RelatedCandidate story, RelatedCandidate candidate) =>
        candidate.Id != story.Id
        && (story.TranslationGroupId is null || candidate.TranslationGroupId != story.TranslationGroupId)
        && (candidate.SectionId == story.SectionId || candidate.TagIds.Any(story.TagIds.Contains));

    /// <summary>The ids of the stories <paramref name="story"/> shows, in order, chosen from <paramref name="pool"/>.</summary>
    public static IReadOnlyList<int> Choose(RelatedCandidate story, IEnumerable<RelatedCandidate> pool) =>
        [.. pool
            .Where(c => MayList(story, c))
            .OrderByDescending(c => Standing(story, c))
            .Take(MaxCount)
            .Select(c => c.Id)];

    /// <summary>
    /// How high <paramref name="candidate"/> ranks on <paramref name="story"/>'s page (greater first): shared tags, then
    /// the same section, then the newer, then the later id.
    /// </summary>
    public static (int SharedTags, bool SameSection, DateTime PublishedAt, int Id) Standing(RelatedCandidate story, RelatedCandidate candidate) =>
        (candidate.TagIds.Count(story.TagIds.Contains), candidate.SectionId == story.SectionId, candidate.PublishedAt, candidate.Id);

    /// <summary>
    /// Every story's list at once, for stories of one edition held in memory (demo content, an import, generated data):
    /// each chosen from the <see cref="PoolSize"/> newest of the others it may list, as a single story's list is.
    /// </summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<int>> ChooseAll(IReadOnlyCollection<RelatedCandidate> stories)
    {
        var newestFirst = stories.OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Id).ToList();
        var lists = new Dictionary<int, IReadOnlyList<int>>(stories.Count);
        foreach (var story in newestFirst)
        {
            lists[story.Id] = Choose(story, newestFirst.Where(c => MayList(story, c)).Take(PoolSize));
        }

        return lists;
    }

    /// <summary>The stored lists of every published story among <paramref name="articles"/> (saved, with their ids and tags), edition by edition.</summary>
    public static IEnumerable<RelatedArticle> ListsFor(IEnumerable<Article> articles) =>
        articles
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt is not null)
            .GroupBy(a => a.EditionId)
            .SelectMany(edition => ChooseAll([.. edition.Select(a => new RelatedCandidate(a.Id, a.SectionId, a.TranslationGroupId, a.PublishedAt!.Value, [.. a.Tags.Select(t => t.TagId)]))]))
            .SelectMany(list => list.Value.Select((relatedId, rank) => new RelatedArticle(list.Key, relatedId, rank)));
}
