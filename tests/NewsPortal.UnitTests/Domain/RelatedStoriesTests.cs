using NewsPortal.Web.Domain;

namespace NewsPortal.UnitTests.Domain;

public class RelatedStoriesTests
{
    private static readonly DateTime Noon = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    private static RelatedCandidate Story(int id, int section, int hoursAgo, int[]? tags = null, int? group = null) =>
        new(id, section, group, Noon.AddHours(-hoursAgo), tags ?? []);

    [Fact]
    public void MoreSharedTagsRankFirstThenTheSameSectionThenTheNewest()
    {
        var story = Story(1, section: 10, hoursAgo: 0, tags: [100, 200]);
        var pool = new[]
        {
            Story(2, section: 10, hoursAgo: 1),
            Story(3, section: 20, hoursAgo: 50, tags: [100, 200]),
            Story(4, section: 20, hoursAgo: 2, tags: [200]),
            Story(5, section: 10, hoursAgo: 30, tags: [100]),
            Story(6, section: 10, hoursAgo: 3),
            Story(7, section: 30, hoursAgo: 1),
        };

        Assert.Equal([3, 5, 4, 2], RelatedStories.Choose(story, pool));
    }

    [Fact]
    public void StandingComparesSharedTagsThenSectionThenDateThenId()
    {
        var story = Story(1, section: 10, hoursAgo: 0, tags: [100]);

        Assert.True(RelatedStories.Standing(story, Story(2, section: 20, hoursAgo: 90, tags: [100])).CompareTo(RelatedStories.Standing(story, Story(3, section: 10, hoursAgo: 1))) > 0);
        Assert.True(RelatedStories.Standing(story, Story(4, section: 10, hoursAgo: 90)).CompareTo(RelatedStories.Standing(story, Story(5, section: 20, hoursAgo: 1, tags: [200]))) > 0);
        Assert.True(RelatedStories.Standing(story, Story(6, section: 10, hoursAgo: 2)).CompareTo(RelatedStories.Standing(story, Story(7, section: 10, hoursAgo: 3))) > 0);
        Assert.True(RelatedStories.Standing(story, Story(9, section: 10, hoursAgo: 2)).CompareTo(RelatedStories.Standing(story, Story(8, section: 10, hoursAgo: 2))) > 0);
    }

    [Fact]
    public void NeitherTheStoryItselfNorItsTranslationsNorUnrelatedStoriesAreListed()
    {
        var story = Story(1, section: 10, hoursAgo: 0, tags: [100], group: 9);
        var pool = new[] { story, Story(2, section: 10, hoursAgo: 1, tags: [100], group: 9), Story(3, section: 40, hoursAgo: 1, tags: [300]), Story(4, section: 10, hoursAgo: 5, group: 8) };

        Assert.Equal([4], RelatedStories.Choose(story, pool));
    }

    [Fact]
    public void EveryListIsChosenFromTheNewestStoriesItMayList()
    {
        var stories = Enumerable.Range(1, RelatedStories.PoolSize + 10).Select(i => Story(i, section: 10, hoursAgo: i)).Append(Story(999, section: 10, hoursAgo: 10_000, tags: [5])).ToList();
        stories.Add(Story(1000, section: 20, hoursAgo: 1, tags: [5]));

        var lists = RelatedStories.ChooseAll(stories);

        Assert.Equal([2, 3, 4, 5], lists[1]);
        Assert.Equal([1, 2, 3, 4], lists[7]);
        Assert.Equal([999], lists[1000]);
        // The oldest story: the one sharing its tag first, then the newest of its section.
        Assert.Equal([1000, 1, 2, 3], lists[999]);
    }
}
