using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editions;

namespace NewsPortal.Web.Features.Articles;

/// <summary>The same story in another edition.</summary>
public sealed record TranslationLink(int Id, string Slug, string Headline, EditionView Edition);

public sealed record CorrectionView(DateTime PublishedAt, string Text);

/// <summary>A story listed as related on an article's page.</summary>
public sealed record RelatedStory(int Id, string Slug, string Headline, DateTime PublishedAt);

/// <summary>Everything the article page shows, in reading order.</summary>
public sealed record ArticlePage(
    int Id,
    string Slug,
    EditionView Edition,
    SectionView Section,
    string Headline,
    string Lead,
    string BodyHtml,
    IReadOnlyList<People.PersonCredit> Contributors,
    DateTime PublishedAt,
    DateTime? UpdatedAt,
    bool IsBreaking,
    ImageView? Image,
    IReadOnlyList<CreditedSource> Sources,
    IReadOnlyList<TranslationLink> Translations,
    IReadOnlyList<CorrectionView> Corrections,
    int? TranslationGroupId)
{
    /// <summary>The updates of a live coverage (one page of them); null for an ordinary article.</summary>
    public LiveCoverage.CoverageView? Coverage { get; init; }

    /// <summary>The story's topics, in the editor's order, each linking to its tag page.</summary>
    public IReadOnlyList<Tags.TagLink> Tags { get; init; } = [];
    /// <summary>The related stories stored for the article when it was last published or changed, in their order.</summary>
    public IReadOnlyList<RelatedStory> Related { get; init; } = [];
}

/// <summary>
/// Loads one published article by id, with its picture, sources (named as its edition knows them),
/// contributors, corrections, tags, translations and related stories: seven short compiled queries on one connection,
/// each a single command however many there are of each (the related stories are stored when stories are published
/// or changed, never worked out here). (A split query sends as
/// many commands, but each repeats the article query inside it, and SQLite parses and plans every
/// command anew.)
/// </summary>
public sealed class GetArticlePage(NewsPortalDbContext db, EditionCatalog editions, LiveCoverage.GetCoverageUpdates updates, TimeProvider time)
{
    /// <param name="includeUnpublished">For the editors' preview: load drafts and scheduled articles too.</param>
    /// <param name="updatesUpTo">For a live coverage: the newest update of the page of updates to show (null: the newest page).</param>
    public async Task<ArticlePage?> ExecuteAsync(int id, CancellationToken cancellationToken, bool includeUnpublished = false, long? updatesUpTo = null)
    {
        var now = time.GetUtcNow().UtcDateTime;

        // The page's queries and the breaking banner's share one connection, which goes back to the
        // pool with the request's context.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var article = await ById(db, id, now, includeUnpublished, cancellationToken);
        if (article is null || editions.All.FirstOrDefault(e => e.Id == article.EditionId) is not { } edition)
        {
            return null;
        }

        LiveCoverage.CoverageView? coverage = null;
        if (article.IsLiveCoverage)
        {
            coverage = await updates.PageAsync(article.Id, new(true, article.CoverageStartedAt, article.CoverageEndedAt, article.PublishedAt), updatesUpTo, edition.Code, cancellationToken);
            if (coverage is null)
            {
                return null;
            }
        }
        else if (updatesUpTo is not null)
        {
            return null;
        }

        var section = edition.Sections.First(s => s.Id == article.SectionId);
        var sources = await SourcesOf(db, article.Id, edition.Code).ToListAsync(cancellationToken);
        var contributors = await ContributorsOf(db, article.Id, edition.Id).ToListAsync(cancellationToken);
        var corrections = await CorrectionsOf(db, article.Id).ToListAsync(cancellationToken);
        var tags = await TagsOf(db, article.Id).ToListAsync(cancellationToken);
        var translations = article.TranslationGroupId is { } groupId
            ? await TranslationsOf(db, groupId, article.Id, now).ToListAsync(cancellationToken)
            : [];
        var related = await RelatedTo(db, article.Id, now).ToListAsync(cancellationToken);
        return new ArticlePage(
            article.Id,
            article.Slug,
            edition,
            section,
            article.Headline,
            article.Lead,
            article.BodyHtml,
            contributors,
            article.PublishedAt ?? article.ScheduledAt ?? article.UpdatedAt,
            Article.WasUpdatedAfterPublishingAt(article.PublishedAt, article.UpdatedAt) ? article.UpdatedAt : null,
            Article.IsBreakingAt(article.Status, article.PublishedAt, article.BreakingUntil, now),
            article.Image,
            // As Source.ShortNameIn and FullNameIn: the names the edition's readers know the source by.
            sources.Select(s => new CreditedSource(s.Code, s.LocalShortName ?? s.ShortName, s.LocalFullName ?? s.FullName, s.Kind, s.Role)).ToList(),
            // In the catalog's edition order, so every page lists the languages the same way.
            editions.All
                .SelectMany(e => translations.Where(t => t.EditionId == e.Id).Select(t => new TranslationLink(t.Id, t.Slug, t.Headline, e)))
                .ToList(),
            corrections,
            article.TranslationGroupId)
        {
            Coverage = coverage,
            Tags = tags,
            Related = related,
        };
    }

