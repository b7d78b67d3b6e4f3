using System.Linq.Expressions;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Articles;

/// <summary>A picture as views need it: the renditions' key and everything that describes it.</summary>
public sealed record ImageView(string StorageKey, int Width, int Height, string? AltText, bool IsDecorative, string? Caption, string? Credit)
{
    public IReadOnlyList<int> Widths => Image.RenditionWidthsFor(Width);

    public string Src(int width) => $"/media/{Image.RenditionFileName(StorageKey, width)}";

    public string SrcSet => string.Join(", ", Widths.Select(w => $"{Src(w)} {w}w"));

    public string DefaultSrc => Src(Widths.Count > 1 ? Widths[1] : Widths[0]);
}

/// <summary>One line of a list of stories: headline, lead, section, date, picture.</summary>
public sealed record ArticleSummary(
    int Id,
    string Slug,
    string Headline,
    string Lead,
    DateTime PublishedAt,
    string SectionName,
    string SectionSlug,
    ImageView? Image);

public static class ArticleQueries
{
    /// <summary>
    /// Articles a reader may see now: published, and not scheduled for later. The compiled queries of
    /// the hot pages (article, front page, section, breaking banner) spell out the same condition.
    /// </summary>
    public static IQueryable<Article> VisibleAt(this IQueryable<Article> articles, DateTime now) =>
        articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now);

    public static IQueryable<Article> Latest(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);

    public static readonly Expression<Func<Article, ArticleSummary>> ToSummary = a => new ArticleSummary(
        a.Id,
        a.Slug,
        a.Headline,
        a.Lead,
        a.PublishedAt!.Value,
        a.Section.Name,
        a.Section.Slug,
        a.LeadImage == null
            ? null
            : new ImageView(a.LeadImage.StorageKey, a.LeadImage.Width, a.LeadImage.Height, a.LeadImage.AltText, a.LeadImage.IsDecorative, a.LeadImage.Caption, a.LeadImage.Credit));
}
