using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Settings;

namespace NewsPortal.Web.Features.Operations;

/// <summary>
/// Writes every article as Markdown with front matter, with its pictures and the newsroom's editions and sources
/// (<see cref="PortableArchive"/>), into an empty folder. What readers see is exported: a live story's changes
/// waiting for review stay in the site.
/// </summary>
public sealed class ExportArchive(NewsPortalDbContext db, StoragePaths paths)
{
    public async Task<int> ExecuteAsync(string folder, IProgress<ArchiveProgress>? progress, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(folder);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new ArchiveException($"{target} is not empty; export into a new folder.");
        }

        Directory.CreateDirectory(Path.Combine(target, PortableArchive.PicturesFolder));
        var editions = await db.Editions.AsNoTracking().Include(e => e.Sections).OrderBy(e => e.SortOrder).ToListAsync(cancellationToken);
        var sources = await db.Sources.AsNoTracking().Include(s => s.LocalNames).OrderBy(s => s.Code).ToListAsync(cancellationToken);
        var tags = (await db.Tags.AsNoTracking().OrderBy(t => t.Slug).ToListAsync(cancellationToken)).ToLookup(t => t.EditionId);
        var newsroom = new PortableNewsroom
        {
            Editions = [.. editions.Select(e => new PortableEdition
            {
                Code = e.Code, NativeName = e.NativeName, EnglishName = e.EnglishName, Direction = e.Direction, SlugPolicy = e.SlugPolicy,
                Countries = e.Countries, IsDefault = e.IsDefault,
                Sections = [.. e.Sections.OrderBy(s => s.Order).Select(s => new PortableSection { Slug = s.Slug, Name = s.Name })],
                Tags = [.. tags[e.Id].Select(t => new PortableTag { Slug = t.Slug, Name = t.Name })],
            })],
            Sources = [.. sources.Select(s => new PortableSource
            {
                Code = s.Code, ShortName = s.ShortName, FullName = s.FullName, Kind = s.Kind, Url = s.Url,
                LocalNames = s.LocalNames.ToDictionary(n => n.Language, n => new PortableName { ShortName = n.ShortName, FullName = n.FullName }),
            })],
        };
        var people = await db.People.AsNoTracking().Include(p => p.Profiles).Include(p => p.Photo).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var editionCodes = editions.ToDictionary(e => e.Id, e => e.Code);
        foreach (var person in people)
        {
            // Never the real name or the account behind a pen name.
            newsroom.People.Add(new PortablePerson
            {
                Slug = person.Slug, LatinName = person.LatinName, PenName = person.IsPenName,
                Profiles = person.Profiles.Where(p => editionCodes.ContainsKey(p.EditionId)).ToDictionary(p => editionCodes[p.EditionId], p => new PortableProfile { Name = p.DisplayName, Bio = p.Bio }),
                Photo = person.Photo is { } photo && !person.IsPenName ? await PictureAsync(photo, target, cancellationToken) : null,
            });
        }

        var slugs = people.ToDictionary(p => p.Id, p => p.Slug);
        await File.WriteAllTextAsync(Path.Combine(target, PortableArchive.NewsroomFile), PortableArchive.Serializer.Serialize(newsroom), cancellationToken);

