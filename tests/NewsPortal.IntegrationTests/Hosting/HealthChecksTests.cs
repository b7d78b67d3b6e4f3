using NewsPortal.Tests.Shared;
using System.Net;
using System.Text.Json;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Hosting;

[Collection(ReaderSiteCollection.Name)]
public class HealthChecksTests(NewsPortalFactory factory)
{
    [Fact]
    public async Task LiveAnswersHealthy()
    {
        var response = await factory.CreateReader().GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ReadyReportsMigrationsAppliedAndWalOnSqlite()
    {
        var response = await factory.CreateReader().GetAsync(new Uri("/health/ready", UriKind.Relative));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        var data = json.GetProperty("checks").GetProperty("database").GetProperty("data");
        Assert.Equal(0, data.GetProperty("pendingMigrations").GetInt32());
        Assert.Equal(TestHost.OnPostgres ? "Postgres" : "Sqlite", data.GetProperty("provider").GetString());
        if (!TestHost.OnPostgres)
        {
            Assert.Equal("wal", data.GetProperty("journalMode").GetString());
        }
    }
}
