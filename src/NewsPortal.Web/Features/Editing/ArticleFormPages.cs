using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editions;

namespace NewsPortal.Web.Features.Editing;

/// <summary>
/// What the editor's article pages show, read from the database: an article as its form, a new or translated
/// article's form, the form page with its choices (sources, translations, pending changes), a conflict in
/// words, and revisions with their comparison, worded in the person's interface language. It reads; saving is <see cref="SaveArticle"/>.
/// </summary>
public sealed class ArticleFormPages(NewsPortalDbContext db, EditionCatalog editions, LinkGenerator links, IStringLocalizer<EditorResource> text, TimeProvider time)
{
    public Task<Article?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking()
            .Include(a => a.Edition).Include(a => a.LeadImage).Include(a => a.Corrections)
            .Include(a => a.Sources).ThenInclude(s => s.Source)
            .Include(a => a.Contributors)
            .Include(a => a.Tags).ThenInclude(t => t.Tag)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>The form as the article stands for editors: a live story's pending changes if it has any.</summary>
    public async Task<ArticleForm> ToFormAsync(Article article, CancellationToken cancellationToken)
    {
        var content = article.WorkingContent;
        var sourceIds = content.Credits.Select(c => c.SourceId).ToList();
        var codes = await db.Sources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Code, cancellationToken);
        var personIds = content.Contributors.Select(c => c.PersonId).ToList();
        var slugs = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Slug, cancellationToken);
        return new ArticleForm
        {
            Id = article.Id,
            Version = article.Version,
            Edition = article.Edition.Code,
            SectionId = content.SectionId,
            Headline = content.Headline,
            Lead = content.Lead,
            Body = content.BodyMarkdown,
            Contributors = content.Contributors.Where(c => slugs.ContainsKey(c.PersonId)).Select(c => new ContributorCredit { Person = slugs[c.PersonId], Role = c.Role }).ToList(),
            Slug = content.Slug,
            Sources = content.Credits.Where(c => codes.ContainsKey(c.SourceId)).Select(c => new SourceCredit { Code = codes[c.SourceId], Role = c.Role }).ToList(),
            AltText = content.AltText,
            ImageIsDecorative = content.ImageIsDecorative,
            Caption = content.Caption,
            Credit = content.PictureCredit,
            FocalX = content.FocalX,
            FocalY = content.FocalY,
            BreakingUntil = content.BreakingUntil,
            PublishAt = content.PublishAt,
            Tags = TagNames.Join(content.Tags),
            TimeZone = "UTC",
        };
    }

    /// <summary>
    /// A new article's form in <paramref name="edition"/>, credited to the person the account <paramref name="userId"/>
    /// writes as (if the newsroom linked one). With <paramref name="translationOf"/> it is prefilled from the original:
    /// the translator replaces the text and keeps the credits, and is credited as the translator.
    /// Null when that original does not exist.
    /// </summary>
    public async Task<ArticleForm?> NewAsync(string? edition, int? translationOf, string userId, CancellationToken cancellationToken)
    {
        var target = editions.Find(edition) ?? editions.Default;
        // The account's own person, not a pen name: a pen name is chosen on purpose, story by story.
        var own = await db.People.AsNoTracking().Where(p => p.UserId == userId && !p.IsPenName).OrderBy(p => p.Id).Select(p => p.Slug).FirstOrDefaultAsync(cancellationToken);
        var form = new ArticleForm { Edition = target.Code, SectionId = target.Sections.FirstOrDefault()?.Id };
        if (translationOf is not { } originalId)
        {
            form.Contributors = own is null ? [] : [new ContributorCredit { Person = own, Role = ContributorRole.Writing }];
            return form;
        }

        var original = await db.Articles.AsNoTracking().Include(a => a.Sources).ThenInclude(s => s.Source)
            .Include(a => a.Contributors.OrderBy(c => c.Order)).ThenInclude(c => c.Person)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == originalId, cancellationToken);
        if (original is null)
        {
            return null;
        }

        form.Contributors = original.Contributors.Where(c => c.Role != ContributorRole.Translation)
            .Select(c => new ContributorCredit { Person = c.Person.Slug, Role = c.Role })
            .Concat(own is null ? [] : [new ContributorCredit { Person = own, Role = ContributorRole.Translation }])
            .ToList();

        form.TranslationOf = original.Id;
        form.Headline = original.Headline;
        form.Lead = original.Lead;
        form.Body = original.BodyMarkdown;
        form.Sources = original.Sources.OrderBy(s => s.Order).Select(s => new SourceCredit { Code = s.Source.Code, Role = s.Role }).ToList();
        // The section in the same place of the target edition's navigation (World → Мир → جهان).
        var position = editions.All.FirstOrDefault(e => e.Id == original.EditionId)?.Sections.Select(s => s.Id).ToList().IndexOf(original.SectionId) ?? -1;
        form.SectionId = target.Sections.ElementAtOrDefault(Math.Max(position, 0))?.Id ?? form.SectionId;
        return form;
    }

    /// <summary>The colleague whose active lock is on the article, if anyone other than <paramref name="who"/> is editing it.</summary>
    public async Task<EditLockHolder?> EditLockHolderAsync(int articleId, EditorIdentity who, CancellationToken cancellationToken)
    {
        var found = await db.EditLocks.AsNoTracking().FirstOrDefaultAsync(l => l.ArticleId == articleId, cancellationToken);
        return found is not null && found.IsActiveAt(time.GetUtcNow().UtcDateTime) && !found.IsHeldBy(who.UserId)
            ? new EditLockHolder(found.HolderName, found.Since)
            : null;
    }

    /// <summary>The edition an article is written in, as the editor pages show it.</summary>
    public EditionView EditionOf(Article article) => editions.All.First(e => e.Id == article.EditionId);

    /// <summary>The article's revisions, newest first.</summary>
    public Task<List<ArticleRevision>> RevisionsAsync(int articleId, CancellationToken cancellationToken) =>
        db.Revisions.AsNoTracking().Where(r => r.ArticleId == articleId).OrderByDescending(r => r.SavedAt).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);

    /// <summary>A revision of <paramref name="article"/> compared with what editors work from now; null when the revision is not the article's.</summary>
    public async Task<RevisionComparison?> CompareAsync(Article article, long revisionId, CancellationToken cancellationToken)
    {
        var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == article.Id, cancellationToken);
        if (revision is null)
        {
            return null;
        }

        var current = article.WorkingContent;
        var then = revision.RestoreOnto(current);
        var describe = await DescriberAsync(article, [current, then], cancellationToken);
        var others = ArticleContent.Differences(then, current)
            .Where(f => f is not (ArticleField.Headline or ArticleField.Lead or ArticleField.Body))
            .Select(f => new FieldChange(text.Word(ArticleFieldLabels.Label(f)), describe(then, f), describe(current, f)))
            .ToList();
        return new RevisionComparison(article, revision,
            TextDiff.Lines(then.Headline, current.Headline),
            TextDiff.Lines(then.Lead, current.Lead),
            TextDiff.Lines(then.BodyMarkdown, current.BodyMarkdown),
            others);
    }

    public async Task<ArticleFormPage> PageAsync(ArticleForm form, Article? article, IReadOnlyList<string> problems, ConflictView? conflict, bool canPublish, CancellationToken cancellationToken)
    {
        var edition = article is null ? editions.Find(form.Edition) ?? editions.Default : editions.All.First(e => e.Id == article.EditionId);
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.ShortName).Select(s => new SourceOption(s.Code, s.ShortName, s.FullName, s.Kind)).ToListAsync(cancellationToken);
        var people = await PersonOption.AllAsync(db, edition.Id, cancellationToken);
        var tagOptions = await db.Tags.AsNoTracking().Where(t => t.EditionId == edition.Id).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(cancellationToken);
        var translations = article?.TranslationGroupId is { } translationGroup
            ? await db.Articles.AsNoTracking().Where(a => a.TranslationGroupId == translationGroup && a.Id != article.Id)
                .Select(a => new { a.Id, a.EditionId, a.Headline, a.Status }).ToListAsync(cancellationToken)
            : [];
        // The editions the story is told in already: this one and its translations' (one query for both lists).
        var translated = article is null ? [] : translations.Select(t => t.EditionId).Append(article.EditionId).ToList();
        var imageId = article?.WorkingContent.LeadImageId;
        var image = imageId is null ? null : imageId == article!.LeadImageId ? article.LeadImage : await db.Images.AsNoTracking().FirstOrDefaultAsync(i => i.Id == imageId, cancellationToken);
        return new ArticleFormPage(
            form,
            edition,
            article?.Status,
            image is null ? null : $"/media/{Image.RenditionFileName(image.StorageKey, image.AvailableWidths[0])}",
            sources,
            problems,
            conflict,
            canPublish,
            article is { Status: ArticleStatus.Published } ? links.GetPathByAction("Show", "Articles", new { area = "", edition = edition.Code, slug = article.Slug, id = article.Id }) : null,
            article?.Corrections.OrderBy(c => c.PublishedAt).Select(c => (c.Id, c.PublishedAt, c.Text)).ToList() ?? [],
            article is null ? [] : editions.All.Where(e => !translated.Contains(e.Id)).ToList())
        {
            Pending = article?.PendingContent is null ? null : new PendingView(article.PendingSavedBy, article.PendingSavedAt),
            People = people,
            TagOptions = tagOptions,
            // In the catalog's edition order, as the reader site lists languages.
            Translations = editions.All.SelectMany(e => translations.Where(t => t.EditionId == e.Id).Select(t => new TranslationEditLink(t.Id, t.Headline, t.Status, e))).ToList(),
        };
    }
    /// <summary>Every differing field with both values in words, and a suggestion where the starting version tells whose change it was.</summary>
    public async Task<ConflictView> ConflictViewAsync(SaveConflict conflict, Article stored, CancellationToken cancellationToken)
    {
        var describe = await DescriberAsync(stored, [conflict.Theirs, conflict.Mine], cancellationToken);
        var rows = conflict.Fields.Select(field => new ConflictRow(
            field,
            text.Word(ArticleFieldLabels.Label(field)),
            describe(conflict.Theirs, field),
            describe(conflict.Mine, field),
            conflict.Suggested(field),
            field is ArticleField.Headline or ArticleField.Lead or ArticleField.Body or ArticleField.Caption or ArticleField.AltText or ArticleField.Tags,
            field == ArticleField.Body ? TextDiff.Lines(conflict.Theirs.BodyMarkdown, conflict.Mine.BodyMarkdown) : null)).ToList();
        return new ConflictView(stored.Version, conflict.TheirsSavedBy, conflict.TheirsSavedAt, rows);
    }

    /// <summary>Puts a field's value in words for the editor: section and source names, times in UTC.</summary>
    private async Task<Func<ArticleContent, ArticleField, string>> DescriberAsync(Article stored, IEnumerable<ArticleContent> contents, CancellationToken cancellationToken)
    {
        var sourceIds = contents.SelectMany(c => c.Credits).Select(c => c.SourceId).Distinct().ToList();
        var sourceNames = await db.Sources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.ShortName, cancellationToken);
        var personIds = contents.SelectMany(c => c.Contributors).Select(c => c.PersonId).Distinct().ToList();
        var personNames = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.LatinName, cancellationToken);
        var edition = editions.All.First(e => e.Id == stored.EditionId);
        return (content, field) => field switch
        {
            ArticleField.Section => edition.Sections.FirstOrDefault(s => s.Id == content.SectionId)?.Name ?? text["Value.None"],
            ArticleField.Headline => content.Headline,
            ArticleField.Lead => content.Lead,
            ArticleField.Body => content.BodyMarkdown,
            ArticleField.Contributors => content.Contributors.Count == 0 ? text["Value.None"] : string.Join("; ", content.Contributors.Select(c => text["Value.Credit", personNames.GetValueOrDefault(c.PersonId, "?"), text[$"ContributorRole.{c.Role}"]])),
            ArticleField.Slug => content.Slug,
            ArticleField.Credits => content.Credits.Count == 0 ? text["Value.None"] : string.Join("; ", content.Credits.Select(c => text["Value.Credit", sourceNames.GetValueOrDefault(c.SourceId, "?"), text[$"CreditRole.{c.Role}"]])),
            ArticleField.Picture => content.LeadImageId is null ? text["Value.NoPicture"] : content.LeadImageId == stored.LeadImageId ? text["Value.CurrentPicture"] : text["Value.AnotherPicture", content.LeadImageId],
            ArticleField.AltText => content.ImageIsDecorative ? text["Value.Decorative"] : content.AltText ?? text["Value.None"],
            ArticleField.Caption => content.Caption ?? text["Value.None"],
            ArticleField.PictureCredit => content.PictureCredit ?? text["Value.None"],
            ArticleField.FocalPoint => text["Value.FocalPoint", content.FocalX.ToString("0.##", CultureInfo.InvariantCulture), content.FocalY.ToString("0.##", CultureInfo.InvariantCulture)],
            ArticleField.BreakingUntil => content.BreakingUntil?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? text["Value.NotBreaking"],
            ArticleField.PublishAt => content.PublishAt?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? text["Value.None"],
            ArticleField.Tags => content.Tags.Count == 0 ? text["Value.None"] : TagNames.Join(content.Tags),
            _ => "",
        };
    }
}
