using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editions;

namespace NewsPortal.Web.Features.Articles;

/// <summary>The same story in another edition.</summary>
public sealed record TranslationLink(int Id, string Slug, string Headline, EditionView Edition);

public sealed record CorrectionView(DateTime PublishedAt, string Text);

/// <summary>Everything the article page shows, in reading order.</summary>
public sealed record ArticlePage(
    int Id,
    string Slug,
    EditionView Edition,
    SectionView Section,
    string Headline,
    string Lead,
    string BodyHtml,
    string Author,
    DateTime PublishedAt,
    DateTime? UpdatedAt,
    bool IsBreaking,
    ImageView? Image,
    IReadOnlyList<CreditedSource> Sources,
    IReadOnlyList<TranslationLink> Translations,
    IReadOnlyList<CorrectionView> Corrections,
    int? TranslationGroupId);

/// <summary>Loads one published article by id, with its sources, picture, translations and corrections.</summary>
public sealed class GetArticlePage(NewsPortalDbContext db, EditionCatalog editions, TimeProvider time)
{
    /// <param name="includeUnpublished">For the editors' preview: load drafts and scheduled articles too.</param>
    public async Task<ArticlePage?> ExecuteAsync(int id, CancellationToken cancellationToken, bool includeUnpublished = false)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var articles = includeUnpublished ? db.Articles.AsNoTracking() : db.Articles.AsNoTracking().VisibleAt(now);
        var article = await articles
            .Where(a => a.Id == id)
            .Include(a => a.LeadImage)
            .Include(a => a.Sources.OrderBy(s => s.Order)).ThenInclude(s => s.Source).ThenInclude(s => s.LocalNames)
            .Include(a => a.Corrections.OrderBy(c => c.PublishedAt))
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null || editions.All.FirstOrDefault(e => e.Id == article.EditionId) is not { } edition)
        {
            return null;
        }

        var section = edition.Sections.First(s => s.Id == article.SectionId);
        var translations = article.TranslationGroupId is { } groupId
            ? await db.Articles.AsNoTracking().VisibleAt(now)
                .Where(a => a.TranslationGroupId == groupId && a.Id != article.Id)
                .Select(a => new { a.Id, a.Slug, a.Headline, a.EditionId })
                .ToListAsync(cancellationToken)
            : [];

        var language = edition.Code;
        return new ArticlePage(
            article.Id,
            article.Slug,
            edition,
            section,
            article.Headline,
            article.Lead,
            article.BodyHtml,
            article.Author,
            article.PublishedAt ?? article.ScheduledAt ?? article.UpdatedAt,
            article.WasUpdatedAfterPublishing ? article.UpdatedAt : null,
            article.IsBreakingAt(now),
            article.LeadImage is { } i ? new ImageView(i.StorageKey, i.Width, i.Height, i.AltText, i.IsDecorative, i.Caption, i.Credit) : null,
            article.Sources
                .Select(s => new CreditedSource(s.Source.Code, s.Source.ShortNameIn(language), s.Source.FullNameIn(language), s.Source.Kind, s.Role))
                .ToList(),
            // In the catalog's edition order, so every page lists the languages the same way.
            editions.All
                .SelectMany(e => translations.Where(t => t.EditionId == e.Id).Select(t => new TranslationLink(t.Id, t.Slug, t.Headline, e)))
                .ToList(),
            article.Corrections.Select(c => new CorrectionView(c.PublishedAt, c.Text)).ToList(),
            article.TranslationGroupId);
    }
}
