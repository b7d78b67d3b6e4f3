using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Content.Markdown;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Content.Media;
using YamlDotNet.Core;

namespace NewsPortal.Web.Features.Operations;

/// <summary>
/// Reads a portable archive (<see cref="PortableArchive"/>, as <c>export</c> writes it) into an empty database:
/// editions, sections, tags, sources, people, every story with its status, dates, contributors, credits, tags, picture,
/// translations and corrections, each with a first revision, and the published stories' related stories. Everything
/// commits in one transaction; pictures written for a
/// failed import are deleted again. A file that cannot be read is named in the refusal.
/// </summary>
public sealed class ImportArchive(NewsPortalDbContext db, ArticleMarkdownRenderer markdown, ImageRenditionWriter images)
{
    public const string ImportedBy = "import";

    public async Task<int> ExecuteAsync(string folder, IProgress<ArchiveProgress>? progress, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(folder);
        var newsroomFile = Path.Combine(source, PortableArchive.NewsroomFile);
        if (!File.Exists(newsroomFile))
        {
            throw new ArchiveException($"{source} has no {PortableArchive.NewsroomFile}: it is not an exported archive.");
        }

        if (await db.Editions.AnyAsync(cancellationToken))
        {
            throw new ArchiveException("The database is not empty; import into a new data directory (Storage:DataDirectory).");
        }

        var written = new List<string>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var newsroom = Read<PortableNewsroom>(newsroomFile, await File.ReadAllTextAsync(newsroomFile, cancellationToken));
            var (editions, sections, sources) = Newsroom(newsroom);
            await db.SaveChangesAsync(cancellationToken);
            var pictures = new Dictionary<string, StoredImage>(StringComparer.Ordinal);
            var people = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var p in newsroom.People)
            {
                var person = new Person(p.LatinName, p.Slug, p.PenName, DateTime.UtcNow);
                foreach (var (code, profile) in p.Profiles)
                {
                    person.SetProfile((editions.GetValueOrDefault(code) ?? throw new ArchiveException($"{PortableArchive.NewsroomFile}: “{p.Slug}” has a profile in unknown edition “{code}”.")).Id, profile.Name, profile.Bio);
                }

                if (p.Photo is { } photo && !p.PenName)
                {
                    person.Photo = Picture(PortableArchive.NewsroomFile, photo, source, pictures, written, DateTime.UtcNow);
                }

                db.People.Add(person);
                await db.SaveChangesAsync(cancellationToken);
                people[person.Slug] = person.Id;
            }
            var tags = Tags(newsroom, editions);

            var files = Directory.Exists(Path.Combine(source, PortableArchive.ArticlesFolder))
                ? Directory.EnumerateFiles(Path.Combine(source, PortableArchive.ArticlesFolder), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
                : [];
            var byOldId = new Dictionary<int, (Article Article, PortableArticle Matter)>();
            foreach (var file in files)
            {
                var (matter, body) = Parse(file, await File.ReadAllTextAsync(file, cancellationToken));
                var article = Story(file, matter, body, editions, sections, sources, people, source, pictures, written);
                article.ReplaceTags([.. matter.Tags.Select(name => TagFor(file, article.Edition, name, tags))]);
                db.Articles.Add(article);
                db.Revisions.Add(new ArticleRevision(article, ImportedBy, matter.Updated));
                byOldId[matter.Id] = (article, matter);
                progress?.Report(new ArchiveProgress(byOldId.Count, files.Count, Path.GetRelativePath(source, file)));
            }

            JoinTranslations(byOldId);
            await db.SaveChangesAsync(cancellationToken);
            // The related stories of every published story, worked out once all of them are in.
            db.RelatedArticles.AddRange(RelatedStories.ListsFor(byOldId.Values.Select(v => v.Article)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return byOldId.Count;
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            written.ForEach(images.Delete);
            throw;
        }
    }

    private (Dictionary<string, Edition>, Dictionary<(string, string), Section>, Dictionary<string, Source>) Newsroom(PortableNewsroom newsroom)
    {
        var editions = new Dictionary<string, Edition>(StringComparer.Ordinal);
        var sections = new Dictionary<(string, string), Section>();
        foreach (var e in newsroom.Editions)
        {
            var edition = new Edition(e.Code, e.NativeName, e.EnglishName, e.Direction, e.Countries, e.SlugPolicy) { SortOrder = editions.Count };
            if (e.IsDefault)
            {
                edition.MakeDefault();
            }

            db.Editions.Add(edition);
            editions.Add(edition.Code, edition);
            for (var i = 0; i < e.Sections.Count; i++)
            {
                var section = new Section(edition, e.Sections[i].Name, e.Sections[i].Slug, i);
                db.Sections.Add(section);
                sections.Add((edition.Code, section.Slug), section);
            }
        }

        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var s in newsroom.Sources)
        {
            var added = new Source(s.Code, s.ShortName, s.FullName, s.Kind, s.Url is null ? null : new Uri(s.Url));
            foreach (var (language, name) in s.LocalNames)
            {
                added.SetLocalName(language, name.ShortName, name.FullName);
            }

            db.Sources.Add(added);
            sources.Add(added.Code, added);
        }

        return (editions, sections, sources);
    }

