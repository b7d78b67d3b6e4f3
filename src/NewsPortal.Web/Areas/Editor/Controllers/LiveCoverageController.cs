using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features;
using NewsPortal.Web.Features.Accounts;
using NewsPortal.Web.Features.Editing;
using NewsPortal.Web.Features.LiveCoverage;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>
/// The live desk of an article: open or end its coverage, post updates, correct, pin and remove them. Posting
/// publishes at once, so the desk is for editors and admins. The article and update ids come from the route only.
/// </summary>
[Authorize(Policy = EditorPolicies.Publishing)]
public sealed class LiveCoverageController(
    GetLiveDesk desk,
    PostLiveUpdate post,
    CorrectLiveUpdate correct,
    PinLiveUpdate pin,
    RemoveLiveUpdate remove,
    ChangeCoverageState coverage,
    ILogger<LiveCoverageController> logger) : EditorController
{
    [HttpGet("editor/articles/{id:int}/live")]
    public async Task<IActionResult> Index([FromRoute] int id, [FromQuery] long? before, CancellationToken cancellationToken)
    {
        var page = await desk.ExecuteAsync(id, before, null, TempData[ProblemsKey] is string[] p ? p : [], cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("editor/articles/{id:int}/live/open")]
    public Task<IActionResult> Open([FromRoute] int id, CancellationToken cancellationToken) => ChangeAsync(id, true, cancellationToken);

    [HttpPost("editor/articles/{id:int}/live/end")]
    public Task<IActionResult> End([FromRoute] int id, CancellationToken cancellationToken) => ChangeAsync(id, false, cancellationToken);

    [HttpPost("editor/articles/{id:int}/live/updates")]
    [RequestSizeLimit(ArticleFormLimits.MaxRequestBytes)]
    [RequestFormLimits(ValueCountLimit = ArticleFormLimits.MaxFormValues, MultipartBodyLengthLimit = ArticleFormLimits.MaxRequestBytes)]
    public async Task<IActionResult> Post([FromRoute] int id, LiveUpdateForm form, IFormFile? picture, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid
            ? await post.ExecuteAsync(id, form, picture, Who, cancellationToken)
            : LiveDeskResult.Fail(LiveDeskOutcome.Invalid, new Notice("Live.Problem.TooLong"));
        if (result.Outcome == LiveDeskOutcome.Done)
        {
            Tell(new Notice("Live.Notice.Posted"));
            return RedirectToAction(nameof(Index), new { id });
        }

        if (result.Outcome == LiveDeskOutcome.NotFound)
        {
            return NotFound();
        }

        // Refused: the desk again with everything the person typed, and why.
        logger.LogWarning("A live update to article {ArticleId} was refused: {Outcome} {Problems}", id, result.Outcome, string.Join("; ", result.Problems));
        Response.StatusCode = StatusFor(result.Outcome);
        var page = await desk.ExecuteAsync(id, null, form, Word(result.Problems), cancellationToken);
        return page is null ? NotFound() : View(nameof(Index), page);
    }

    [HttpGet("editor/articles/{id:int}/live/updates/{update:long}")]
    public async Task<IActionResult> Correction([FromRoute] int id, [FromRoute] long update, CancellationToken cancellationToken)
    {
        var page = await desk.CorrectionAsync(id, update, null, [], cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("editor/articles/{id:int}/live/updates/{update:long}")]
    [RequestSizeLimit(ArticleFormLimits.MaxRequestBytes)]
    [RequestFormLimits(ValueCountLimit = ArticleFormLimits.MaxFormValues, MultipartBodyLengthLimit = ArticleFormLimits.MaxRequestBytes)]
    public async Task<IActionResult> Correct([FromRoute] int id, [FromRoute] long update, LiveUpdateForm form, IFormFile? picture, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid
            ? await correct.ExecuteAsync(id, update, form, picture, Who, cancellationToken)
            : LiveDeskResult.Fail(LiveDeskOutcome.Invalid, new Notice("Live.Problem.TooLong"));
        if (result.Outcome == LiveDeskOutcome.Done)
        {
            Tell(new Notice("Live.Notice.Corrected"));
            return RedirectToAction(nameof(Index), new { id });
        }

        if (result.Outcome == LiveDeskOutcome.NotFound)
        {
            return NotFound();
        }

        logger.LogWarning("A correction of live update {UpdateId} was refused: {Outcome} {Problems}", update, result.Outcome, string.Join("; ", result.Problems));
        Response.StatusCode = StatusFor(result.Outcome);
        var page = await desk.CorrectionAsync(id, update, form, Word(result.Problems), cancellationToken);
        return page is null ? NotFound() : View(nameof(Correction), page);
    }

    [HttpPost("editor/articles/{id:int}/live/updates/{update:long}/pin")]
    public async Task<IActionResult> Pin([FromRoute] int id, [FromRoute] long update, bool pinned, CancellationToken cancellationToken) =>
        await DoneAsync(id, await pin.ExecuteAsync(id, update, pinned, Who, cancellationToken), new Notice(pinned ? "Live.Notice.Pinned" : "Live.Notice.Unpinned"), cancellationToken);

    [HttpPost("editor/articles/{id:int}/live/updates/{update:long}/remove")]
    public async Task<IActionResult> Remove([FromRoute] int id, [FromRoute] long update, string? reason, CancellationToken cancellationToken) =>
        await DoneAsync(id, await remove.ExecuteAsync(id, update, reason, Who, cancellationToken), new Notice("Live.Notice.Removed"), cancellationToken);

    private async Task<IActionResult> ChangeAsync(int id, bool open, CancellationToken cancellationToken) =>
        await DoneAsync(id, await coverage.ExecuteAsync(id, open, Who, cancellationToken), new Notice(open ? "Live.Notice.Opened" : "Live.Notice.Ended"), cancellationToken);

    /// <summary>Back to the desk with the notice; a refusal shows the desk with the reason and its 4xx status.</summary>
    private async Task<IActionResult> DoneAsync(int id, LiveDeskResult result, Notice notice, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case LiveDeskOutcome.NotFound:
                return NotFound();
            case LiveDeskOutcome.Done:
                Tell(notice);
                return RedirectToAction(nameof(Index), new { id });
            default:
                logger.LogWarning("A live-desk action on article {ArticleId} was refused: {Outcome} {Problems}", id, result.Outcome, string.Join("; ", result.Problems));
                Response.StatusCode = StatusFor(result.Outcome);
                var page = await desk.ExecuteAsync(id, null, null, Word(result.Problems), cancellationToken);
                return page is null ? NotFound() : View(nameof(Index), page);
        }
    }

    private static int StatusFor(LiveDeskOutcome outcome) => outcome switch
    {
        LiveDeskOutcome.Conflict => StatusCodes.Status409Conflict,
        LiveDeskOutcome.TooLarge => StatusCodes.Status413PayloadTooLarge,
        LiveDeskOutcome.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };
}
