using NewsPortal.Web.Features.Operations;

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

    public static async Task<int> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length != 2 || !CreateAdminAccount.IsEmailShaped(args[1]))
        {
            await Console.Error.WriteLineAsync("usage: create-admin <email>   (password from NEWSPORTAL_ADMIN_PASSWORD, or generated)");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var email = args[1].Trim();
        var outcome = await scope.ServiceProvider.GetRequiredService<CreateAdminAccount>()
            .ExecuteAsync(email, Environment.GetEnvironmentVariable(PasswordVariable), CancellationToken.None);
        if (!outcome.Created)
        {
            await Console.Error.WriteLineAsync(outcome.Problem);
            return 1;
        }

        Console.WriteLine($"Created Admin account {email}.");
        if (outcome.GeneratedPassword is { } password)
        {
            Console.WriteLine($"Its one-time password is: {password}");
            Console.WriteLine("It is shown only now. Sign in at /editor/login and change it under Account.");
        }

        return 0;
    }
}
