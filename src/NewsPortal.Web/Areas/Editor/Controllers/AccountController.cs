using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using NewsPortal.Web.Features;
using NewsPortal.Web.Features.Accounts;
using NewsPortal.Web.Hosting;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>Sign-in, sign-out and password change. There is no registration: admins create accounts.</summary>
[Area("Editor")]
[Route("editor")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AccountController(PasswordSignIn passwordSignIn, IStringLocalizer<EditorResource> text) : Controller
{
    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitingExtensions.LoginPolicy)]
    public async Task<IActionResult> Login(LoginForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }

        var attempt = await passwordSignIn.ExecuteAsync(form.Email, form.Password, cancellationToken);
        if (attempt.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) && form.ReturnUrl!.StartsWith("/editor", StringComparison.Ordinal) ? form.ReturnUrl : "/editor");
        }

        ModelState.AddModelError(string.Empty, text.Word(attempt.Problem!));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new LoginForm { Email = form.Email, ReturnUrl = form.ReturnUrl });
    }

    [HttpPost("logout")]
    [Authorize(Policy = EditorPolicies.Newsroom)]
    public async Task<IActionResult> Logout([FromServices] SignOut signOut, CancellationToken cancellationToken)
    {
        await signOut.ExecuteAsync(User, cancellationToken);
        // Drafts kept in this browser (editor-drafts.js) go with the session: newsroom computers are shared.
        // The script clears them when the button is pressed; this header also covers a page without it.
        Response.Headers["Clear-Site-Data"] = "\"storage\"";
        return Redirect("/editor/login");
    }

    [HttpGet("account/password")]
    [Authorize(Policy = EditorPolicies.Newsroom)]
    public IActionResult Password() => View(new PasswordForm());

    [HttpPost("account/password")]
    [Authorize(Policy = EditorPolicies.Newsroom)]
    public async Task<IActionResult> Password(PasswordForm form, [FromServices] ChangeOwnPassword change, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await change.ExecuteAsync(User, form, cancellationToken);
            if (!result.SignedIn)
            {
                return Challenge();
            }

            if (result.Succeeded)
            {
                TempData[EditorController.MessageKey] = text.Word(new Notice("Notice.PasswordChanged"));
                return RedirectToAction("Index", "Dashboard");
            }

            foreach (var problem in result.Problems)
            {
                ModelState.AddModelError(string.Empty, text.Word(problem));
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new PasswordForm());
    }

    [HttpGet("denied")]
    [AllowAnonymous]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
