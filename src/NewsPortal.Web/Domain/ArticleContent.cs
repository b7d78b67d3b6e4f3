namespace NewsPortal.Web.Domain;

/// <summary>One credited source and its role, in the order the credit line names them.</summary>
public sealed record CreditEntry(int SourceId, SourceRole Role);

/// <summary>One person credited on a story and their role, in byline order.</summary>
public sealed record ContributorEntry(int PersonId, ContributorRole Role);

/// <summary>The fields of an article an editor can change, each named for comparison and merging.</summary>
public enum ArticleField
{
    Section = 0,
    Headline = 1,
    Lead = 2,
    Body = 3,
    Contributors = 4,
    Slug = 5,
    Credits = 6,
    Picture = 7,
    AltText = 8,
    Caption = 9,
    PictureCredit = 10,
    FocalPoint = 11,
    BreakingUntil = 12,
    PublishAt = 13,
    Tags = 14,
}

/// <summary>
/// Everything about an article that an editor types or chooses, as one value: what a revision keeps,
/// what waits as pending changes on a live story, and what two editors' versions are compared on.
/// Status, publication time and corrections are not part of it: they change through their own actions.
/// </summary>
public sealed record ArticleContent
{
    public int SectionId { get; init; }

    public string Headline { get; init; } = "";

    public string Lead { get; init; } = "";

    public string BodyMarkdown { get; init; } = "";

    public IReadOnlyList<ContributorEntry> Contributors { get; init; } = [];

    public string Slug { get; init; } = "";

    public IReadOnlyList<CreditEntry> Credits { get; init; } = [];

    public int? LeadImageId { get; init; }

    public string? AltText { get; init; }

    public bool ImageIsDecorative { get; init; }

    public string? Caption { get; init; }

    public string? PictureCredit { get; init; }

    public double FocalX { get; init; } = 0.5;

    public double FocalY { get; init; } = 0.5;

    public DateTime? BreakingUntil { get; init; }

    public DateTime? PublishAt { get; init; }

    /// <summary>
    /// The story's topics by name, in order: names, not ids, so that a revision or pending change can carry a tag
    /// that does not exist yet (it is created when the content is applied). Empty in revisions saved before tags.
    /// </summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The article's live fields (its pending changes, if any, are not included).</summary>
    public static ArticleContent Of(Article article) => new()
    {
        SectionId = article.SectionId,
        Headline = article.Headline,
        Lead = article.Lead,
        BodyMarkdown = article.BodyMarkdown,
        Contributors = article.Contributors.OrderBy(c => c.Order).Select(c => new ContributorEntry(c.PersonId, c.Role)).ToList(),
        Slug = article.Slug,
        Credits = article.Sources.OrderBy(s => s.Order).Select(s => new CreditEntry(s.SourceId, s.Role)).ToList(),
        LeadImageId = article.LeadImageId,
        AltText = article.LeadImage?.AltText,
        ImageIsDecorative = article.LeadImage?.IsDecorative ?? false,
        Caption = article.LeadImage?.Caption,
        PictureCredit = article.LeadImage?.Credit,
        FocalX = article.LeadImage?.FocalX ?? 0.5,
        FocalY = article.LeadImage?.FocalY ?? 0.5,
        BreakingUntil = article.BreakingUntil,
        PublishAt = article.ScheduledAt,
        Tags = article.Tags.OrderBy(t => t.Order).Select(t => t.Tag.Name).ToList(),
    };

    /// <summary>The fields whose values differ between the two, in form order.</summary>
    public static IReadOnlyList<ArticleField> Differences(ArticleContent a, ArticleContent b) =>
        Enum.GetValues<ArticleField>().Where(field => !a.SameAs(b, field)).ToList();

    public bool SameAs(ArticleContent other, ArticleField field) => field switch
    {
        ArticleField.Section => SectionId == other.SectionId,
        ArticleField.Headline => Headline == other.Headline,
        ArticleField.Lead => Lead == other.Lead,
        ArticleField.Body => Normalize(BodyMarkdown) == Normalize(other.BodyMarkdown),
        ArticleField.Contributors => Contributors.SequenceEqual(other.Contributors),
        ArticleField.Slug => Slug == other.Slug,
        ArticleField.Credits => Credits.SequenceEqual(other.Credits),
        ArticleField.Picture => LeadImageId == other.LeadImageId,
        ArticleField.AltText => (AltText ?? "") == (other.AltText ?? "") && ImageIsDecorative == other.ImageIsDecorative,
        ArticleField.Caption => (Caption ?? "") == (other.Caption ?? ""),
        ArticleField.PictureCredit => (PictureCredit ?? "") == (other.PictureCredit ?? ""),
        ArticleField.FocalPoint => Math.Abs(FocalX - other.FocalX) < 1e-9 && Math.Abs(FocalY - other.FocalY) < 1e-9,
        ArticleField.BreakingUntil => BreakingUntil == other.BreakingUntil,
        ArticleField.PublishAt => PublishAt == other.PublishAt,
        ArticleField.Tags => Tags.SequenceEqual(other.Tags, StringComparer.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>This content with one field taken from <paramref name="other"/>.</summary>
    public ArticleContent With(ArticleField field, ArticleContent other) => field switch
    {
        ArticleField.Section => this with { SectionId = other.SectionId },
        ArticleField.Headline => this with { Headline = other.Headline },
        ArticleField.Lead => this with { Lead = other.Lead },
        ArticleField.Body => this with { BodyMarkdown = other.BodyMarkdown },
        ArticleField.Contributors => this with { Contributors = other.Contributors },
        ArticleField.Slug => this with { Slug = other.Slug },
        ArticleField.Credits => this with { Credits = other.Credits },
        ArticleField.Picture => this with { LeadImageId = other.LeadImageId },
        ArticleField.AltText => this with { AltText = other.AltText, ImageIsDecorative = other.ImageIsDecorative },
        ArticleField.Caption => this with { Caption = other.Caption },
        ArticleField.PictureCredit => this with { PictureCredit = other.PictureCredit },
        ArticleField.FocalPoint => this with { FocalX = other.FocalX, FocalY = other.FocalY },
        ArticleField.BreakingUntil => this with { BreakingUntil = other.BreakingUntil },
        ArticleField.PublishAt => this with { PublishAt = other.PublishAt },
        ArticleField.Tags => this with { Tags = other.Tags },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>Browsers post text areas with CRLF line ends; the same text must compare equal.</summary>
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
