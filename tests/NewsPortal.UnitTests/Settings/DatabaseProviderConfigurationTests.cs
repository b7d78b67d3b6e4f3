using Microsoft.Extensions.Configuration;
using NewsPortal.Web.Settings;

namespace NewsPortal.UnitTests.Settings;

public class DatabaseProviderConfigurationTests
{
    private static DatabaseProvider Read(string? value) =>
        DatabaseProviderConfiguration.ReadProvider(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = value }).Build());

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("Postgres", DatabaseProvider.Postgres)]
    [InlineData(" postgres ", DatabaseProvider.Postgres)]
    public void ReadsTheProviderWithoutRegardToCaseAndDefaultsToSqlite(string? value, DatabaseProvider expected) => Assert.Equal(expected, Read(value));

    [Theory]
    [InlineData("PostgreSQL")]
    [InlineData("SqlServer")]
    [InlineData("1")]
    public void AnyOtherValueIsRefusedWithTheAcceptedOnes(string value)
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => Read(value));

        Assert.Contains($"'{value}'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Sqlite", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Postgres", refusal.Message, StringComparison.Ordinal);
    }
}
