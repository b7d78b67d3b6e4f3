using Microsoft.AspNetCore.Identity;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;

namespace NewsPortal.Web.Features.Accounts;

/// <summary>
/// Disables an account (its sessions end on their next request: the security stamp changes) or lets it sign in
/// again. Nobody disables their own account. The change and its audit entry commit together.
/// </summary>
public sealed class SetAccountDisabled(NewsPortalDbContext db, UserManager<NewsroomUser> users, AuditTrail audit)
{
    public async Task<AccountChange> ExecuteAsync(string id, bool disabled, string actorId, string actor, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return AccountChange.NotFound;
        }

        if (user.Id == actorId)
        {
            return AccountChange.Told(new Notice("Users.Problem.DisableSelf"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        var entry = audit.Add(disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, actor, user.Email);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        audit.Committed(entry);
        return AccountChange.Told(new Notice(disabled ? "Users.Done.Disabled" : "Users.Done.Enabled", user.Email));
    }
}