        var articles = await db.Articles.AsNoTracking()
            .Include(a => a.Edition).Include(a => a.Section).Include(a => a.LeadImage).Include(a => a.Corrections)
            .Include(a => a.Sources).ThenInclude(s => s.Source)
            .Include(a => a.Contributors)
            .Include(a => a.Tags).ThenInclude(t => t.Tag)
            .AsSplitQuery().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var groups = articles.Where(a => a.TranslationGroupId is not null).ToLookup(a => a.TranslationGroupId, a => a.Id);
        for (var i = 0; i < articles.Count; i++)
        {
            var article = articles[i];
            var matter = new PortableArticle
            {
                Id = article.Id, Edition = article.Edition.Code, Section = article.Section.Slug, Headline = article.Headline, Slug = article.Slug,
                Lead = article.Lead, Contributors = Contributors(article.Contributors.Select(c => (c.PersonId, c.Role, c.Order)), slugs), Status = article.Status, Created = article.CreatedAt, Updated = article.UpdatedAt,
                Published = article.PublishedAt, Scheduled = article.ScheduledAt, BreakingUntil = article.BreakingUntil,
                Sources = [.. article.Sources.OrderBy(s => s.Order).Select(s => new PortableCredit { Code = s.Source.Code, Role = s.Role })],
                Tags = [.. article.Tags.OrderBy(t => t.Order).Select(t => t.Tag.Name)],
                Picture = article.LeadImage is { } image ? await PictureAsync(image, target, cancellationToken) : null,
                Translations = article.TranslationGroupId is { } group ? [.. groups[group].Where(id => id != article.Id)] : [],
                Corrections = [.. article.Corrections.OrderBy(c => c.PublishedAt).Select(c => new PortableCorrection { Published = c.PublishedAt, Text = c.Text })],
                Coverage = article.IsLiveCoverage ? await CoverageAsync(article, target, slugs, cancellationToken) : null,
            };
            var editionFolder = Path.Combine(target, PortableArchive.ArticlesFolder, article.Edition.Code);
            Directory.CreateDirectory(editionFolder);
            var text = $"{PortableArchive.FrontMatterFence}\n{PortableArchive.Serializer.Serialize(matter)}{PortableArchive.FrontMatterFence}\n{article.BodyMarkdown}";
            await File.WriteAllTextAsync(Path.Combine(editionFolder, $"{article.Id}-{article.Slug}.md"), text, cancellationToken);
            progress?.Report(new ArchiveProgress(i + 1, articles.Count, $"{article.Edition.Code}/{article.Id}"));
        }

        return articles.Count;
    }

    /// <summary>A live coverage's state and every update, oldest first, with their pictures.</summary>
    private static List<PortableContributor> Contributors(IEnumerable<(int PersonId, ContributorRole Role, int Order)> credits, Dictionary<int, string> slugs) =>
        [.. credits.OrderBy(c => c.Order).Select(c => new PortableContributor { Person = slugs[c.PersonId], Role = c.Role })];

    private async Task<PortableCoverage> CoverageAsync(Article article, string target, Dictionary<int, string> slugs, CancellationToken cancellationToken)
    {
        var updates = await db.LiveUpdates.AsNoTracking()
            .Include(u => u.Image).Include(u => u.Sources).ThenInclude(s => s.Source).Include(u => u.Contributors)
            .Where(u => u.ArticleId == article.Id).OrderBy(u => u.Id).AsSplitQuery().ToListAsync(cancellationToken);
        var coverage = new PortableCoverage { Started = article.CoverageStartedAt ?? article.CreatedAt, Ended = article.CoverageEndedAt };
        foreach (var u in updates)
        {
            coverage.Updates.Add(new PortableUpdate
            {
                Posted = u.PostedAt, Contributors = Contributors(u.Contributors.Select(c => (c.PersonId, c.Role, c.Order)), slugs), Title = u.Title, Body = u.BodyMarkdown, Quote = u.QuoteText, QuoteBy = u.QuoteAttribution,
                Pinned = u.IsPinned, Sources = [.. u.Sources.OrderBy(s => s.Order).Select(s => s.Source.Code)],
                Picture = u.Image is { } image ? await PictureAsync(image, target, cancellationToken) : null,
                CorrectionNote = u.CorrectionNote, Corrected = u.CorrectedAt, Removed = u.RemovedAt, RemovedBy = u.RemovedBy, RemovalReason = u.RemovalReason,
            });
        }

        return coverage;
    }

    /// <summary>Copies the picture once (its master where kept, else its largest rendition) and describes it.</summary>
    private async Task<PortablePicture> PictureAsync(Image image, string target, CancellationToken cancellationToken)
    {
        var file = $"{PortableArchive.PicturesFolder}/{image.StorageKey}.jpg";
        var destination = Path.Combine(target, PortableArchive.PicturesFolder, image.StorageKey + ".jpg");
        if (!File.Exists(destination))
        {
            var master = Path.Combine(paths.MastersDirectory, image.StorageKey + ".jpg");
            var source = File.Exists(master) ? master : Path.Combine(paths.MediaDirectory, Image.RenditionFileName(image.StorageKey, image.AvailableWidths[^1]));
            await using var input = File.OpenRead(source);
            await using var output = File.Create(destination);
            await input.CopyToAsync(output, cancellationToken);
        }

        return new PortablePicture
        {
            File = file, Alt = image.AltText, Decorative = image.IsDecorative, Caption = image.Caption, Credit = image.Credit, FocalX = image.FocalX, FocalY = image.FocalY,
        };
    }
}
