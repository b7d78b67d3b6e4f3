using Microsoft.AspNetCore.Identity;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;

namespace NewsPortal.Web.Features.Accounts;

/// <summary>
/// Gives an account one role instead of its current one; its sessions pick up the change on their next request.
/// An admin cannot take the Admin role from themselves, so the newsroom is never left without one by accident.
/// </summary>
public sealed class ChangeAccountRole(NewsPortalDbContext db, UserManager<NewsroomUser> users, AuditTrail audit)
{
    public async Task<AccountChange> ExecuteAsync(string id, string? role, string actorId, string actor, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user || role is null || !NewsroomRoles.All.Contains(role))
        {
            return AccountChange.NotFound;
        }

        if (user.Id == actorId && role != NewsroomRoles.Admin)
        {
            return AccountChange.Told(new Notice("Users.Problem.KeepOwnAdmin"));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        var entry = audit.Add(AuditActions.RoleChanged, actor, user.Email, $"{string.Join(",", current)} → {role}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        audit.Committed(entry);
        return AccountChange.Told(new Notice("Users.Done.RoleChanged", user.Email, new Notice($"Role.{role}")));
    }
}
