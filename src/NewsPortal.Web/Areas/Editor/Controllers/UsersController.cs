using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Accounts;
using NewsPortal.Web.Features.Audit;
using NewsPortal.Web.Hosting;

namespace NewsPortal.Web.Areas.Editor.Controllers;

public sealed class NewUserForm
{
    [Required(ErrorMessage = "Enter the email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address.")]
    [StringLength(256)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter the name shown in the newsroom.")]
    [StringLength(200)]
    public string DisplayName { get; set; } = "";

    [Required]
    public string Role { get; set; } = NewsroomRoles.Writer;
}

public sealed record UserRow(string Id, string Email, string DisplayName, string Role, bool IsDisabled, bool IsLockedOut);

/// <summary>Admins create accounts (with a one-time password shown once), disable them, reset passwords and change roles.</summary>
[Route("editor/users")]
[Authorize(Policy = EditorPolicies.Administration)]
public sealed class UsersController(UserManager<NewsroomUser> users, AuditTrail audit, TimeProvider time) : EditorController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View((await RowsAsync(cancellationToken), new NewUserForm()));

    [HttpPost("")]
    public async Task<IActionResult> Create(NewUserForm form, [FromServices] CreateNewsroomAccount create, CancellationToken cancellationToken)
    {
        if (!NewsroomRoles.All.Contains(form.Role))
        {
            ModelState.AddModelError(nameof(form.Role), "Choose Writer, Editor or Admin.");
        }

        if (ModelState.IsValid)
        {
            var password = OneTimePassword.Create();
            var creation = await create.ExecuteAsync(form.Email, form.DisplayName, form.Role, password, Who.UserName, cancellationToken);
            if (creation.Succeeded)
            {
                TempData["Message"] = $"Created {creation.User!.Email} as {form.Role}. One-time password (shown only now): {password}";
                return RedirectToAction(nameof(Index));
            }

            foreach (var error in creation.Errors)
            {
                ModelState.AddModelError(nameof(form.Email), error);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", (await RowsAsync(cancellationToken), form));
    }

    [HttpPost("{id}/disable")]
    public Task<IActionResult> Disable([FromRoute] string id, CancellationToken cancellationToken) => SetDisabledAsync(id, true, cancellationToken);

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable([FromRoute] string id, CancellationToken cancellationToken) => SetDisabledAsync(id, false, cancellationToken);

    [HttpPost("{id}/password")]
    public async Task<IActionResult> ResetPassword([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        var password = OneTimePassword.Create();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            TempData["Message"] = "The password was not reset: " + string.Join(" ", reset.Errors.Select(e => e.Description));
            return RedirectToAction(nameof(Index));
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(AuditActions.PasswordReset, Who.UserName, user.Email, null, cancellationToken);
        TempData["Message"] = $"New one-time password for {user.Email} (shown only now): {password}";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id}/role")]
    public async Task<IActionResult> ChangeRole([FromRoute] string id, string role, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user || !NewsroomRoles.All.Contains(role))
        {
            return NotFound();
        }

        if (user.Id == Who.UserId && role != NewsroomRoles.Admin)
        {
            TempData["Message"] = "You cannot take the Admin role away from yourself; ask another admin.";
            return RedirectToAction(nameof(Index));
        }

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(AuditActions.RoleChanged, Who.UserName, user.Email, $"{string.Join(",", current)} → {role}", cancellationToken);
        TempData["Message"] = $"{user.Email} is now {role}.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (user.Id == Who.UserId)
        {
            TempData["Message"] = "You cannot disable your own account.";
            return RedirectToAction(nameof(Index));
        }

        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        // A new stamp ends the person's current sessions on their next request.
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, Who.UserName, user.Email, null, cancellationToken);
        TempData["Message"] = disabled ? $"{user.Email} is disabled and signed out." : $"{user.Email} can sign in again.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<List<UserRow>> RowsAsync(CancellationToken cancellationToken)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var rows = new List<UserRow>();
        foreach (var user in all)
        {
            var roles = await users.GetRolesAsync(user);
            rows.Add(new UserRow(user.Id, user.Email ?? "", user.DisplayName, roles.FirstOrDefault() ?? "", user.IsDisabled, user.LockoutEnd > time.GetUtcNow()));
        }

        return rows;
    }

}
