using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editing;
using NewsPortal.Web.Features.Editions;

namespace NewsPortal.Web.Areas.Editor.Models;

/// <summary>A source the form can credit, named for the editor.</summary>
public sealed record SourceOption(string Code, string ShortName, string FullName, SourceKind Kind);

/// <summary>The stored version shown beside the editor's own text when a save conflicts.</summary>
public sealed record ConflictView(string Headline, string Lead, string Body, int Version, IReadOnlyList<DiffLine> BodyDiff);


/// <summary>Everything the article form page shows.</summary>
public sealed record ArticleFormPage(
    ArticleForm Form,
    EditionView Edition,
    ArticleStatus? Status,
    string? ImageSrc,
    IReadOnlyList<SourceOption> SourceOptions,
    IReadOnlyList<string> Problems,
    ConflictView? Conflict,
    bool CanPublish,
    string? PublicUrl,
    IReadOnlyList<(int Id, DateTime At, string Text)> Corrections,
    IReadOnlyList<EditionView> TranslateTo)
{
    /// <summary>The same story in the other editions (the original and its other translations), for the form's "Translations of this story".</summary>
    public IReadOnlyList<TranslationEditLink> Translations { get; init; } = [];
}

/// <summary>Another edition's version of the story being edited, linked to its edit page.</summary>
public sealed record TranslationEditLink(int Id, string Headline, ArticleStatus Status, EditionView Edition);
