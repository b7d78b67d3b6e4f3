using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Features;
using NewsPortal.Web.Features.Accounts;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>
/// An article's soft edit lock: taking over from a colleague, the form's heartbeat, and "Stop editing". Opening the
/// form takes the lock (<see cref="ArticlesController.Edit"/>). Every action is a POST with the page's antiforgery token.
/// </summary>
[Route("editor/articles/{id:int}/lock")]
public sealed class EditLocksController : EditorController
{
    [HttpPost("take-over")]
    public async Task<IActionResult> TakeOver([FromRoute] int id, [FromServices] TakeOverEditLock takeOver, CancellationToken cancellationToken)
    {
        var result = await takeOver.ExecuteAsync(id, Who, cancellationToken);
        switch (result.Outcome)
        {
            case TakeOverOutcome.NotFound:
                return NotFound();
            case TakeOverOutcome.Forbidden:
                return Forbid();
            case TakeOverOutcome.TookOver:
                Tell(new Notice("Lock.Notice.TookOver", result.From));
                break;
            case TakeOverOutcome.Busy:
                Tell(new Notice("Lock.Notice.Busy"));
                break;
        }

        return RedirectToAction(nameof(ArticlesController.Edit), "Articles", new { id });
    }

    /// <summary>
    /// The form's script, every half minute: <c>{"held":true,"expiresAt":…}</c> while the person holds the lock, or
    /// <c>{"held":false,"takenOverBy":"Ana","at":…}</c> (once) when a colleague took over, or
    /// <c>{"held":false,"heldBy":"Ana","at":…}</c> when a colleague holds it. A session that ended answers 401.
    /// </summary>
    [HttpPost("heartbeat")]
    [AnswersUnauthorizedWithStatus]
    public async Task<IActionResult> Heartbeat([FromRoute] int id, [FromServices] EditLockHeartbeat heartbeat, CancellationToken cancellationToken)
    {
        var result = await heartbeat.ExecuteAsync(id, Who, cancellationToken);
        if (result.Outcome != HeartbeatOutcome.Answered)
        {
            return result.Outcome == HeartbeatOutcome.NotFound ? NotFound() : StatusCode(StatusCodes.Status403Forbidden);
        }

        var answer = result.Answer!;
        return Json(new
        {
            held = answer.Held,
            expiresAt = Iso(answer.ExpiresAt),
            takenOverBy = answer.TakenOverBy,
            heldBy = answer.HeldBy,
            at = Iso(answer.At),
            atText = answer.At is { } at ? EditLockHolder.Format(at) : null,
        });
    }

    /// <summary>"Stop editing" (and the form's tab closing): frees the person's own lock, then the dashboard.</summary>
    [HttpPost("release")]
    public async Task<IActionResult> Release([FromRoute] int id, [FromServices] ReleaseEditLock release, CancellationToken cancellationToken)
    {
        if (!await release.ExecuteAsync(id, Who, cancellationToken))
        {
            return NotFound();
        }

        Tell(new Notice("Lock.Notice.Released"));
        return RedirectToAction(nameof(DashboardController.Index), "Dashboard");
    }

    private static string? Iso(DateTime? at) => at?.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
