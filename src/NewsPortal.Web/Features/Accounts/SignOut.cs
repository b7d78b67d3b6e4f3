using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;

namespace NewsPortal.Web.Features.Accounts;

/// <summary>Signs the person out everywhere: a new security stamp makes every copy of the old cookie useless.</summary>
public sealed class SignOut(UserManager<NewsroomUser> users, SignInManager<NewsroomUser> signIn, AuditTrail audit)
{
    public async Task ExecuteAsync(ClaimsPrincipal person, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(person) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(AuditActions.SignOut, user.UserName, null, null, cancellationToken);
        }

        await signIn.SignOutAsync();
    }
}
