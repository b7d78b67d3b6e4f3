using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;

namespace NewsPortal.Web.Features.Accounts;

/// <summary>The sign-in page's form.</summary>
public sealed class LoginForm
{
    [Required(ErrorMessage = "Validation.YourEmailRequired")]
    [EmailAddress(ErrorMessage = "Validation.EmailInvalid")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Validation.YourPasswordRequired")]
    [DataType(DataType.Password)]
    [StringLength(1024, ErrorMessage = "Validation.TooLong")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

/// <summary>The outcome of a sign-in with a password: the signed-in user, or why not.</summary>
public sealed record SignInAttempt(NewsroomUser? User, Notice? Problem)
{
    public bool Succeeded => User is not null;
}

/// <summary>
/// Sign-in with email and password as every sign-in form of the editor area does it: lockout after repeated
/// failures, each attempt in the audit log, and one message that does not say which half was wrong. The
/// sign-in page and the "your session ended" page both use it, so neither is a softer way in.
/// </summary>
public sealed class PasswordSignIn(SignInManager<NewsroomUser> signIn, AuditTrail audit)
{
    public async Task<SignInAttempt> ExecuteAsync(string email, string password, CancellationToken cancellationToken)
    {
        var name = email.Trim();
        var result = await signIn.PasswordSignInAsync(name, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded && await signIn.UserManager.FindByNameAsync(name) is { } user)
        {
            await audit.RecordAsync(AuditActions.SignIn, email, null, null, cancellationToken);
            return new SignInAttempt(user, null);
        }

        await audit.RecordAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, email, null, result.IsNotAllowed ? "account disabled" : null, cancellationToken);
        return new SignInAttempt(null, new Notice(result.IsLockedOut ? "Problem.AccountLocked" : "Problem.SignInFailed"));
    }
}
