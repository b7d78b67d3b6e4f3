using Microsoft.AspNetCore.Identity;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Features.Accounts;

/// <summary>The newsroom's roles exist in every database, created at startup.</summary>
public static class NewsroomRoleSetup
{
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in NewsroomRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