    /// <summary>Each edition's tags as exported, with their addresses, by edition code and name key (<see cref="Tag.KeyOf"/>).</summary>
    private Dictionary<(string Edition, string Key), Tag> Tags(PortableNewsroom newsroom, Dictionary<string, Edition> editions)
    {
        var tags = new Dictionary<(string, string), Tag>();
        foreach (var e in newsroom.Editions)
        {
            var edition = editions[e.Code];
            foreach (var t in e.Tags)
            {
                try
                {
                    var tag = new Tag(edition.Id, t.Name, edition.SlugPolicy);
                    tag.RestoreSlug(t.Slug);
                    if (tags.TryAdd((edition.Code, Tag.KeyOf(tag.Name)), tag))
                    {
                        db.Tags.Add(tag);
                    }
                }
                catch (ArgumentException ex)
                {
                    throw new ArchiveException($"{PortableArchive.NewsroomFile}: the tag “{t.Name}” of {e.Code}: {ex.Message}", ex);
                }
            }
        }

        return tags;
    }

    /// <summary>The edition's tag of that name; a name the newsroom file does not list becomes a new tag.</summary>
    private Tag TagFor(string file, Edition edition, string name, Dictionary<(string Edition, string Key), Tag> tags)
    {
        var key = Tag.KeyOf(name);
        if (key.Length == 0 || name.Trim().Length > Tag.NameMaxLength)
        {
            throw new ArchiveException($"{file}: “{name}” cannot be a tag.");
        }

        if (!tags.TryGetValue((edition.Code, key), out var tag))
        {
            tag = new Tag(edition.Id, name, edition.SlugPolicy);
            var taken = tags.Where(t => t.Key.Edition == edition.Code).Select(t => t.Value.Slug).ToHashSet(StringComparer.Ordinal);
            for (var suffix = 2; taken.Contains(tag.Slug); suffix++)
            {
                tag.Rename(name, edition.SlugPolicy);
                tag.DisambiguateSlug(suffix);
            }

            tags.Add((edition.Code, key), tag);
            db.Tags.Add(tag);
        }

        return tag;
    }

    private Article Story(
        string file, PortableArticle matter, string body,
        Dictionary<string, Edition> editions, Dictionary<(string, string), Section> sections, Dictionary<string, Source> sources,
        Dictionary<string, int> people, string folder, Dictionary<string, StoredImage> pictures, List<string> written)
    {
        var edition = editions.GetValueOrDefault(matter.Edition) ?? throw new ArchiveException($"{file}: unknown edition “{matter.Edition}”.");
        var section = sections.GetValueOrDefault((edition.Code, matter.Section)) ?? throw new ArchiveException($"{file}: unknown section “{matter.Section}”.");
        try
        {
            var article = new Article(edition, section, matter.Headline, matter.Created) { Lead = matter.Lead };
            article.SetContributors(Credits(file, matter.Contributors, people));
            article.SetBody(body, markdown.Render(body));
            article.SetSlug(matter.Slug);
            foreach (var credit in matter.Sources)
            {
                article.Credit(sources.GetValueOrDefault(credit.Code) ?? throw new ArchiveException($"{file}: unknown source “{credit.Code}”."), credit.Role);
            }

            if (matter.Picture is { } picture)
            {
                article.SetLeadImage(Picture(file, picture, folder, pictures, written, matter.Created));
            }

            article.MarkBreakingUntil(matter.BreakingUntil);
            Status(article, matter);
            if (matter.Coverage is { } coverage)
            {
                Coverage(file, article, coverage, sources, people, folder, pictures, written);
            }

            return article;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            throw new ArchiveException($"{file}: {ex.Message}", ex);
        }
    }

    /// <summary>The story's status as exported, with its dates; corrections belong to its time as a published story.</summary>
    private void Status(Article article, PortableArticle matter)
    {
        switch (matter.Status)
        {
            case ArticleStatus.InReview:
                article.SubmitForReview();
                break;
            case ArticleStatus.Scheduled when matter.Scheduled is { } at:
                // Kept as scheduled even if its time has passed meanwhile: the scheduler publishes it then.
                article.Schedule(at, DateTime.MinValue);
                break;
            case ArticleStatus.Published or ArticleStatus.Unpublished:
                var published = matter.Published ?? matter.Created;
                article.Publish(published);
                foreach (var correction in matter.Corrections)
                {
                    article.AddCorrection(correction.Text, correction.Published);
                }

                if (matter.Status == ArticleStatus.Unpublished)
                {
                    article.Unpublish();
                }

                break;
        }

        article.RestoreHistory(matter.Created, matter.Published, matter.Updated);
    }

