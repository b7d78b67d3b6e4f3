using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NewsPortal.Web.Areas.Editor.Models;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features;
using NewsPortal.Web.Features.Accounts;
using NewsPortal.Web.Features.Editing;
using NewsPortal.Web.Hosting;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>
/// Back to work after a save arrived when the session had ended: the session-ended page
/// (<see cref="SessionEndedAuthorizationHandler"/>) posts the editor's credentials and every article field
/// here. A right password signs in and shows the article form again with the posted text; nothing is saved
/// until the editor saves. A wrong one shows the page again, text and all.
/// </summary>
public sealed class ResumeController(ArticleFormPages pages) : EditorController
{
    /// <summary>
    /// Anonymous by necessity: whoever posts here is signed out. It changes nothing but the sign-in, which goes
    /// through <see cref="PasswordSignIn"/> (lockout, audit) under the sign-in rate limit, and the global
    /// antiforgery filter checks the anonymous token the session-ended page carries. The article form is shown
    /// only after the sign-in succeeded and the newsroom policy (and, for an existing article, the right to
    /// edit it) holds for the person who signed in.
    /// </summary>
    [HttpPost("editor/articles/new/resume")]
    [HttpPost("editor/articles/{id:int}/resume")]
    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    [EnableRateLimiting(RateLimitingExtensions.LoginPolicy)]
    public async Task<IActionResult> Resume(
        [FromRoute] int? id,
        [Bind(Prefix = "SignIn")] ResumeCredentials credentials,
        ArticleForm form,
        [FromServices] PasswordSignIn passwordSignIn,
        [FromServices] SignInManager<NewsroomUser> signIn,
        [FromServices] IAuthorizationService authorization,
        [FromServices] IAntiforgery antiforgery,
        CancellationToken cancellationToken)
    {
        var kept = KeptFields.From(Request.Form);
        var resume = SessionEndedAuthorizationHandler.ResumeAction(id);

        // Antiforgery is checked here rather than by the global filter, so that a token that no longer fits
        // does not throw the text away. That happens when the person signed in again in another tab (the
        // page's token was issued to nobody) or left the page open for days. Nothing is signed in then: the
        // text is only shown back, as the form when the person is signed in, else on the session-ended page
        // with a fresh token; a cross-site post gets a plain 400.
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            if (!SessionEndedAuthorizationHandler.IsSameOriginOrUnknown(Request))
            {
                return BadRequest();
            }

            if (User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(User, EditorPolicies.Newsroom)).Succeeded)
            {
                return await ShowKeptTextAsync(id, form, new Notice("Notice.AlreadySignedIn"), cancellationToken);
            }

            return SessionEnded(new SessionEndedPage(resume, kept, false, credentials.Email, Word(new Notice("Problem.PageExpired"))));
        }
        if (string.IsNullOrWhiteSpace(credentials.Email) || string.IsNullOrEmpty(credentials.Password))
        {
            return SessionEnded(new SessionEndedPage(resume, kept, false, credentials.Email, Word(new Notice("Problem.EnterEmailAndPassword"))));
        }

        var attempt = await passwordSignIn.ExecuteAsync(credentials.Email, credentials.Password, cancellationToken);
        if (!attempt.Succeeded)
        {
            return SessionEnded(new SessionEndedPage(resume, kept, false, credentials.Email, Word(attempt.Problem!)));
        }

        // The new cookie is only on the response: the rest of this request (the form's antiforgery token,
        // what the form offers) runs as the person who just signed in.
        HttpContext.User = await signIn.CreateUserPrincipalAsync(attempt.User!);
        if (!(await authorization.AuthorizeAsync(User, EditorPolicies.Newsroom)).Succeeded)
        {
            return Forbid();
        }

        return await ShowKeptTextAsync(id, form, new Notice("Notice.SignedInAgain"), cancellationToken);
    }

    /// <summary>The article form with the posted text in it, for the signed-in person who may edit the article; nothing is saved.</summary>
    private async Task<IActionResult> ShowKeptTextAsync(int? id, ArticleForm form, Notice message, CancellationToken cancellationToken)
    {
        var existing = id is { } articleId ? await pages.LoadAsync(articleId, cancellationToken) : null;
        if (id is not null && existing is null)
        {
            return NotFound();
        }

        if (existing is not null && !Who.MayEdit(existing))
        {
            return Forbid();
        }

        // The text as posted, not as validated: showing it again is the point, and saving validates it.
        ModelState.Clear();
        form.Id = id;
        Tell(message);
        return View(ArticlesController.FormView, await pages.PageAsync(form, existing, [], null, Who.CanPublish, cancellationToken));
    }

    private ViewResult SessionEnded(SessionEndedPage page)
    {
        ModelState.Clear();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(SessionEndedAuthorizationHandler.SessionEndedView, page);
    }
}
