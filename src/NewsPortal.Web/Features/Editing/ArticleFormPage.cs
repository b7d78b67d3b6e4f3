using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editions;

namespace NewsPortal.Web.Features.Editing;

/// <summary>A source the form can credit, named for the editor.</summary>
public sealed record SourceOption(string Code, string ShortName, string FullName, SourceKind Kind);

/// <summary>A person the form can credit: the Latin-script name colleagues know, and the name in the article's edition.</summary>
public sealed record PersonOption(string Slug, string LatinName, string? LocalName, bool IsPenName)
{
    /// <summary>Everyone a story or update of <paramref name="editionId"/> can credit, by Latin-script name.</summary>
    public static Task<List<PersonOption>> AllAsync(Data.NewsPortalDbContext db, int editionId, CancellationToken cancellationToken) =>
        db.People.AsNoTracking().OrderBy(p => p.LatinName)
            .Select(p => new PersonOption(p.Slug, p.LatinName, p.Profiles.Where(x => x.EditionId == editionId).Select(x => x.DisplayName).FirstOrDefault(), p.IsPenName))
            .ToListAsync(cancellationToken);
}

/// <summary>One field that differs between the stored version and the editor's, as the conflict panel shows it.</summary>
public sealed record ConflictRow(ArticleField Field, string Label, string Theirs, string Mine, string? Suggested, bool IsText, IReadOnlyList<DiffLine>? Diff);

/// <summary>The stored version shown beside the editor's own when a save conflicts: every field that differs.</summary>
public sealed record ConflictView(int Version, string? SavedBy, DateTime? SavedAt, IReadOnlyList<ConflictRow> Rows);

/// <summary>Pending changes of a live story: who saved them and when.</summary>
public sealed record PendingView(string? SavedBy, DateTime? SavedAt);

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
    public PendingView? Pending { get; init; }

    /// <summary>Editors and admins keep the list of people; the form links to it.</summary>
    public bool CanManagePeople => CanPublish;

    /// <summary>The people the form can credit, by Latin-script name.</summary>
    public IReadOnlyList<PersonOption> People { get; init; } = [];

    /// <summary>After a credit-list button: the index of the credit whose button keeps the focus.</summary>
    public int? FocusCredit { get; init; }

    /// <summary>Whose name a credit code stands for on the form.</summary>
    public string SourceName(string code) => SourceOptions.FirstOrDefault(s => s.Code == code)?.ShortName ?? code;

    /// <summary>The same story in the other editions (the original and its other translations), for the form's "Translations of this story".</summary>
    public IReadOnlyList<TranslationEditLink> Translations { get; init; } = [];

    /// <summary>The article opened read-only: every field read-only, no command, no lock taken.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>The colleague editing the article, shown on the read-only form.</summary>
    public EditLockHolder? Holder { get; init; }

    /// <summary>True when the person holds the article's edit lock, or nobody else does: the form says so, and its script keeps the lock alive.</summary>
    public bool HoldsLock { get; init; }

    /// <summary>The names of the edition's tags, for the Tags field's suggestions.</summary>
    public IReadOnlyList<string> TagOptions { get; init; } = [];

    /// <summary>After a save kept as a set-aside revision: what happened, worded.</summary>
    public string? KeptNotice { get; init; }
}

/// <summary>The page shown instead of the form when a colleague is editing the article.</summary>
public sealed record EditLockPage(int ArticleId, string Headline, EditionView Edition, EditLockHolder Holder, string? KeptNotice);

/// <summary>Another edition's version of the story being edited, linked to its edit page.</summary>
public sealed record TranslationEditLink(int Id, string Headline, ArticleStatus Status, EditionView Edition);

/// <summary>A field other than the text that differs between a revision and the current version.</summary>
public sealed record FieldChange(string Label, string Then, string Now);

/// <summary>A revision compared with the current version: the text line by line, every other field in words.</summary>
public sealed record RevisionComparison(Article Article, ArticleRevision Revision, IReadOnlyList<DiffLine> Headline, IReadOnlyList<DiffLine> Lead, IReadOnlyList<DiffLine> Body, IReadOnlyList<FieldChange> OtherFields);
