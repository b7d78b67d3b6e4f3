using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features;
using NewsPortal.Web.Features.Accounts;

namespace NewsPortal.Web.Areas.Editor.Controllers;

/// <summary>Admins create accounts (with a one-time password shown once), disable them, reset passwords and change roles.</summary>
[Route("editor/users")]
[Authorize(Policy = EditorPolicies.Administration)]
public sealed class UsersController(GetNewsroomAccounts accounts) : EditorController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View((await accounts.ExecuteAsync(cancellationToken), new NewUserForm()));

    [HttpPost("")]
    public async Task<IActionResult> Create(NewUserForm form, [FromServices] CreateNewsroomAccount create, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var password = OneTimePassword.Create();
            var creation = await create.ExecuteAsync(form.Email, form.DisplayName, form.Role, password, Who.UserName, cancellationToken);
            if (creation.Succeeded)
            {
                Tell(new Notice("Users.Done.Created", creation.User!.Email, new Notice($"Role.{form.Role}"), password));
                return RedirectToAction(nameof(Index));
            }

            foreach (var error in creation.Errors)
            {
                ModelState.AddModelError(nameof(form.Email), Word(error));
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), (await accounts.ExecuteAsync(cancellationToken), form));
    }

    [HttpPost("{id}/disable")]
    public async Task<IActionResult> Disable([FromRoute] string id, [FromServices] SetAccountDisabled disable, CancellationToken cancellationToken) =>
        Done(await disable.ExecuteAsync(id, true, Who.UserId, Who.UserName, cancellationToken));

    [HttpPost("{id}/enable")]
    public async Task<IActionResult> Enable([FromRoute] string id, [FromServices] SetAccountDisabled enable, CancellationToken cancellationToken) =>
        Done(await enable.ExecuteAsync(id, false, Who.UserId, Who.UserName, cancellationToken));

    [HttpPost("{id}/password")]
    public async Task<IActionResult> ResetPassword([FromRoute] string id, [FromServices] ResetAccountPassword reset, CancellationToken cancellationToken) =>
        Done(await reset.ExecuteAsync(id, Who.UserName, cancellationToken));

    [HttpPost("{id}/role")]
    public async Task<IActionResult> ChangeRole([FromRoute] string id, string? role, [FromServices] ChangeAccountRole change, CancellationToken cancellationToken) =>
        Done(await change.ExecuteAsync(id, role, Who.UserId, Who.UserName, cancellationToken));

    private IActionResult Done(AccountChange change)
    {
        if (!change.Found)
        {
            return NotFound();
        }

        Tell(change.Message!);
        return RedirectToAction(nameof(Index));
    }
}
