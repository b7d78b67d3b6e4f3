using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Accounts;

/// <summary>Sign-in that refuses disabled accounts and stamps the session with its start time.</summary>
public sealed class NewsroomSignInManager(
    UserManager<NewsroomUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<NewsroomUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<NewsroomUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<NewsroomUser> confirmation,
    TimeProvider time)
    : SignInManager<NewsroomUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(NewsroomUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>
    /// A new sign-in starts the 12-hour limit; a refresh of the same person's session (after a password change,
    /// say) keeps the time the session began, so the absolute limit cannot be renewed without the password.
    /// </summary>
    public override Task SignInWithClaimsAsync(NewsroomUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var current = Context.User;
        var started = current.Identity?.IsAuthenticated == true && current.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id
            ? current.FindFirstValue(SessionLimits.SignedInAtClaim)
            : null;
        return base.SignInWithClaimsAsync(
            user,
            authenticationProperties,
            additionalClaims.Append(new Claim(SessionLimits.SignedInAtClaim, started ?? time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture))));
    }
}
