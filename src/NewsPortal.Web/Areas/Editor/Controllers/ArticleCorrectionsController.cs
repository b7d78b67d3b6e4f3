using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features;
using NewsPortal.Web.Features.Editing;
using NewsPortal.Web.Features.Accounts;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>Dated public corrections on a live article (<see cref="Features.Editing.AddCorrection"/>).</summary>
[Authorize(Policy = EditorPolicies.Publishing)]
public sealed class ArticleCorrectionsController(AddCorrection correct) : EditorController
{
    [HttpPost("editor/articles/{id:int}/corrections")]
    public async Task<IActionResult> Add([FromRoute] int id, string? text, CancellationToken cancellationToken)
    {
        switch (await correct.ExecuteAsync(id, text, Who, cancellationToken))
        {
            case CorrectionOutcome.NotFound:
                return NotFound();
            case CorrectionOutcome.NotPublished:
                Warn([new Notice("Problem.CorrectionNeedsLiveArticle")]);
                break;
            case CorrectionOutcome.Invalid:
                Warn([new Notice("Problem.WriteCorrection", AddCorrection.MaxLength)]);
                break;
            default:
                Tell(new Notice("Notice.CorrectionPublished"));
                break;
        }

        return RedirectToAction(nameof(ArticlesController.Edit), "Articles", new { id });
    }
}
