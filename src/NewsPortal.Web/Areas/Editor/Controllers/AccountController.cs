using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Accounts;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Hosting;

namespace NewsPortal.Web.Areas.Editor.Controllers;

public sealed class LoginForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address.")]
    [StringLength(256)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [StringLength(1024)]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class PasswordForm
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(1024, MinimumLength = 12, ErrorMessage = "Use at least 12 characters; a few unrelated words make a good password.")]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";
}

/// <summary>Sign-in, sign-out and password change. There is no registration: admins create accounts.</summary>
[Area("Editor")]
[Route("editor")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AccountController(SignInManager<NewsroomUser> signIn, UserManager<NewsroomUser> users, AuditTrail audit, PasswordSignIn passwordSignIn) : Controller
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

        ModelState.AddModelError(string.Empty, attempt.Problem!);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new LoginForm { Email = form.Email, ReturnUrl = form.ReturnUrl });
    }

    [HttpPost("logout")]
    [Authorize(Policy = EditorPolicies.Newsroom)]
    public async Task<IActionResult> Logout(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            // A new security stamp makes every copy of the old cookie useless.
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(AuditActions.SignOut, user.UserName, null, null, cancellationToken);
        }

        await signIn.SignOutAsync();
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
    public async Task<IActionResult> Password(PasswordForm form, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var changed = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
            if (changed.Succeeded)
            {
                await signIn.RefreshSignInAsync(user);
                await audit.RecordAsync(AuditActions.PasswordChanged, user.UserName, user.UserName, null, cancellationToken);
                TempData["Message"] = "Your password was changed.";
                return RedirectToAction("Index", "Dashboard");
            }

            foreach (var error in changed.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
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
