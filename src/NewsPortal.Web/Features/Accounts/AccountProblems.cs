using Microsoft.AspNetCore.Identity;

namespace NewsPortal.Web.Features.Accounts;

/// <summary>
/// Identity's refusals (a taken address, a short password) as notices keyed by Identity's error codes
/// (<c>Identity.DuplicateEmail</c>…), so they are worded in the person's language rather than in Identity's English.
/// </summary>
public static class AccountProblems
{
    /// <summary>The codes the newsroom's account rules can produce; any other is worded as <c>Identity.DefaultError</c>.</summary>
    private static readonly HashSet<string> Worded =
    [
        nameof(IdentityErrorDescriber.DuplicateUserName),
        nameof(IdentityErrorDescriber.DuplicateEmail),
        nameof(IdentityErrorDescriber.InvalidEmail),
        nameof(IdentityErrorDescriber.InvalidUserName),
        nameof(IdentityErrorDescriber.PasswordTooShort),
        nameof(IdentityErrorDescriber.PasswordMismatch),
        nameof(IdentityErrorDescriber.ConcurrencyFailure),
    ];

    public static Notice[] From(IEnumerable<IdentityError> errors) =>
        [.. errors.Select(e => new Notice(Worded.Contains(e.Code) ? $"Identity.{e.Code}" : "Identity.DefaultError")).Distinct()];
}
