using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Bench.DataGenerator;

/// <summary>What the topics pass added.</summary>
internal sealed record TopicsSummary(int Tags, int TaggedArticles, int RelatedRows, int ReadRows);

/// <summary>
/// Gives the generated newsroom what article pages show beside the story: tags (places of each edition's vocabulary)
/// on every published story, the related-story lists worked out from them as the app stores them
/// (<see cref="RelatedStories"/>), and a day of reads for each edition's newest stories, so that the benchmarked
/// article page shows related stories and the most-read list. Rows go in with plain multi-row inserts (tags) or
/// the change tracker in batches; the same data set always gets the same rows.
/// </summary>
internal sealed class TopicsGenerator(NewsPortalDbContext db, TimeProvider time)
{
    private const int TagsPerEdition = 24;
    private const int InsertBatch = 500;
    private const int ReadStoriesPerEdition = 200;

    private readonly Random _random = new(29_112_026);

    public async Task<TopicsSummary> RunAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = time.GetUtcNow().UtcDateTime;
        int tagCount = 0, tagged = 0, related = 0, reads = 0;
        foreach (var edition in await db.Editions.AsNoTracking().OrderBy(e => e.Id).ToListAsync(cancellationToken))
        {
            if (!Vocabulary.ByCode.TryGetValue(edition.Code, out var vocabulary))
            {
                continue;
            }

            var tagIds = await TagsAsync(edition, vocabulary, cancellationToken);
            tagCount += tagIds.Count;
            var stories = await db.Articles.AsNoTracking()
                .Where(a => a.EditionId == edition.Id && a.Status == ArticleStatus.Published && a.PublishedAt != null)
                .Select(a => new { a.Id, a.SectionId, a.TranslationGroupId, a.PublishedAt, Tags = a.Tags.Select(t => t.TagId).ToList() })
                .ToListAsync(cancellationToken);

            // Stories without tags get one to three; a story's place decides the first, so neighbours in a place share it.
            var candidates = new List<RelatedCandidate>(stories.Count);
            var rows = new List<(int ArticleId, int TagId, int Order)>();
            foreach (var story in stories.OrderBy(s => s.Id))
            {
                var tags = story.Tags;
                if (tags.Count == 0 && tagIds.Count > 0)
                {
                    tags = [.. Enumerable.Range(0, _random.Next(1, 4)).Select(_ => tagIds[_random.Next(tagIds.Count)]).Distinct()];
                    rows.AddRange(tags.Select((tagId, order) => (story.Id, tagId, order)));
                    tagged++;
                }

                candidates.Add(new RelatedCandidate(story.Id, story.SectionId, story.TranslationGroupId, story.PublishedAt!.Value, tags));
            }

            await InsertTagsAsync(rows, cancellationToken);

            var lists = RelatedStories.ChooseAll(candidates);
            // In batches: SQLite refuses a statement with more than 32,766 parameters (an edition of 100,000 stories has more).
            foreach (var keys in lists.Keys.Chunk(1000))
            {
                await db.RelatedArticles.Where(r => keys.Contains(r.ArticleId)).ExecuteDeleteAsync(cancellationToken);
            }
            foreach (var chunk in lists.SelectMany(l => l.Value.Select((relatedId, rank) => new RelatedArticle(l.Key, relatedId, rank))).Chunk(5000))
            {
                db.RelatedArticles.AddRange(chunk);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                related += chunk.Length;
            }

            reads += await ReadsAsync(edition.Id, candidates.OrderByDescending(c => c.PublishedAt).Take(ReadStoriesPerEdition), now, cancellationToken);
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return new TopicsSummary(tagCount, tagged, related, reads);
    }

    /// <summary>The edition's tags: its vocabulary's places, after any it has already.</summary>
    private async Task<List<int>> TagsAsync(Edition edition, Vocabulary vocabulary, CancellationToken cancellationToken)
    {
        var slugs = await db.Tags.Where(t => t.EditionId == edition.Id).Select(t => t.Slug).ToListAsync(cancellationToken);
        var added = new List<Tag>();
        foreach (var place in vocabulary.Places.Select(p => p.Name).Distinct().Take(TagsPerEdition))
        {
            var tag = new Tag(edition.Id, place, edition.SlugPolicy);
            if (string.IsNullOrEmpty(tag.Slug))
            {
                continue;
            }

            for (var suffix = 2; slugs.Contains(tag.Slug); suffix++)
            {
                tag.Rename(place, edition.SlugPolicy);
                tag.DisambiguateSlug(suffix);
            }

            slugs.Add(tag.Slug);
            added.Add(tag);
        }

        db.Tags.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return [.. added.Select(t => t.Id)];
    }

    private async Task InsertTagsAsync(List<(int ArticleId, int TagId, int Order)> rows, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(InsertBatch))
        {
            var sql = new StringBuilder("""INSERT INTO "ArticleTags" ("ArticleId", "TagId", "Order") VALUES """);
            sql.AppendJoin(", ", chunk.Select(r => string.Create(CultureInfo.InvariantCulture, $"({r.ArticleId}, {r.TagId}, {r.Order})")));
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), cancellationToken);
        }
    }

    /// <summary>Hourly reads over the last 24 hours for the stories given, the newest read most.</summary>
    private async Task<int> ReadsAsync(int editionId, IEnumerable<RelatedCandidate> newest, DateTime now, CancellationToken cancellationToken)
    {
        var hour = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);
        var rows = new List<ArticleReadCount>();
        var position = 0;
        foreach (var story in newest)
        {
            var popularity = 2000 / (position++ + 4) + _random.Next(20);
            for (var hoursAgo = 0; hoursAgo < 24; hoursAgo++)
            {
                var start = hour.AddHours(-hoursAgo);
                if (story.PublishedAt < start.AddHours(1))
                {
                    rows.Add(new ArticleReadCount(story.Id, editionId, start, popularity + _random.Next(popularity / 4 + 1)));
                }
            }
        }

        await db.ReadCounts.Where(r => r.EditionId == editionId && r.Hour > hour.AddHours(-24)).ExecuteDeleteAsync(cancellationToken);
        db.ReadCounts.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return rows.Count;
    }
}
