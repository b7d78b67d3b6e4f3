using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Accounts;

/// <summary>The claims of a newsroom session beyond Identity's own.</summary>
public static class NewsroomClaims
{
    /// <summary>The name the person is known by in the newsroom and on bylines; the user name is their sign-in e-mail address.</summary>
    public const string DisplayName = "newsportal:display-name";

    /// <summary>The language the person chose for the editor area's interface (a culture name); absent for the site's default.</summary>
    public const string InterfaceCulture = "newsportal:interface-culture";

    /// <summary>The signed-in person's display name, or an empty string when the account has none.</summary>
    public static string DisplayNameOf(ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? "";
}

/// <summary>
/// Adds the display name and the chosen interface language to the session's claims. The factory also runs whenever the security stamp
/// validator refreshes the principal (on every request here), so a renamed account shows its new name
/// at once without signing in again.
/// </summary>
public sealed class NewsroomClaimsPrincipalFactory(UserManager<NewsroomUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<NewsroomUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(NewsroomUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            identity.AddClaim(new Claim(NewsroomClaims.DisplayName, user.DisplayName.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(user.InterfaceCulture))
        {
            identity.AddClaim(new Claim(NewsroomClaims.InterfaceCulture, user.InterfaceCulture));
        }

        return identity;
    }
}
