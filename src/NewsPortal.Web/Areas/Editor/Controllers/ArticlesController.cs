using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features;
using NewsPortal.Web.Features.Accounts;
using NewsPortal.Web.Features.Editing;
using NewsPortal.Web.Hosting;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>Writing, previewing, publishing, revisions and corrections of articles.</summary>
public sealed partial class ArticlesController(
    ArticleFormPages pages,
    SaveArticle save,
    RestoreRevision restore,
    GetPreviewPage preview,
    BylineRule bylines) : EditorController
{
    [HttpGet("editor/articles/new")]
    public async Task<IActionResult> New(string? edition, int? translationOf, CancellationToken cancellationToken)
    {
        var form = await pages.NewAsync(edition, translationOf, NewsroomClaims.DisplayNameOf(User), cancellationToken);
        return form is null ? NotFound() : View("Form", await PageAsync(form, null, Word(UnreadableArticleForm.ProblemsFor(HttpContext)), null, cancellationToken));
    }

    [HttpPost("editor/articles/new")]
    [RequestSizeLimit(ArticleFormLimits.MaxRequestBytes)]
    [RequestFormLimits(ValueCountLimit = ArticleFormLimits.MaxFormValues, MultipartBodyLengthLimit = ArticleFormLimits.MaxRequestBytes)]
    [ReadArticleForm]
    [KeepsPostedTextWhenSignedOut]
    public Task<IActionResult> Create(ArticleForm form, IFormFile? leadImage, ArticleCommand command, CancellationToken cancellationToken)
    {
        form.Id = null;
        return SaveAsync(form, leadImage, command, cancellationToken);
    }

    [HttpGet("editor/articles/{id:int}")]
    public async Task<IActionResult> Edit([FromRoute] int id, CancellationToken cancellationToken)
    {
        var article = await LoadAsync(id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        if (!Who.MayEdit(article))
        {
            return Forbid();
        }

        return View("Form", await PageAsync(await pages.ToFormAsync(article, cancellationToken), article, TempData[ProblemsKey] is string[] p ? p : Word(UnreadableArticleForm.ProblemsFor(HttpContext)), null, cancellationToken));
    }

    [HttpPost("editor/articles/{id:int}")]
    [RequestSizeLimit(ArticleFormLimits.MaxRequestBytes)]
    [RequestFormLimits(ValueCountLimit = ArticleFormLimits.MaxFormValues, MultipartBodyLengthLimit = ArticleFormLimits.MaxRequestBytes)]
    [ReadArticleForm]
    [KeepsPostedTextWhenSignedOut]
    public Task<IActionResult> Update([FromRoute] int id, ArticleForm form, IFormFile? leadImage, ArticleCommand command, CancellationToken cancellationToken)
    {
        form.Id = id;
        return SaveAsync(form, leadImage, command, cancellationToken);
    }

    /// <summary>The article exactly as readers will see it, under the edition's URL prefix so it takes the edition's language.</summary>
    [HttpGet("/{edition:edition}/preview/{id:int}")]
    public async Task<IActionResult> Preview([FromRoute] string edition, [FromRoute] int id, CancellationToken cancellationToken)
    {
        var page = await preview.ExecuteAsync(id, cancellationToken);
        if (page is null || page.Edition.Code != edition || await LoadAsync(id, cancellationToken) is not { } article)
        {
            return NotFound();
        }

        // Unpublished work is as private in preview as in the form: a writer previews their own drafts only.
        if (!Who.MayEdit(article) && article.Status != ArticleStatus.Published)
        {
            return Forbid();
        }

        ViewData["Preview"] = true;
        return View("~/Views/Articles/Show.cshtml", page);
    }

    [HttpGet("editor/articles/{id:int}/revisions")]
    public async Task<IActionResult> Revisions([FromRoute] int id, CancellationToken cancellationToken)
    {
        var article = await LoadAsync(id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        // Earlier versions are as private as the article: a writer sees those of their own drafts only.
        return Who.MayEdit(article) ? View((article, await pages.RevisionsAsync(id, cancellationToken))) : Forbid();
    }

    [HttpGet("editor/articles/{id:int}/revisions/{revisionId:long}")]
    public async Task<IActionResult> Compare([FromRoute] int id, [FromRoute] long revisionId, CancellationToken cancellationToken)
    {
        var article = await LoadAsync(id, cancellationToken);
        if (article is null || await pages.CompareAsync(article, revisionId, cancellationToken) is not { } comparison)
        {
            return NotFound();
        }

        return Who.MayEdit(article) ? View(comparison) : Forbid();
    }

    [HttpPost("editor/articles/{id:int}/revisions/{revisionId:long}/restore")]
    public async Task<IActionResult> Restore([FromRoute] int id, [FromRoute] long revisionId, int version, CancellationToken cancellationToken)
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
                return RedirectToAction(nameof(Revisions), new { id });
            default:
                Tell(new Notice(result.Article!.PendingContent is not null ? "Notice.RestoredAsPending" : "Notice.Restored"));
                Warn(result.Problems);
                return RedirectToAction(nameof(Edit), new { id });
        }
    }

    [HttpPost("editor/articles/{id:int}/corrections")]
    [Authorize(Policy = EditorPolicies.Publishing)]
    public async Task<IActionResult> AddCorrection([FromRoute] int id, string? text, [FromServices] AddCorrection correct, CancellationToken cancellationToken)
    {
        switch (await correct.ExecuteAsync(id, text, Who, cancellationToken))
        {
            case CorrectionOutcome.NotFound:
                return NotFound();
            case CorrectionOutcome.NotPublished:
                Warn([new Notice("Problem.CorrectionNeedsLiveArticle")]);
                break;
            case CorrectionOutcome.Invalid:
                Warn([new Notice("Problem.WriteCorrection", Features.Editing.AddCorrection.MaxLength)]);
                break;
            default:
                Tell(new Notice("Notice.CorrectionPublished"));
                break;
        }

        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<IActionResult> SaveAsync(ArticleForm form, IFormFile? leadImage, ArticleCommand command, CancellationToken cancellationToken)
    {
        var existing = form.Id is { } id ? await LoadAsync(id, cancellationToken) : null;
        if (form.Id is not null && existing is null)
        {
            return NotFound();
        }

        if (form.CreditAction is not null)
        {
            // A credit-list button: rearrange and show the form again, with nothing saved and nothing lost.
            var focus = CreditList.Rearrange(form);
            if (focus < 0)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return View("Form", await PageAsync(form, existing, focus < 0 ? [Text["Problem.CreditChangeImpossible"].Value] : [], null, cancellationToken) with
            {
                FocusCredit = focus < 0 ? null : focus,
            });
        }

        // The byline is published: never an e-mail address (refused like any invalid field, the text kept).
        if (await bylines.ProblemAsync(form.Author, cancellationToken) is { } bylineProblem)
        {
            ModelState.AddModelError(nameof(ArticleForm.Author), Word(bylineProblem));
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Form", await PageAsync(form, existing, ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList(), null, cancellationToken));
        }

        var result = await save.ExecuteAsync(form, leadImage, command, Who, cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.Forbidden:
                return Forbid();
            case SaveOutcome.Conflict:
                var stored = await LoadAsync(result.Article!.Id, cancellationToken);
                form.Version = stored!.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Form", await PageAsync(form, stored, Word(result.Problems), await pages.ConflictViewAsync(result.Conflict!, stored, cancellationToken), cancellationToken));
            case SaveOutcome.Invalid or SaveOutcome.TooLarge:
                Response.StatusCode = result.Outcome == SaveOutcome.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
                return View("Form", await PageAsync(form, existing, Word(result.Problems), null, cancellationToken));
            default:
                var article = result.Article!;
                Tell(SaveNotice.For(result, command));
                Warn(result.Problems);
                TempData[LocalDraftKey.SavedTempDataKey] = LocalDraftKey.For(form);
                return RedirectToAction(nameof(Edit), new { id = article.Id });
        }
    }

    private Task<ArticleFormPage> PageAsync(ArticleForm form, Article? article, IReadOnlyList<string> problems, ConflictView? conflict, CancellationToken cancellationToken) =>
        pages.PageAsync(form, article, problems, conflict, Who.CanPublish, cancellationToken);

    private Task<Article?> LoadAsync(int id, CancellationToken cancellationToken) => pages.LoadAsync(id, cancellationToken);
}
