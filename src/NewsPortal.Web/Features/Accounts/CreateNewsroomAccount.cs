using Microsoft.AspNetCore.Identity;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features.Audit;

namespace NewsPortal.Web.Features.Accounts;

/// <summary>The account as created, or why it was not.</summary>
public sealed record AccountCreation(NewsroomUser? User, IReadOnlyList<Notice> Errors)
{
    public bool Succeeded => User is not null;
}

/// <summary>
/// Creates a newsroom account with its role, for the Users page and the <c>create-admin</c> command alike:
/// the account, its role and the audit entry commit in one transaction, or none of them does.
/// </summary>
public sealed class CreateNewsroomAccount(NewsPortalDbContext db, UserManager<NewsroomUser> users, AuditTrail audit, TimeProvider time)
{
    public async Task<AccountCreation> ExecuteAsync(string email, string displayName, string role, string password, string actor, CancellationToken cancellationToken)
    {
        if (!NewsroomRoles.All.Contains(role))
        {
            return new AccountCreation(null, [new Notice("Users.Problem.ChooseRole")]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new NewsroomUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = displayName.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, role);
        }

        if (!created.Succeeded)
        {
            return new AccountCreation(null, AccountProblems.From(created.Errors));
        }

        var entry = audit.Add(AuditActions.UserCreated, actor, user.Email, $"role {role}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        audit.Committed(entry);
        return new AccountCreation(user, []);
    }
}
