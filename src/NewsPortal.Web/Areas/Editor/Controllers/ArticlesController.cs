using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features;
using NewsPortal.Web.Features.Accounts;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>Writing an article and carrying out the form's commands: save, submit, publish, schedule, update live, unpublish.</summary>
public sealed class ArticlesController(ArticleFormPages pages, SaveArticle save, ClaimEditLock locks) : EditorController
{
    /// <summary>The article form, for the actions of other controllers that show it again (after a sign-in).</summary>
    public const string FormView = "~/Areas/Editor/Views/Articles/Form.cshtml";

    /// <summary>The notice of a save kept as a set-aside revision, for the page the save redirects to.</summary>
    public const string SetAsideKey = "SetAside";

    [HttpGet("editor/articles/new")]
    public async Task<IActionResult> New(string? edition, int? translationOf, CancellationToken cancellationToken)
    {
        var form = await pages.NewAsync(edition, translationOf, Who.UserId, cancellationToken);
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

    /// <summary>
    /// The article's form, taking its edit lock; when a colleague is editing it, the lock page naming them instead
    /// (open read-only, or take over). <paramref name="readOnly"/> shows the form with every field read-only and no
    /// command, taking no lock.
    /// </summary>
    [HttpGet("editor/articles/{id:int}")]
    public async Task<IActionResult> Edit([FromRoute] int id, bool readOnly, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest(Text["Lock.Problem.ReadOnly"].Value);
        }

        var article = await LoadAsync(id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        if (!Who.MayEdit(article))
        {
            return Forbid();
        }

        var kept = TempData[SetAsideKey] as string;
        var problems = TempData[ProblemsKey] is string[] p ? p : Word(UnreadableArticleForm.ProblemsFor(HttpContext));
        if (readOnly)
        {
            var holder = await pages.EditLockHolderAsync(id, Who, cancellationToken);
            return View("Form", await PageAsync(await pages.ToFormAsync(article, cancellationToken), article, problems, null, cancellationToken) with
            {
                ReadOnly = true,
                HoldsLock = false,
                Holder = holder,
                KeptNotice = kept,
            });
        }

        var claim = await locks.ExecuteAsync(id, Who, cancellationToken);
        if (claim.Other is { } other)
        {
            return View("Locked", new EditLockPage(id, article.Headline, pages.EditionOf(article), other, kept));
        }

        return View("Form", await PageAsync(await pages.ToFormAsync(article, cancellationToken), article, problems, null, cancellationToken) with
        {
            HoldsLock = claim.Held,
            KeptNotice = kept,
        });
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
            case SaveOutcome.SetAside:
                // Nothing typed is lost: the text is a revision now, and the page shows who is editing.
                TempData[SetAsideKey] = Word(result.Problems[0]);
                return RedirectToAction(nameof(Edit), new { id = result.Article!.Id });
            case SaveOutcome.Conflict:
                var stored = await LoadAsync(result.Article!.Id, cancellationToken);
                form.Version = stored!.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Form", await PageAsync(form, stored, Word(result.Problems), await pages.ConflictViewAsync(result.Conflict!, stored, cancellationToken), cancellationToken));
            case SaveOutcome.Invalid or SaveOutcome.TooLarge or SaveOutcome.Unavailable:
                Response.StatusCode = result.Outcome switch
                {
                    SaveOutcome.TooLarge => StatusCodes.Status413PayloadTooLarge,
                    SaveOutcome.Unavailable => RetryLater(),
                    _ => StatusCodes.Status400BadRequest,
                };
                return View("Form", await PageAsync(form, existing, Word(result.Problems), null, cancellationToken));
            default:
                var article = result.Article!;
                Tell(SaveNotice.For(result, command));
                Warn(result.Problems);
                TempData[LocalDraftKey.SavedTempDataKey] = LocalDraftKey.For(form);
                return RedirectToAction(nameof(Edit), new { id = article.Id });
        }
    }

    private int RetryLater()
    {
        Response.Headers.RetryAfter = Features.Site.StorageUnavailableFilter.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return StatusCodes.Status503ServiceUnavailable;
    }

    /// <summary>
    /// The form page. Shown again after a credit button, a refused save or a conflict, it keeps the lock's heartbeat
    /// going unless a colleague is editing (the heartbeat takes a free lock again, and refreshes the person's own).
    /// </summary>
    private async Task<ArticleFormPage> PageAsync(ArticleForm form, Article? article, IReadOnlyList<string> problems, ConflictView? conflict, CancellationToken cancellationToken)
    {
        var page = await pages.PageAsync(form, article, problems, conflict, Who.CanPublish, cancellationToken);
        return article is null ? page : page with { HoldsLock = await pages.EditLockHolderAsync(article.Id, Who, cancellationToken) is null };
    }

    private Task<Article?> LoadAsync(int id, CancellationToken cancellationToken) => pages.LoadAsync(id, cancellationToken);
}
