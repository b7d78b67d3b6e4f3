using System.ComponentModel.DataAnnotations;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Editing;

/// <summary>One credited source on the article form.</summary>
public sealed class SourceCredit
{
    public string Code { get; set; } = "";

    /// <summary>Empty when the source is not credited.</summary>
    public SourceRole? Role { get; set; }
}

/// <summary>One person credited on the article form, by the person's address (slug).</summary>
public sealed class ContributorCredit
{
    public string? Person { get; set; }

    /// <summary>Empty when the row credits nobody.</summary>
    public ContributorRole? Role { get; set; }
}

/// <summary>What the article form posts. Every field has a visible label in the view.</summary>
public sealed class ArticleForm
{
    public int? Id { get; set; }

    /// <summary>The version the editor started from; a save against a newer version is a conflict.</summary>
    public int Version { get; set; }

    [Required(ErrorMessage = "Validation.ChooseEditionAndSection")]
    public string Edition { get; set; } = "";

    [Required(ErrorMessage = "Validation.ChooseEditionAndSection")]
    public int? SectionId { get; set; }

    [Required(ErrorMessage = "Validation.HeadlineRequired")]
    [StringLength(Article.HeadlineMaxLength, ErrorMessage = "Validation.TooLong")]
    public string Headline { get; set; } = "";

    [StringLength(Article.LeadMaxLength, ErrorMessage = "Validation.TooLong")]
    public string? Lead { get; set; }

    [StringLength(200_000, ErrorMessage = "Validation.TooLong")]
    public string? Body { get; set; }

    /// <summary>The people credited, in byline order (rows without a person or a role are ignored).</summary>
    public List<ContributorCredit> Contributors { get; set; } = [];

    [StringLength(Slugs.MaxLength, ErrorMessage = "Validation.TooLong")]
    [RegularExpression(@"^[\p{Ll}\p{Lo}\p{Mn}\p{Mc}\p{Nd}]+(-[\p{Ll}\p{Lo}\p{Mn}\p{Mc}\p{Nd}]+)*$", ErrorMessage = "Validation.SlugShape")]
    public string? Slug { get; set; }

    /// <summary>The story's topics: names separated by commas, existing tags or new ones (<see cref="TagNames"/>).</summary>
    [StringLength(TagNames.MaxFieldLength, ErrorMessage = "Validation.TooLong")]
    public string? Tags { get; set; }

    /// <summary>The credited sources in the order the credit line names them (entries without a role are ignored).</summary>
    public List<SourceCredit> Sources { get; set; } = [];

    /// <summary>A source chosen in "Add a credit"; added on the next submit, whichever button it is.</summary>
    public string? AddSourceCode { get; set; }

    public SourceRole AddSourceRole { get; set; } = SourceRole.Reporting;

    /// <summary>
    /// A credit-list button instead of a save: <c>add</c>, <c>up:N</c>, <c>down:N</c> or <c>remove:N</c>.
    /// The form comes back rearranged, with everything typed kept, and nothing is saved.
    /// </summary>
    public string? CreditAction { get; set; }

    /// <summary>
    /// After a conflict: the fields that differed (comma-separated <see cref="ArticleField"/> names) and
    /// for each the person's choice, <c>mine</c> or <c>theirs</c>.
    /// </summary>
    public string? ConflictFields { get; set; }

    public Dictionary<string, string> Resolve { get; set; } = [];

    [StringLength(500, ErrorMessage = "Validation.TooLong")]
    public string? AltText { get; set; }

    public bool ImageIsDecorative { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.TooLong")]
    public string? Caption { get; set; }

    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    public string? Credit { get; set; }

    /// <summary>The double overload of <see cref="RangeAttribute"/>: the int one converts the value and throws on NaN or 1e10.</summary>
    [Range(0d, 1d, ErrorMessage = "Validation.FocalAcross")]
    public double FocalX { get; set; } = 0.5;

    [Range(0d, 1d, ErrorMessage = "Validation.FocalDown")]
    public double FocalY { get; set; } = 0.5;

    /// <summary>Takes the lead image off the article; its files are deleted once the save has committed.</summary>
    public bool RemoveLeadImage { get; set; }

    /// <summary>In <see cref="TimeZone"/>; empty for no breaking flag.</summary>
    public DateTime? BreakingUntil { get; set; }

    /// <summary>In <see cref="TimeZone"/>; used by "Schedule".</summary>
    public DateTime? PublishAt { get; set; }

    /// <summary>The IANA time zone the form's times are typed in; UTC when empty.</summary>
    [StringLength(64, ErrorMessage = "Validation.TooLong")]
    public string? TimeZone { get; set; } = "UTC";

    /// <summary>The article this one translates, when created with "Translate".</summary>
    public int? TranslationOf { get; set; }
}
