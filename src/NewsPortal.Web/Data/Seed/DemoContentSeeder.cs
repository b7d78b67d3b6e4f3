using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Content.Markdown;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Content.Media;

namespace NewsPortal.Web.Data.Seed;

/// <summary>
/// Fills an empty database with the demo newsroom: editions, sources, sections and original
/// articles (with their people and tags) read from <c>Data/Seed/*.json</c>, with lead images rendered from <c>Data/Seed/images</c>,
/// their related stories and a day of reads (<see cref="DemoReadCounts"/>).
/// Does nothing when any edition exists.
/// </summary>
public sealed class DemoContentSeeder(
    NewsPortalDbContext db,
    ArticleMarkdownRenderer markdown,
    ImageRenditionWriter images,
    TimeProvider time,
    ILogger<DemoContentSeeder> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    // The advisory lock that serializes seeding on PostgreSQL (any fixed number the portal uses for nothing else).
    private const long SeedingLockKey = 0x4E_5053_4545_44;

    public static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "Data", "Seed");

    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Editions.AnyAsync(cancellationToken))
        {
            return false;
        }

        var catalog = Read<CatalogFile>("catalog.json");
        // Instances starting at the same moment seed once: SQLite begins this transaction with the write lock (BEGIN
        // IMMEDIATE); on PostgreSQL it takes a transaction-scoped advisory lock first. The second instance waits here,
        // then finds the editions the first one wrote and seeds nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedingLockKey})", cancellationToken);
        }

        if (await db.Editions.AnyAsync(cancellationToken))
        {
            return false;
        }

        var editions = new Dictionary<string, Edition>();
        var order = 0;
        foreach (var e in catalog.Editions)
        {
            var edition = new Edition(e.Code, e.NativeName, e.EnglishName, e.Direction, e.Countries, e.SlugPolicy) { SortOrder = order++ };
            if (e.IsDefault)
            {
                edition.MakeDefault();
            }

            db.Editions.Add(edition);
            editions.Add(edition.Code, edition);
        }

        await db.SaveChangesAsync(cancellationToken);

        var sections = new Dictionary<(string, string), Section>();
        foreach (var e in catalog.Editions)
        {
            var edition = editions[e.Code];
            for (var i = 0; i < e.Sections.Count; i++)
            {
                var section = new Section(edition, e.Sections[i].Name, e.Sections[i].Slug, i);
                db.Sections.Add(section);
                sections.Add((edition.Code, section.Slug), section);
            }
        }

        var sources = new Dictionary<string, Source>();
        foreach (var s in catalog.Sources)
        {
            var source = new Source(s.Code, s.ShortName, s.FullName, s.Kind, s.Url is null ? null : new Uri(s.Url));
            foreach (var (language, name) in s.LocalNames)
            {
                source.SetLocalName(language, name.ShortName, name.FullName);
            }

            db.Sources.Add(source);
            sources.Add(source.Code, source);
        }

        await db.SaveChangesAsync(cancellationToken);

        // The people credited on the stories, with their names and bios in the editions that know them; two pen names among them.
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var p in Read<List<PersonSeed>>("people.json"))
        {
            var person = new Person(p.Latin, p.Slug, p.PenName, time.GetUtcNow().UtcDateTime);
            person.SetRealName(p.RealName);
            foreach (var (code, profile) in p.Profiles)
            {
                person.SetProfile(editions.GetValueOrDefault(code)?.Id ?? throw new InvalidDataException($"people.json: '{p.Slug}' names unknown edition '{code}'."), profile.Name, profile.Bio);
            }

            db.People.Add(person);
            people.Add(person.Slug, person);
        }

        await db.SaveChangesAsync(cancellationToken);
        List<ContributorEntry> Credits(string file, string key, IEnumerable<ContributorSeed> seeds) => seeds
            .Select(c => new ContributorEntry((people.GetValueOrDefault(c.Person) ?? throw new InvalidDataException($"{file}: '{key}' credits unknown person '{c.Person}'.")).Id, c.Role))
            .ToList();

        // The topics of each story, by edition and story key.
        var topics = Read<Dictionary<string, Dictionary<string, List<string>>>>("tags.json");
        var now = time.GetUtcNow().UtcDateTime;
        var storedImages = new Dictionary<string, StoredImage>(StringComparer.Ordinal);
        var groups = new Dictionary<string, TranslationGroup>(StringComparer.Ordinal);
        var articlesByKey = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        var count = 0;
        foreach (var edition in editions.Values)
        {
            var file = $"articles.{edition.Code}.json";
            if (!File.Exists(Path.Combine(SeedDirectory, file)))
            {
                continue;
            }

            foreach (var a in Read<List<ArticleSeed>>(file))
            {
                var section = sections.GetValueOrDefault((edition.Code, a.Section))
                    ?? throw new InvalidDataException($"{file}: article '{a.Key}' names unknown section '{a.Section}'.");
                var published = now.AddHours(-a.PublishedHoursAgo);
                var article = new Article(edition, section, a.Headline, published) { Lead = a.Lead };
                article.SetContributors(Credits(file, a.Key, a.Contributors));
                article.SetBody(a.Body, markdown.Render(a.Body));
                foreach (var credit in a.Sources)
                {
                    var source = sources.GetValueOrDefault(credit.Code)
                        ?? throw new InvalidDataException($"{file}: article '{a.Key}' credits unknown source '{credit.Code}'.");
                    article.Credit(source, credit.Role);
                }

                if (a.Image is { } picture)
                {
                    article.SetLeadImage(CreateImage(picture, storedImages, published));
                }

                if (a.Breaking)
                {
                    article.MarkBreakingUntil(now.AddDays(2));
                }

                article.Publish(published);
                article.SetHistory(published, a.UpdatedHoursAgo is { } updated ? now.AddHours(-updated) : published);
                foreach (var correction in a.Corrections ?? [])
                {
                    article.AddCorrection(correction.Text, now.AddHours(-correction.HoursAgo));
                }

                await TagAsync(article, edition, a.Key, topics, cancellationToken);
                db.Articles.Add(article);
                db.Revisions.Add(new ArticleRevision(article, "newsroom (demo content)", published));
                articlesByKey.TryAdd(a.Key, []);
                articlesByKey[a.Key].Add(article);
                count++;
            }
        }

        // Live coverage, with its updates: the lead story as any article, then the updates at the times they were posted.
        foreach (var edition in editions.Values)
        {
            var file = $"live.{edition.Code}.json";
            if (!File.Exists(Path.Combine(SeedDirectory, file)))
            {
                continue;
            }

            foreach (var c in Read<List<CoverageSeed>>(file))
            {
                var section = sections.GetValueOrDefault((edition.Code, c.Section))
                    ?? throw new InvalidDataException($"{file}: coverage '{c.Key}' names unknown section '{c.Section}'.");
                var started = now.AddHours(-c.StartedHoursAgo);
                var article = new Article(edition, section, c.Headline, started) { Lead = c.Lead };
                var credits = Credits(file, c.Key, c.Contributors);
                article.SetContributors(credits);
                article.SetBody(c.Body, markdown.Render(c.Body));
                foreach (var credit in c.Sources)
                {
                    article.Credit(sources.GetValueOrDefault(credit.Code) ?? throw new InvalidDataException($"{file}: coverage '{c.Key}' credits unknown source '{credit.Code}'."), credit.Role);
                }

                if (c.Image is { } picture)
                {
                    article.SetLeadImage(CreateImage(picture, storedImages, started));
                }

                article.StartCoverage(started);
                article.Publish(started);
                article.SetHistory(started, started);
                article.SetCoverageHistory(started, null);
                foreach (var u in c.Updates)
                {
                    var posted = now.AddMinutes(-u.MinutesAgo);
                    var update = new LiveUpdate(article, "", "newsroom (demo content)", posted);
                    // An update without credits of its own is the coverage's reporters'.
                    update.SetContributors(u.Contributors is { } own ? Credits(file, c.Key, own) : credits.Where(x => x.Role is ContributorRole.Writing or ContributorRole.Reporting));
                    update.Write(u.Title, u.Body, markdown.Render(u.Body), u.Quote, u.QuoteBy);
                    update.CreditSources(u.Sources.Select(code => sources.GetValueOrDefault(code)
                        ?? throw new InvalidDataException($"{file}: an update of '{c.Key}' credits unknown source '{code}'.")));
                    update.Pin(u.Pinned);
                    if (u.Correction is { } note)
                    {
                        update.MarkCorrected(note, posted.AddMinutes(Math.Min(20, u.MinutesAgo / 2)));
                    }

                    article.LiveUpdates.Add(update);
                }

                await TagAsync(article, edition, c.Key, topics, cancellationToken);
                db.Articles.Add(article);
                db.Revisions.Add(new ArticleRevision(article, "newsroom (demo content)", started));
                articlesByKey.TryAdd(c.Key, []);
                articlesByKey[c.Key].Add(article);
                count++;
            }
        }

        foreach (var (key, translations) in articlesByKey.Where(p => p.Value.Count > 1))
        {
            var group = new TranslationGroup();
            groups.Add(key, group);
            db.TranslationGroups.Add(group);
            translations.ForEach(t => t.JoinTranslationGroup(group));
        }

        await db.SaveChangesAsync(cancellationToken);

        // Every story's related stories, and a day of reads so that the most-read lists show something.
        var seeded = articlesByKey.Values.SelectMany(a => a).ToList();
        db.RelatedArticles.AddRange(RelatedStories.ListsFor(seeded));
        db.ReadCounts.AddRange(DemoReadCounts.For(seeded, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Seeded demo content: {Editions} editions, {Sources} sources, {People} people, {Articles} articles, {Groups} translation groups, {Images} pictures",
            editions.Count, sources.Count, people.Count, count, groups.Count, storedImages.Count);
        return true;
    }

    /// <summary>Gives a story the tags <c>tags.json</c> lists for it, creating each edition's tags once.</summary>
    private async Task TagAsync(Article article, Edition edition, string key, Dictionary<string, Dictionary<string, List<string>>> topics, CancellationToken cancellationToken)
    {
        if (topics.GetValueOrDefault(edition.Code)?.GetValueOrDefault(key) is { Count: > 0 } names)
        {
            article.ReplaceTags(await TagResolver.ResolveAsync(db, edition.Id, edition.SlugPolicy, names, cancellationToken));
        }
    }

    private Image CreateImage(ImageSeed seed, Dictionary<string, StoredImage> stored, DateTime createdAt)
    {
        if (!stored.TryGetValue(seed.File, out var files))
        {
            var path = Path.Combine(SeedDirectory, "images", Path.GetFileName(seed.File));
            using var stream = File.OpenRead(path);
            files = images.Write(stream, seed.FocalX, seed.FocalY);
            stored.Add(seed.File, files);
        }

        var image = new Image(files.StorageKey, files.Width, files.Height, createdAt)
        {
            Caption = seed.Caption,
            Credit = seed.Credit,
        };
        image.Describe(seed.Alt, decorative: false);
        image.SetFocalPoint(seed.FocalX, seed.FocalY);
        return image;
    }

    private static T Read<T>(string file)
    {
        using var stream = File.OpenRead(Path.Combine(SeedDirectory, file));
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"{file} is empty.");
    }

    private sealed record CatalogFile(List<EditionSeed> Editions, List<SourceSeed> Sources);

    private sealed record EditionSeed(
        string Code,
        string NativeName,
        string EnglishName,
        TextDirection Direction,
        SlugPolicy SlugPolicy,
        List<string> Countries,
        bool IsDefault,
        List<SectionSeed> Sections);

    private sealed record SectionSeed(string Slug, string Name);

    private sealed record SourceSeed(string Code, string ShortName, string FullName, SourceKind Kind, string? Url, Dictionary<string, LocalNameSeed> LocalNames);

    private sealed record LocalNameSeed(string ShortName, string? FullName);

    private sealed record ArticleSeed(
        string Key,
        string Section,
        string Headline,
        string Lead,
        string Body,
        List<ContributorSeed> Contributors,
        double PublishedHoursAgo,
        double? UpdatedHoursAgo,
        bool Breaking,
        List<CreditSeed> Sources,
        ImageSeed? Image,
        List<CorrectionSeed>? Corrections);

    private sealed record CorrectionSeed(double HoursAgo, string Text);

    private sealed record CoverageSeed(
        string Key,
        string Section,
        string Headline,
        string Lead,
        string Body,
        List<ContributorSeed> Contributors,
        double StartedHoursAgo,
        List<CreditSeed> Sources,
        ImageSeed? Image,
        List<UpdateSeed> Updates);

    private sealed record UpdateSeed(double MinutesAgo, string Body, List<string> Sources, string? Title, bool Pinned, string? Quote, string? QuoteBy, List<ContributorSeed>? Contributors, string? Correction);

    private sealed record CreditSeed(string Code, SourceRole Role);

    private sealed record ContributorSeed(string Person, ContributorRole Role);

    private sealed record PersonSeed(string Slug, string Latin, bool PenName, string? RealName, Dictionary<string, ProfileSeed> Profiles);

    private sealed record ProfileSeed(string Name, string Bio);

    private sealed record ImageSeed(string File, string Alt, string Caption, string Credit, double FocalX = 0.5, double FocalY = 0.5);
}
