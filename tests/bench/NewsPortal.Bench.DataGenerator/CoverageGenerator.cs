using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Content.Markdown;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Bench.DataGenerator;

/// <summary>The benchmark's live coverage: one open English coverage with many updates posted over a day.</summary>
internal sealed class CoverageGenerator(NewsPortalDbContext db, ArticleMarkdownRenderer renderer, TimeProvider time)
{
    public const int Updates = 1000;

    /// <returns>The coverage's reader path and the path of its page of earlier updates (the update half-way down).</returns>
    public async Task<(string Path, string EarlierPath)> RunAsync(CancellationToken cancellationToken)
    {
        var random = new Random(1303);
        var writer = new StoryWriter(random);
        var vocabulary = Vocabulary.English;
        var edition = await db.Editions.SingleAsync(e => e.Code == vocabulary.Code, cancellationToken);
        var section = await db.Sections.Where(s => s.EditionId == edition.Id).OrderBy(s => s.Order).FirstAsync(cancellationToken);
        var sources = await db.Sources.Where(s => s.Code == "ap" || s.Code == "staff").ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var started = now.AddDays(-1);

        var lead = writer.Write(vocabulary, 0);
        var coverage = new Article(edition, section, "Live: " + lead.Headline, started) { Lead = lead.Lead };
        coverage.SetBody(lead.BodyMarkdown, renderer.Render(lead.BodyMarkdown));
        coverage.StartCoverage(started);
        coverage.Publish(started);
        coverage.SetHistory(started, started);
        db.Articles.Add(coverage);
        await db.SaveChangesAsync(cancellationToken);

        var step = TimeSpan.FromDays(1) / (Updates + 1);
        for (var i = 1; i <= Updates; i++)
        {
            var text = writer.Write(vocabulary, i);
            var update = new LiveUpdate(coverage, "", "bench", started + (step * i));
            update.Write(i % 10 == 0 ? text.Headline : null, text.Lead, renderer.Render(text.Lead), i % 7 == 0 ? text.Caption : null, i % 7 == 0 ? text.Author : null);
            update.CreditSources([sources[i % sources.Count]]);
            update.Pin(i % 50 == 0);
            db.LiveUpdates.Add(update);
            if (i % 250 == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                db.Attach(coverage);
                sources.ForEach(s => db.Attach(s));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var middle = await db.LiveUpdates.Where(u => u.ArticleId == coverage.Id).OrderBy(u => u.Id).Skip(Updates / 2).Select(u => u.Id).FirstAsync(cancellationToken);
        var path = $"/{edition.Code}/a/{coverage.Slug}/{coverage.Id}";
        return (path, $"{path}/updates/{middle}");
    }
}
