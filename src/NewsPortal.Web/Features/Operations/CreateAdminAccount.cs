using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Accounts;

namespace NewsPortal.Web.Features.Operations;

/// <summary>What the <c>create-admin</c> command did: the account made (and its generated password, if any), or why not.</summary>
public sealed record AdminCreation(bool Created, string? GeneratedPassword, string? Problem);

/// <summary>
/// Creates an Admin account from the command line: the first one, or another. The password is the one the
/// operator supplied, or a generated one-time password that is returned to be shown once.
/// </summary>
public sealed class CreateAdminAccount(
    UserManager<NewsroomUser> users,
    RoleManager<IdentityRole> roles,
    CreateNewsroomAccount create,
    IStringLocalizer<EditorResource> localizer)
{
    public static bool IsEmailShaped(string value) => value.Contains('@', StringComparison.Ordinal);

    public async Task<AdminCreation> ExecuteAsync(string email, string? suppliedPassword, CancellationToken cancellationToken)
    {
        await NewsroomRoleSetup.EnsureRolesAsync(roles);
        email = email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return new AdminCreation(false, null, $"An account for {email} already exists; reset its password from the editor area's Users page.");
        }

        var generated = string.IsNullOrEmpty(suppliedPassword);
        var password = generated ? OneTimePassword.Create() : suppliedPassword!;
        var creation = await create.ExecuteAsync(email, email.Split('@')[0], NewsroomRoles.Admin, password, "create-admin command", cancellationToken);
        return creation.Succeeded
            ? new AdminCreation(true, generated ? password : null, null)
            : new AdminCreation(false, null, "The account was not created: " + string.Join(" ", localizer.Word(creation.Errors)));
    }
}
