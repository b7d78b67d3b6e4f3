using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Content.Markdown;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Bench.DataGenerator;

/// <summary>What the generator made, for the summary and the benchmark's page list.</summary>
internal sealed record GenerationSummary(
    int Articles,
    int TranslationGroups,
    int ArticlesInGroups,
    int WithPictures,
    int Corrections,
    IReadOnlyDictionary<string, int> PerEdition,
    string? SampleArticlePath,
    string? SampleSearchTerm);

/// <summary>
/// Adds published articles to a database that already holds the demo newsroom (editions, sections,
/// sources, pictures). Stories are spread over five years, denser towards today; some are told in
/// several editions and joined in a translation group. Bodies go through the app's Markdown renderer;
/// the full-text index is filled by the database's own triggers as the rows are inserted.
/// </summary>
internal sealed class ArticleGenerator(NewsPortalDbContext db, ArticleMarkdownRenderer renderer, TimeProvider time, Progress progress)
{
    /// <summary>Rows per SaveChanges; the change tracker is cleared after each batch.</summary>
    public const int BatchSize = 1000;

    private static readonly TimeSpan Span = TimeSpan.FromDays(5 * 365);

    /// <summary>Share of each edition in new stories.</summary>
    private static readonly (string Code, double Weight)[] EditionWeights = [("en", 0.40), ("ru", 0.25), ("uk", 0.20), ("fa", 0.15)];

    private const double TranslatedShare = 0.15;
    private const double PictureShare = 0.7;
    private const double CorrectionShare = 0.03;
    private const double UpdatedShare = 0.2;

    private readonly Random _random = new(20_261_125);

    private sealed record Draft(string EditionCode, int SectionPosition, ArticleText Text, DateTime CreatedAt, DateTime PublishedAt, DateTime UpdatedAt,
        string[] ReportingSources, string? PhotoSource, int? PictureIndex, DateTime? CorrectedAt, int Story);

    /// <summary>Whole stories (an original and its translations) with their bodies already rendered.</summary>
    private sealed record Batch(List<Draft> Drafts, RenderedBody[] Bodies);

    private sealed record Picture(string StorageKey, int Width, int Height, double FocalX, double FocalY);

    public async Task<GenerationSummary> RunAsync(int count, CancellationToken cancellationToken)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.OpenConnectionAsync(cancellationToken);

