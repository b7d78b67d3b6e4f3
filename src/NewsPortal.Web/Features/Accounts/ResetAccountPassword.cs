using Microsoft.AspNetCore.Identity;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;

namespace NewsPortal.Web.Features.Accounts;

/// <summary>
/// Gives an account a new one-time password (shown once to the admin), lifts a lockout and ends the account's
/// sessions. The reset and its audit entry commit together.
/// </summary>
public sealed class ResetAccountPassword(NewsPortalDbContext db, UserManager<NewsroomUser> users, AuditTrail audit)
{
    public async Task<AccountChange> ExecuteAsync(string id, string actor, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return AccountChange.NotFound;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var password = OneTimePassword.Create();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return AccountChange.Told(new Notice("Users.Problem.PasswordNotReset", AccountProblems.From(reset.Errors).FirstOrDefault()));
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.UpdateSecurityStampAsync(user);
        var entry = audit.Add(AuditActions.PasswordReset, actor, user.Email);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        audit.Committed(entry);
        return AccountChange.Told(new Notice("Users.Done.PasswordReset", user.Email, password));
    }
}
