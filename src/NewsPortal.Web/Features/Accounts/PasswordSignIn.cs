using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
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
/// <para>
/// An address with no account is answered exactly as an account with a wrong password: its password is checked
/// against a decoy hash (the same work as a real check), and after as many failures as lock an account it is
/// "locked" for as long, so neither the time taken nor the message tells a stranger which addresses exist.
/// </para>
/// </summary>
public sealed class PasswordSignIn(SignInManager<NewsroomUser> signIn, AuditTrail audit, IMemoryCache strangers, IOptions<IdentityOptions> identity, TimeProvider time)
{
    /// <summary>A hash of a random password, made once with the site's hasher settings, for addresses without an account.</summary>
    private static string? _decoyHash;

    public async Task<SignInAttempt> ExecuteAsync(string email, string password, CancellationToken cancellationToken)
    {
        var name = email.Trim();
        if (await signIn.UserManager.FindByNameAsync(name) is not { } user)
        {
            var locked = Stranger(name, password);
            await audit.RecordAsync(locked ? AuditActions.LockedOut : AuditActions.SignInFailed, email, null, "no such account", cancellationToken);
            return new SignInAttempt(null, new Notice(locked ? "Problem.AccountLocked" : "Problem.SignInFailed"));
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignIn, email, null, null, cancellationToken);
            return new SignInAttempt(user, null);
        }

        await audit.RecordAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, email, null, result.IsNotAllowed ? "account disabled" : null, cancellationToken);
        return new SignInAttempt(null, new Notice(result.IsLockedOut ? "Problem.AccountLocked" : "Problem.SignInFailed"));
    }

    /// <summary>Checks the password against the decoy and counts the failure; true when the address now counts as locked.</summary>
    private bool Stranger(string name, string password)
    {
        var hasher = signIn.UserManager.PasswordHasher;
        var decoy = new NewsroomUser { UserName = name };
        _decoyHash ??= hasher.HashPassword(decoy, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(decoy, _decoyHash, password);

        var lockout = identity.Value.Lockout;
        var now = time.GetUtcNow();
        var key = "sign-in-stranger:" + name.ToUpperInvariant();
        var state = strangers.Get<StrangerState>(key) ?? new StrangerState(0, null);
        if (state.LockedUntil > now)
        {
            return true;
        }

        state = state.Failures + 1 >= lockout.MaxFailedAccessAttempts
            ? new StrangerState(0, now + lockout.DefaultLockoutTimeSpan)
            : new StrangerState(state.Failures + 1, null);
        strangers.Set(key, state, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lockout.DefaultLockoutTimeSpan, Size = 1 });
        return state.LockedUntil is not null;
    }

    private sealed record StrangerState(int Failures, DateTimeOffset? LockedUntil);
}
