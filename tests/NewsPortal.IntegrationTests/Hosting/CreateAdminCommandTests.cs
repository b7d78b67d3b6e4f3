using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using NewsPortal.Tests.Shared;

namespace NewsPortal.IntegrationTests.Hosting;

/// <summary>The documented first-admin command, run as an operator would: a separate process on its own database.</summary>
public sealed partial class CreateAdminCommandTests : IDisposable
{
    private readonly string _dataDirectory = TestHost.NewDataDirectory();

    [Fact]
    public async Task CreatesAnAdminWithAOneTimePasswordPrintedOnceAndRefusesADuplicate()
    {
        var (exit, output) = await RunAsync("create-admin", "chief@newsroom.test");
        Assert.True(exit == 0, output);
        var password = OneTimePassword().Match(output);
        Assert.True(password.Success, output);
        Assert.Equal(20, password.Groups[1].Value.Length);

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "newsportal.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT r."Name" FROM "AspNetUsers" u
                JOIN "AspNetUserRoles" ur ON ur."UserId" = u."Id" JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
                WHERE u."Email" = 'chief@newsroom.test'
                """;
            Assert.Equal("Admin", await command.ExecuteScalarAsync());
        }

        var (again, message) = await RunAsync("create-admin", "chief@newsroom.test");
        Assert.Equal(1, again);
        Assert.Contains("already exists", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplainsItsUsageWhenTheEmailIsMissing()
    {
        var (exit, output) = await RunAsync("create-admin");
        Assert.Equal(2, exit);
        Assert.Contains("usage: create-admin <email>", output, StringComparison.Ordinal);
    }

    public void Dispose() => TestHost.DeleteDataDirectory(_dataDirectory);

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NewsPortal.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Storage__DataDirectory"] = _dataDirectory;
        start.Environment["FileLog__Enabled"] = "false";
        start.Environment["Database__SeedDemoContent"] = "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment.Remove("NEWSPORTAL_ADMIN_PASSWORD");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex("one-time password is: (\\S+)")]
    private static partial Regex OneTimePassword();
}
