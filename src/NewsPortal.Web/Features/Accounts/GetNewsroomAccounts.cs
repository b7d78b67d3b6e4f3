using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Accounts;

/// <summary>A new account as the Users page posts it.</summary>
public sealed class NewUserForm
{
    [Required(ErrorMessage = "Validation.EmailRequired")]
    [EmailAddress(ErrorMessage = "Validation.EmailInvalid")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Validation.DisplayNameRequired")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Validation.RoleRequired")]
    public string Role { get; set; } = NewsroomRoles.Writer;
}

public sealed record UserRow(string Id, string Email, string DisplayName, string Role, bool IsDisabled, bool IsLockedOut);

/// <summary>Every newsroom account with its role and state, by email address, for the Users page.</summary>
public sealed class GetNewsroomAccounts(UserManager<NewsroomUser> users, TimeProvider time)
{
    public async Task<List<UserRow>> ExecuteAsync(CancellationToken cancellationToken)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var rows = new List<UserRow>();
        foreach (var user in all)
        {
            var roles = await users.GetRolesAsync(user);
            rows.Add(new UserRow(user.Id, user.Email ?? "", user.DisplayName, roles.FirstOrDefault() ?? "", user.IsDisabled, user.LockoutEnd > time.GetUtcNow()));
        }

        return rows;
    }
}
