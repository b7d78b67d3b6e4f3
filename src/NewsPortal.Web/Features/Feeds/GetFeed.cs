using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Articles;

namespace NewsPortal.Web.Features.Feeds;

/// <summary>Which stories a feed carries: a whole edition, one section, the stories crediting one source, or those with one tag.</summary>
public abstract record FeedScope
{
    public sealed record Edition : FeedScope;

    public sealed record Section(int SectionId) : FeedScope;

    public sealed record Source(int SourceId) : FeedScope;

    public sealed record Person(int PersonId) : FeedScope;
    public sealed record Topic(int TagId) : FeedScope;
}

/// <summary>One story as a feed entry: full sanitized body, lead, sources for the credit line.</summary>
public sealed record FeedStory(
    int Id,
    string Slug,
    string Headline,
    string Lead,
    string BodyHtml,
    IReadOnlyList<People.PersonCredit> Contributors,
    DateTime PublishedAt,
    DateTime UpdatedAt,
    string SectionName,
    IReadOnlyList<CreditedSource> Sources);

/// <summary>The newest published stories of a feed scope, newest first.</summary>
public sealed class GetFeed(NewsPortalDbContext db, TimeProvider time)
{
    public const int Size = 30;

    /// <summary>The source a source feed is about, with its names in other languages; null for an unknown code.</summary>
    public Task<Source?> SourceAsync(string code, CancellationToken cancellationToken) =>
        code.Length > 40 ? Task.FromResult<Source?>(null)
            : db.Sources.AsNoTracking().Include(s => s.LocalNames).FirstOrDefaultAsync(s => s.Code == code, cancellationToken);

    public async Task<IReadOnlyList<FeedStory>> ExecuteAsync(int editionId, string language, FeedScope scope, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var query = db.Articles.AsNoTracking().VisibleAt(now).Where(a => a.EditionId == editionId);
        query = scope switch
        {
            FeedScope.Section s => query.Where(a => a.SectionId == s.SectionId),
            FeedScope.Source s => query.Where(a => a.Sources.Any(x => x.SourceId == s.SourceId)),
            FeedScope.Person p => query.Where(a => a.Contributors.Any(x => x.PersonId == p.PersonId)),
            FeedScope.Topic t => query.Where(a => a.Tags.Any(x => x.TagId == t.TagId)),
            _ => query,
        };

        var articles = await query.Latest().Take(Size)
            .Include(a => a.Section)
            .Include(a => a.Sources.OrderBy(s => s.Order)).ThenInclude(s => s.Source).ThenInclude(s => s.LocalNames)
            .Include(a => a.Contributors.OrderBy(c => c.Order)).ThenInclude(c => c.Person).ThenInclude(p => p.Profiles.Where(x => x.EditionId == editionId))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        return articles.Select(a => new FeedStory(
            a.Id, a.Slug, a.Headline, a.Lead, a.BodyHtml,
            a.Contributors.Select(c => new People.PersonCredit(c.PersonId, c.Person.NameIn(editionId), c.Person.Slug, c.Role)).ToList(),
            a.PublishedAt!.Value, a.UpdatedAt, a.Section.Name,
            a.Sources.Select(s => new CreditedSource(s.Source.Code, s.Source.ShortNameIn(language), s.Source.FullNameIn(language), s.Source.Kind, s.Role)).ToList()))
            .ToList();
    }
}

public sealed record FeedCorrection(int ArticleId, string Slug, string Headline, string Text, DateTime PublishedAt);

/// <summary>The newest corrections to an edition's published stories.</summary>
public sealed class GetCorrectionsFeed(NewsPortalDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<FeedCorrection>> ExecuteAsync(int editionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Corrections.AsNoTracking()
            .Where(c => c.Article.EditionId == editionId && c.Article.Status == ArticleStatus.Published && c.Article.PublishedAt <= now && c.PublishedAt <= now)
            .OrderByDescending(c => c.PublishedAt)
            .Take(GetFeed.Size)
            .Select(c => new FeedCorrection(c.ArticleId, c.Article.Slug, c.Article.Headline, c.Text, c.PublishedAt))
            .ToListAsync(cancellationToken);
    }
}
