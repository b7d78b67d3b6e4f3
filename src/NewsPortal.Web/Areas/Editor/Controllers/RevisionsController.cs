using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>An article's earlier versions: the list, one compared with the current text, and bringing one back.</summary>
[Route("editor/articles/{id:int}/revisions")]
public sealed class RevisionsController(ArticleFormPages pages) : EditorController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromRoute] int id, CancellationToken cancellationToken)
    {
        var article = await pages.LoadAsync(id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        // Earlier versions are as private as the article: a writer sees those of their own drafts only.
        return Who.MayEdit(article) ? View((article, await pages.RevisionsAsync(id, cancellationToken))) : Forbid();
    }

    [HttpGet("{revisionId:long}")]
    public async Task<IActionResult> Compare([FromRoute] int id, [FromRoute] long revisionId, CancellationToken cancellationToken)
    {
        var article = await pages.LoadAsync(id, cancellationToken);
        if (article is null || await pages.CompareAsync(article, revisionId, cancellationToken) is not { } comparison)
        {
            return NotFound();
        }

        return Who.MayEdit(article) ? View(comparison) : Forbid();
    }

    [HttpPost("{revisionId:long}/restore")]
    public async Task<IActionResult> Restore([FromRoute] int id, [FromRoute] long revisionId, int version, [FromServices] RestoreRevision restore, CancellationToken cancellationToken)
    {
        var result = await restore.ExecuteAsync(id, revisionId, version, Who, cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.Forbidden:
                return Forbid();
            case SaveOutcome.Conflict:
                Warn(result.Problems);
                return RedirectToAction(nameof(Index), new { id });
            default:
                Tell(new Notice(result.Article!.PendingContent is not null ? "Notice.RestoredAsPending" : "Notice.Restored"));
                Warn(result.Problems);
                return RedirectToAction(nameof(ArticlesController.Edit), "Articles", new { id });
        }
    }
}
