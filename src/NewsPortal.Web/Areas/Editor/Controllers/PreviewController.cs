using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>
/// The article exactly as readers will see it (a live story with its pending changes), under the edition's URL
/// prefix so it takes the edition's language. Unpublished work is as private here as in the form.
/// </summary>
public sealed class PreviewController(GetPreviewPage preview, ArticleFormPages pages) : EditorController
{
    [HttpGet("/{edition:edition}/preview/{id:int}")]
    public async Task<IActionResult> Show([FromRoute] string edition, [FromRoute] int id, CancellationToken cancellationToken)
    {
        var page = await preview.ExecuteAsync(id, cancellationToken);
        if (page is null || page.Edition.Code != edition || await pages.LoadAsync(id, cancellationToken) is not { } article)
        {
            return NotFound();
        }

        // A writer previews their own drafts only.
        if (!Who.MayEdit(article) && article.Status != ArticleStatus.Published)
        {
            return Forbid();
        }

        Views.PageMetadata.MarkPreview(HttpContext);
        return View("~/Views/Articles/Show.cshtml", page);
    }
}
