using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;

namespace NewsPortal.Web.Features.Accounts;

public sealed class PasswordForm
{
    [Required(ErrorMessage = "Validation.CurrentPasswordRequired")]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Validation.NewPasswordRequired")]
    [StringLength(1024, MinimumLength = 12, ErrorMessage = "Validation.NewPasswordLength")]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";
}

/// <summary>The outcome of a password change: done, refused with why, or nobody signed in.</summary>
public sealed record PasswordChange(bool SignedIn, IReadOnlyList<Notice> Problems)
{
    public bool Succeeded => SignedIn && Problems.Count == 0;
}

/// <summary>
/// A person changes their own password with the current one. Their other sessions end (a new security stamp);
/// this one continues, keeping the time it was signed in at, so the longest session is not extended.
/// </summary>
public sealed class ChangeOwnPassword(UserManager<NewsroomUser> users, SignInManager<NewsroomUser> signIn, AuditTrail audit)
{
    public async Task<PasswordChange> ExecuteAsync(ClaimsPrincipal person, PasswordForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await users.GetUserAsync(person) is not { } user)
        {
            return new PasswordChange(false, []);
        }

        var changed = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!changed.Succeeded)
        {
            return new PasswordChange(true, AccountProblems.From(changed.Errors));
        }

        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditActions.PasswordChanged, user.UserName, user.UserName, null, cancellationToken);
        return new PasswordChange(true, []);
    }
}
