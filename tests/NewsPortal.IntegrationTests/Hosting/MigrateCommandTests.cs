using Microsoft.Data.Sqlite;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Tests.Shared;

namespace NewsPortal.IntegrationTests.Hosting;

/// <summary>
/// The schema set up once, for several instances: the <c>migrate</c> command, instances started with
/// <c>Database:Migrate=false</c> that never write the schema, and instances starting at the same moment that seed once.
/// </summary>
[Trait("Database", "Sqlite")]
[Collection(DurabilityCollectionName.Value)]
public sealed class MigrateCommandTests : IDisposable
{
    private readonly string _data = TestHost.NewDataDirectory();

    public void Dispose() => TestHost.DeleteDataDirectory(_data);

    private async Task<long> CountAsync(string table)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "newsportal.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task MigrateSetsUpAnEmptyDatabaseOnceAndThenSaysItIsUpToDate()
    {
        var first = await OperatorProcess.RunAsync(_data, true, "migrate");
        var second = await OperatorProcess.RunAsync(_data, true, "migrate");

        Assert.True(first.Exit == 0, first.Errors);
        Assert.Contains("Applied ", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", first.Output + first.Errors, StringComparison.Ordinal);
        Assert.True(second.Exit == 0, second.Errors);
        Assert.Contains("up to date", second.Output, StringComparison.Ordinal);
        Assert.Equal(4, await CountAsync("Editions"));
        Assert.Equal(3, await CountAsync("AspNetRoles"));
    }

    [Fact]
    public async Task AnUnknownDatabaseProviderStopsTheStartNamingTheKnownOnes()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SiteProcess.StartAsync(_data, settings: new Dictionary<string, string> { ["Database__Provider"] = "Oracle" }));

        Assert.Contains("Database:Provider is 'Oracle'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("use Sqlite (the default", refused.Message, StringComparison.Ordinal);
        Assert.Contains("or Postgres", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_data, "newsportal.db")));
    }

    [Fact]
    public async Task MigrateTakesNoArgument()
    {
        var (exit, _, errors) = await OperatorProcess.RunAsync(_data, true, "migrate", "now");

        Assert.Equal(2, exit);
        Assert.Contains("usage: migrate", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_data, "newsportal.db")));
    }

    [Fact]
    public async Task AnInstanceThatMayNotMigrateRefusesAnOldSchemaAndStartsOnAMigratedOne()
    {
        var noMigrate = new Dictionary<string, string> { ["Database__Migrate"] = "false", ["Database__SeedDemoContent"] = "true" };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => SiteProcess.StartAsync(_data, settings: noMigrate));
        Assert.Contains("run the migrate command", refused.Message, StringComparison.Ordinal);

        Assert.Equal(0, (await OperatorProcess.RunAsync(_data, true, "migrate")).Exit);
        await using var site = await SiteProcess.StartAsync(_data, settings: noMigrate);
        using var reader = new HttpClient { BaseAddress = site.Address };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await reader.GetAsync(new Uri("/en", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TwoInstancesStartingAtOnceOnAnEmptyDatabaseSeedItOnce()
    {
        var seed = new Dictionary<string, string> { ["Database__SeedDemoContent"] = "true" };

        var starts = await Task.WhenAll(SiteProcess.StartAsync(_data, settings: seed), SiteProcess.StartAsync(_data, settings: seed));
        foreach (var site in starts)
        {
            using var reader = new HttpClient { BaseAddress = site.Address };
            Assert.Equal(System.Net.HttpStatusCode.OK, (await reader.GetAsync(new Uri("/en", UriKind.Relative))).StatusCode);
            await site.DisposeAsync();
        }

        Assert.Equal(4, await CountAsync("Editions"));
        Assert.Equal(22, await CountAsync("Articles"));
        Assert.Equal(3, await CountAsync("AspNetRoles"));
    }
}
