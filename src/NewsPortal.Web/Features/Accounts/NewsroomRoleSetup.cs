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
            if (await roles.RoleExistsAsync(role))
            {
                continue;
            }

            try
            {
                var created = await roles.CreateAsync(new IdentityRole(role));
                if (!created.Succeeded && !await roles.RoleExistsAsync(role))
                {
                    throw new InvalidOperationException($"The role {role} could not be created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
                }
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // Another instance starting at the same moment may have created it first; anything else is a real failure.
                if (!await roles.RoleExistsAsync(role))
                {
                    throw;
                }
            }
        }
    }
}