    /// <summary>The updates as they were posted, then corrected, pinned or removed; the coverage ended last.</summary>
    private static List<ContributorEntry> Credits(string file, IEnumerable<PortableContributor> credits, Dictionary<string, int> people) =>
        [.. credits.Select(c => new ContributorEntry(people.TryGetValue(c.Person, out var id) ? id : throw new ArchiveException($"{file}: credits unknown person “{c.Person}”."), c.Role))];

    private void Coverage(string file, Article article, PortableCoverage coverage, Dictionary<string, Source> sources, Dictionary<string, int> people, string folder, Dictionary<string, StoredImage> pictures, List<string> written)
    {
        article.SetCoverageHistory(coverage.Started, null);
        foreach (var u in coverage.Updates)
        {
            var update = new LiveUpdate(article, "", ImportedBy, u.Posted);
            update.SetContributors(Credits(file, u.Contributors, people));
            update.Write(u.Title, u.Body, markdown.Render(u.Body), u.Quote, u.QuoteBy);
            update.CreditSources(u.Sources.Select(code => sources.GetValueOrDefault(code) ?? throw new ArchiveException($"{file}: an update credits unknown source “{code}”.")));
            if (u.Picture is { } picture)
            {
                update.SetImage(Picture(file, picture, folder, pictures, written, u.Posted));
            }

            update.Pin(u.Pinned && u.Removed is null);
            if (u.CorrectionNote is { } note)
            {
                update.MarkCorrected(note, u.Corrected ?? u.Posted);
            }

            if (u.Removed is { } removed)
            {
                update.Remove(u.RemovalReason ?? "-", u.RemovedBy ?? "", removed);
            }

            article.LiveUpdates.Add(update);
        }

        article.SetCoverageHistory(coverage.Started, coverage.Ended);
    }

    private Image Picture(string file, PortablePicture picture, string folder, Dictionary<string, StoredImage> pictures, List<string> written, DateTime createdAt)
    {
        var path = Path.GetFullPath(picture.File, folder);
        if (!path.StartsWith(Path.Combine(folder, PortableArchive.PicturesFolder) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            throw new ArchiveException($"{file}: the picture {picture.File} is not in the archive's {PortableArchive.PicturesFolder} folder.");
        }

        if (!pictures.TryGetValue(path, out var stored))
        {
            using var stream = File.OpenRead(path);
            try
            {
                stored = images.Write(stream, picture.FocalX, picture.FocalY);
            }
            catch (ImageRejectedException ex)
            {
                throw new ArchiveException($"{file}: the picture {picture.File} cannot be read ({ex.Key}).", ex);
            }

            written.Add(stored.StorageKey);
            pictures.Add(path, stored);
        }

        var image = new Image(stored.StorageKey, stored.Width, stored.Height, createdAt) { Caption = picture.Caption, Credit = picture.Credit };
        image.Describe(picture.Alt, picture.Decorative);
        image.SetFocalPoint(picture.FocalX, picture.FocalY);
        return image;
    }

    /// <summary>Stories that name each other as translations share one translation group again.</summary>
    private void JoinTranslations(Dictionary<int, (Article Article, PortableArticle Matter)> byOldId)
    {
        var joined = new HashSet<int>();
        foreach (var (id, (article, matter)) in byOldId)
        {
            if (matter.Translations.Count == 0 || joined.Contains(id))
            {
                continue;
            }

            var group = new TranslationGroup();
            db.TranslationGroups.Add(group);
            foreach (var member in matter.Translations.Append(id).Where(byOldId.ContainsKey).Distinct())
            {
                byOldId[member].Article.JoinTranslationGroup(group);
                joined.Add(member);
            }
        }
    }

    private static (PortableArticle Matter, string Body) Parse(string file, string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var fence = PortableArchive.FrontMatterFence + "\n";
        var end = normalized.StartsWith(fence, StringComparison.Ordinal) ? normalized.IndexOf("\n" + fence, fence.Length - 1, StringComparison.Ordinal) : -1;
        if (end < 0)
        {
            throw new ArchiveException($"{file}: no front matter between “---” lines at the top.");
        }

        return (Read<PortableArticle>(file, normalized[fence.Length..(end + 1)]), normalized[(end + 1 + fence.Length)..]);
    }

    private static T Read<T>(string file, string yaml)
    {
        try
        {
            return PortableArchive.Deserializer.Deserialize<T>(yaml) ?? throw new ArchiveException($"{file} is empty.");
        }
        catch (YamlException ex)
        {
            throw new ArchiveException($"{file}: {ex.Message}", ex);
        }
    }
}
