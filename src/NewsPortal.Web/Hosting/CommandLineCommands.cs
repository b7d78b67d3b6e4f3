using Microsoft.AspNetCore.Identity;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Features;
using NewsPortal.Web.Features.Accounts;
using NewsPortal.Web.Features.Audit;

namespace NewsPortal.Web.Hosting;

/// <summary>
/// Operator commands run instead of the web server:
/// <c>dotnet run --project src/NewsPortal.Web -- create-admin &lt;email&gt;</c> creates the first (or another)
/// Admin account. The password is read from the <c>NEWSPORTAL_ADMIN_PASSWORD</c> environment variable;
/// without it a random password is generated and printed once.
/// </summary>
internal static class CommandLineCommands
{
    public const string PasswordVariable = "NEWSPORTAL_ADMIN_PASSWORD";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == "create-admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length != 2 || !args[1].Contains('@', StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("usage: create-admin <email>   (password from NEWSPORTAL_ADMIN_PASSWORD, or generated)");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>();
        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());

        var email = args[1].Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            await Console.Error.WriteLineAsync($"An account for {email} already exists; reset its password from the editor area's Users page.");
            return 1;
        }

        var supplied = Environment.GetEnvironmentVariable(PasswordVariable);
        var password = string.IsNullOrEmpty(supplied) ? OneTimePassword.Create() : supplied;
        var creation = await scope.ServiceProvider.GetRequiredService<CreateNewsroomAccount>()
            .ExecuteAsync(email, email.Split('@')[0], NewsroomRoles.Admin, password, "create-admin command", CancellationToken.None);
        if (!creation.Succeeded)
        {
            await Console.Error.WriteLineAsync("The account was not created: " + string.Join(" ", scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<EditorResource>>().Word(creation.Errors)));
            return 1;
        }

        Console.WriteLine($"Created Admin account {email}.");
        if (string.IsNullOrEmpty(supplied))
        {
            Console.WriteLine($"Its one-time password is: {password}");
            Console.WriteLine("It is shown only now. Sign in at /editor/login and change it under Account.");
        }

        return 0;
    }

    /// <summary>The roles exist in every database, created at startup.</summary>
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
