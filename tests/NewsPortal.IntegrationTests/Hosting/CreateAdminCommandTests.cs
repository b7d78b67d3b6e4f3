using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Tests.Shared;

namespace NewsPortal.IntegrationTests.Hosting;

/// <summary>The documented first-admin command, run as an operator would: a separate process on its own database.</summary>
[Trait("Database", "Sqlite")]
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
        var (exit, output, errors) = await OperatorProcess.RunAsync(_dataDirectory, seed: false, args);
        return (exit, output + errors);
    }

    [GeneratedRegex("one-time password is: (\\S+)")]
    private static partial Regex OneTimePassword();
}