    private sealed record ArticleRow(
        int Id,
        string Slug,
        int EditionId,
        int SectionId,
        string Headline,
        string Lead,
        string BodyHtml,
        ArticleStatus Status,
        DateTime? PublishedAt,
        DateTime? ScheduledAt,
        DateTime UpdatedAt,
        DateTime? BreakingUntil,
        int? TranslationGroupId,
        ImageView? Image,
        bool IsLiveCoverage,
        DateTime? CoverageStartedAt,
        DateTime? CoverageEndedAt);

    private sealed record SourceRow(string Code, string ShortName, string FullName, string? LocalShortName, string? LocalFullName, SourceKind Kind, SourceRole Role);

    private sealed record TranslationRow(int Id, string Slug, string Headline, int EditionId);

    // Visible means published and not scheduled for later, as ArticleQueries.VisibleAt says.
    private static readonly Func<NewsPortalDbContext, int, DateTime, bool, CancellationToken, Task<ArticleRow?>> ById =
        CompiledQueries.PerProvider(() => EF.CompileAsyncQuery((NewsPortalDbContext db, int id, DateTime now, bool includeUnpublished, CancellationToken _) =>
            db.Articles.AsNoTracking()
                .Where(a => a.Id == id && (includeUnpublished || (a.Status == ArticleStatus.Published && a.PublishedAt <= now)))
                .Select(a => new ArticleRow(
                    a.Id,
                    a.Slug,
                    a.EditionId,
                    a.SectionId,
                    a.Headline,
                    a.Lead,
                    a.BodyHtml,
                    a.Status,
                    a.PublishedAt,
                    a.ScheduledAt,
                    a.UpdatedAt,
                    a.BreakingUntil,
                    a.TranslationGroupId,
                    a.LeadImage == null
                        ? null
                        : new ImageView(a.LeadImage.StorageKey, a.LeadImage.Width, a.LeadImage.Height, a.LeadImage.AltText, a.LeadImage.IsDecorative, a.LeadImage.Caption, a.LeadImage.Credit),
                    a.IsLiveCoverage,
                    a.CoverageStartedAt,
                    a.CoverageEndedAt))
                .FirstOrDefault()));

