using System.Globalization;

namespace NewsPortal.Web.Features.Editing;

/// <summary>
/// The name under which the editor's browser keeps a local copy of the article form (editor-drafts.js): the
/// article and the version it was opened at, or, for a new article, the edition and the article it
/// translates. The server computes it for both ends: the form carries it, and the page after a successful
/// save names the copy that save made obsolete, so the script can delete exactly that one.
/// </summary>
public static class LocalDraftKey
{
    /// <summary>The TempData entry that carries the saved form's key to the page after the redirect.</summary>
    public const string SavedTempDataKey = "DraftSaved";

    public static string For(ArticleForm form) => form.Id is { } id
        ? string.Create(CultureInfo.InvariantCulture, $"article:{id}:v{form.Version}")
        : string.Create(CultureInfo.InvariantCulture, $"new:{form.Edition}:{form.TranslationOf?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
}
