using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Seed;

/// <summary>
/// A plausible day of reads for the demo stories, so a fresh instance's most-read lists show something: for each
/// of the last 24 hours since it was published, each story gets reads from a popularity of its own that fades as
/// the story ages. The same stories seeded at the same time get the same counts.
/// </summary>
public static class DemoReadCounts
{
    public static IEnumerable<ArticleReadCount> For(IEnumerable<Article> articles, DateTime now)
    {
        var currentHour = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);
        foreach (var article in articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt is not null).OrderBy(a => a.Id))
        {
            var random = new Random(article.Id);
            var popularity = 10 + random.Next(150);
            for (var hoursAgo = 0; hoursAgo < 24; hoursAgo++)
            {
                var hour = currentHour.AddHours(-hoursAgo);
                if (article.PublishedAt >= hour.AddHours(1))
                {
                    continue;
                }

                var age = Math.Max(0, (hour - article.PublishedAt!.Value).TotalHours);
                var reads = (int)(popularity / (1 + (age / 12))) + random.Next(4);
                if (reads > 0)
                {
                    yield return new ArticleReadCount(article.Id, article.EditionId, hour, reads);
                }
            }
        }
    }
}