    private static readonly Func<NewsPortalDbContext, int, string, IAsyncEnumerable<SourceRow>> SourcesOf =
        CompiledQueries.PerProvider(() => EF.CompileAsyncQuery((NewsPortalDbContext db, int articleId, string language) =>
            db.Set<ArticleSource>().AsNoTracking()
                .Where(s => s.ArticleId == articleId)
                .OrderBy(s => s.Order)
                .Select(s => new SourceRow(
                    s.Source.Code,
                    s.Source.ShortName,
                    s.Source.FullName,
                    s.Source.LocalNames.Where(n => n.Language == language).Select(n => n.ShortName).FirstOrDefault(),
                    s.Source.LocalNames.Where(n => n.Language == language).Select(n => n.FullName).FirstOrDefault(),
                    s.Source.Kind,
                    s.Role))));

    // A pen name is a person of its own: only the name the edition knows it by leaves the database.
    private static readonly Func<NewsPortalDbContext, int, int, IAsyncEnumerable<People.PersonCredit>> ContributorsOf =
        CompiledQueries.PerProvider(() => EF.CompileAsyncQuery((NewsPortalDbContext db, int articleId, int editionId) =>
            db.ArticleContributors.AsNoTracking()
                .Where(c => c.ArticleId == articleId)
                .OrderBy(c => c.Order)
                .Select(c => new People.PersonCredit(
                    c.PersonId,
                    c.Person.Profiles.Where(p => p.EditionId == editionId).Select(p => p.DisplayName).FirstOrDefault() ?? c.Person.LatinName,
                    c.Person.Slug,
                    c.Role))));

    private static readonly Func<NewsPortalDbContext, int, IAsyncEnumerable<CorrectionView>> CorrectionsOf =
        CompiledQueries.PerProvider(() => EF.CompileAsyncQuery((NewsPortalDbContext db, int articleId) =>
            db.Corrections.AsNoTracking()
                .Where(c => c.ArticleId == articleId)
                .OrderBy(c => c.PublishedAt)
                .Select(c => new CorrectionView(c.PublishedAt, c.Text))));

    private static readonly Func<NewsPortalDbContext, int, IAsyncEnumerable<Tags.TagLink>> TagsOf =
        CompiledQueries.PerProvider(() => EF.CompileAsyncQuery((NewsPortalDbContext db, int articleId) =>
            db.ArticleTags.AsNoTracking()
                .Where(t => t.ArticleId == articleId)
                .OrderBy(t => t.Order)
                .Select(t => new Tags.TagLink(t.Tag.Id, t.Tag.Name, t.Tag.Slug))));
    // The stored list, each story still visible (one unpublished since is left out until the lists are refreshed).
    private static readonly Func<NewsPortalDbContext, int, DateTime, IAsyncEnumerable<RelatedStory>> RelatedTo =
        CompiledQueries.PerProvider(() => EF.CompileAsyncQuery((NewsPortalDbContext db, int articleId, DateTime now) =>
            db.RelatedArticles.AsNoTracking()
                .Where(r => r.ArticleId == articleId)
                .Join(db.Articles, r => r.RelatedId, a => a.Id, (r, a) => new { r.Rank, a.Id, a.Slug, a.Headline, a.Status, a.PublishedAt })
                .Where(x => x.Status == ArticleStatus.Published && x.PublishedAt <= now)
                .OrderBy(x => x.Rank)
                .Select(x => new RelatedStory(x.Id, x.Slug, x.Headline, x.PublishedAt!.Value))));

    // By the group's id rather than through the optional navigation, whose null-safe join would
    // match every article without a group and could not use the TranslationGroupId index.
    private static readonly Func<NewsPortalDbContext, int, int, DateTime, IAsyncEnumerable<TranslationRow>> TranslationsOf =
        CompiledQueries.PerProvider(() => EF.CompileAsyncQuery((NewsPortalDbContext db, int groupId, int articleId, DateTime now) =>
            db.Articles.AsNoTracking()
                .Where(t => t.TranslationGroupId == groupId && t.Id != articleId && t.Status == ArticleStatus.Published && t.PublishedAt <= now)
                .Select(t => new TranslationRow(t.Id, t.Slug, t.Headline, t.EditionId))));
}