        var pictures = (await db.Images.AsNoTracking().OrderBy(i => i.Id)
            .Select(i => new Picture(i.StorageKey, i.Width, i.Height, i.FocalX, i.FocalY))
            .ToListAsync(cancellationToken)).Distinct().ToList();
        var sourceCodes = await db.Sources.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Code).ToListAsync(cancellationToken);
        var editionCodes = await db.Editions.AsNoTracking().Select(e => e.Code).ToListAsync(cancellationToken);
        var weights = EditionWeights.Where(w => editionCodes.Contains(w.Code)).ToArray();
        if (weights.Length == 0 || sourceCodes.Count == 0)
        {
            throw new InvalidOperationException("The database has none of the editions en, ru, uk, fa, or no sources: was the demo content seeded?");
        }

        // Writing and rendering the next batch (one thread, then all cores) overlaps with saving this one.
        var batches = Channel.CreateBounded<Batch>(2);
        var producer = Task.Run(() => Produce(batches.Writer, count, weights, sourceCodes, pictures.Count, cancellationToken), cancellationToken);

        var perEdition = weights.ToDictionary(w => w.Code, _ => 0, StringComparer.Ordinal);
        int groups = 0, inGroups = 0, withPictures = 0, corrections = 0, done = 0;
        (int Id, string Slug, string Place)? sample = null;
        await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
        {
            var saved = await SaveAsync(batch, pictures, cancellationToken);
            foreach (var (draft, article) in batch.Drafts.Zip(saved))
            {
                perEdition[draft.EditionCode]++;
                withPictures += draft.PictureIndex is null ? 0 : 1;
                corrections += draft.CorrectedAt is null ? 0 : 1;
                inGroups += draft.Story >= 0 ? 1 : 0;
                if (draft.EditionCode == "en" && (sample is null || (draft.PictureIndex is not null && draft.ReportingSources.Length >= 2)))
                {
                    sample = (article.Id, article.Slug, draft.Text.PlaceName);
                }
            }

            groups += batch.Drafts.Where(d => d.Story >= 0).Select(d => d.Story).Distinct().Count();
            done += batch.Drafts.Count;
            progress.Report(done);
        }

        await producer;
        if (sample is null)
        {
            // Too few articles for one in English: measure the newest English demo story instead.
            var newest = await db.Articles.AsNoTracking().Where(a => a.Edition.Code == "en" && a.Status == ArticleStatus.Published)
                .OrderByDescending(a => a.PublishedAt).Select(a => new { a.Id, a.Slug }).FirstOrDefaultAsync(cancellationToken);
            sample = newest is null ? null : (newest.Id, newest.Slug, "water");
        }

        await db.Database.CloseConnectionAsync();
        return new GenerationSummary(done, groups, inGroups, withPictures, corrections, perEdition,
            sample is { } s ? $"/en/a/{s.Slug}/{s.Id}" : null, sample?.Place);
    }

    /// <summary>Writes the stories in publication order and hands them over in batches of about <see cref="BatchSize"/> articles.</summary>
    private void Produce(ChannelWriter<Batch> output, int count, (string Code, double Weight)[] weights, List<string> sourceCodes, int pictureCount, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            var writer = new StoryWriter(_random);
            var now = time.GetUtcNow().UtcDateTime;
            var batch = new List<Draft>(BatchSize + 4);
            var written = 0;
            for (var story = 0; written + batch.Count < count; story++)
            {
                // One story: an original, and for some stories translations into other editions published a little later.
                var position = written + batch.Count;
                var publishedAt = now - Span * Math.Pow((double)(count - position) / count, 1.5) - TimeSpan.FromMinutes(2);
                var original = PickEdition(weights);
                var editions = new List<string> { original };
                if (_random.NextDouble() < TranslatedShare && weights.Length > 1)
                {
                    editions.AddRange(weights.Select(w => w.Code).Where(c => c != original).OrderBy(_ => _random.Next()).Take(_random.Next(1, weights.Length)));
                }

                editions = editions.Take(count - position).ToList();
                var section = _random.Next(4);
                var place = _random.Next(1000);
                var reporting = sourceCodes.OrderBy(_ => _random.Next()).Take(_random.Next(1, Math.Min(3, sourceCodes.Count) + 1)).ToArray();
                int? picture = pictureCount > 0 && _random.NextDouble() < PictureShare ? _random.Next(pictureCount) : null;
                var photo = picture is not null && _random.NextDouble() < 0.3 ? sourceCodes[_random.Next(sourceCodes.Count)] : null;
                for (var i = 0; i < editions.Count; i++)
                {
                    var published = i == 0 ? publishedAt : Min(publishedAt + TimeSpan.FromMinutes(_random.Next(30, 360)), now.AddMinutes(-1));
                    var updated = _random.NextDouble() < UpdatedShare ? Min(published + TimeSpan.FromMinutes(_random.Next(10, 720)), now) : published;
                    DateTime? corrected = _random.NextDouble() < CorrectionShare ? Min(published + TimeSpan.FromHours(_random.Next(1, 48)), now) : null;
                    batch.Add(new Draft(editions[i], section, writer.Write(Vocabulary.ByCode[editions[i]], place), published.AddMinutes(-_random.Next(5, 240)),
                        published, updated, reporting, photo, picture, corrected, editions.Count > 1 ? story : -1));
                }

                if (batch.Count >= BatchSize || written + batch.Count >= count)
                {
                    var bodies = batch.AsParallel().AsOrdered().WithCancellation(cancellationToken)
                        .Select(d => renderer.Render(d.Text.BodyMarkdown)).ToArray();
                    output.WriteAsync(new Batch(batch, bodies), cancellationToken).AsTask().GetAwaiter().GetResult();

                    written += batch.Count;
                    batch = new List<Draft>(BatchSize + 4);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failure = ex;
        }
        finally
        {
            output.TryComplete(failure);
        }
    }

    /// <summary>Builds the batch's entities through the domain's own methods and saves them in one go.</summary>
    private async Task<List<Article>> SaveAsync(Batch batch, List<Picture> pictures, CancellationToken cancellationToken)
    {
        // Reference data is loaded afresh for every batch: the previous batch's change tracker was cleared.
        var editions = await db.Editions.Include(e => e.Sections).ToDictionaryAsync(e => e.Code, StringComparer.Ordinal, cancellationToken);
        var sources = await db.Sources.ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, cancellationToken);
        // The demo content's people, by the editions that name them: stories are credited as a newsroom credits them.
        var people = (await db.People.AsNoTracking().Select(p => new { p.Id, Editions = p.Profiles.Select(x => x.EditionId).ToList() }).OrderBy(p => p.Id).ToListAsync(cancellationToken))
            .SelectMany(p => p.Editions.Select(e => (Edition: e, p.Id))).ToLookup(p => p.Edition, p => p.Id);
        var groups = new Dictionary<int, TranslationGroup>();
        var articles = new List<Article>(batch.Drafts.Count);
        for (var i = 0; i < batch.Drafts.Count; i++)
        {
            var draft = batch.Drafts[i];
            var edition = editions[draft.EditionCode];
            var sections = edition.Sections.OrderBy(s => s.Order).ToList();
            var section = sections[draft.SectionPosition % sections.Count];
            var article = new Article(edition, section, draft.Text.Headline, draft.CreatedAt)
            {
                Lead = draft.Text.Lead,
            };
            article.SetBody(draft.Text.BodyMarkdown, batch.Bodies[i]);
            var staff = people[edition.Id].ToList();
            if (staff.Count > 0)
            {
                // A writer, and on every third story a photographer too.
                article.SetContributors(new[] { new ContributorEntry(staff[i % staff.Count], ContributorRole.Writing) }
                    .Concat(i % 3 == 0 && staff.Count > 1 ? [new ContributorEntry(staff[(i + 1) % staff.Count], ContributorRole.Photo)] : []));
            }

            foreach (var code in draft.ReportingSources)
            {
                article.Credit(sources[code], SourceRole.Reporting);
            }

            if (draft.PictureIndex is { } p)
            {
                var picture = pictures[p];
                var image = new Image(picture.StorageKey, picture.Width, picture.Height, draft.PublishedAt)
                {
                    Caption = draft.Text.Caption,
                    Credit = draft.Text.ImageCredit,
                };
                image.Describe(draft.Text.AltText, decorative: false);
                image.SetFocalPoint(picture.FocalX, picture.FocalY);
                article.SetLeadImage(image);
                if (draft.PhotoSource is { } photo)
                {
                    article.Credit(sources[photo], SourceRole.Photo);
                }
            }

            if (draft.Story >= 0)
            {
                if (!groups.TryGetValue(draft.Story, out var group))
                {
                    group = new TranslationGroup();
                    groups.Add(draft.Story, group);
                }

                article.JoinTranslationGroup(group);
            }

            article.Publish(draft.PublishedAt);
            article.SetHistory(draft.PublishedAt, draft.UpdatedAt);
            if (draft.CorrectedAt is { } corrected)
            {
                article.AddCorrection(draft.Text.Correction, corrected);
            }

            db.Articles.Add(article);
            db.Revisions.Add(new ArticleRevision(article, "newsroom (benchmark data)", draft.PublishedAt));
            articles.Add(article);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return articles;
    }

    private string PickEdition((string Code, double Weight)[] weights)
    {
        var roll = _random.NextDouble() * weights.Sum(w => w.Weight);
        foreach (var (code, weight) in weights)
        {
            roll -= weight;
            if (roll < 0)
            {
                return code;
            }
        }

        return weights[^1].Code;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
