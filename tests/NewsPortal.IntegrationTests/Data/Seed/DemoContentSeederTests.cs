using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Tests.Shared;
using NewsPortal.Web.Data.Seed;

namespace NewsPortal.IntegrationTests.Data.Seed;

/// <summary>Two instances that find the same empty database at the same moment seed it once.</summary>
public sealed class DemoContentSeederTests : IAsyncLifetime
{
    private readonly UnseededSite _site = new(TestHost.NewDataDirectory());

    public Task InitializeAsync() => _site.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_site).DisposeAsync();

    [Fact]
    public async Task TwoSeedersStartingTogetherOnAnEmptyDatabaseSeedOnce()
    {
        Assert.Equal(0, await _site.QueryAsync(db => db.Editions.CountAsync()));

        async Task<bool> SeedAsync()
        {
            await using var scope = _site.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DemoContentSeeder>().SeedAsync(CancellationToken.None);
        }

        // On two threads: SQLite calls complete synchronously, so without them one seeder would finish before the other began.
        var seeded = await Task.WhenAll(Task.Run(SeedAsync), Task.Run(SeedAsync));

        Assert.Single(seeded, s => s);
        Assert.Equal(4, await _site.QueryAsync(db => db.Editions.CountAsync()));
        Assert.Equal(22, await _site.QueryAsync(db => db.Articles.CountAsync()));
    }

    /// <summary>A site whose start migrates but seeds nothing, so the test finds the database empty.</summary>
    private sealed class UnseededSite(string data) : NewsPortalFactory(data)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:SeedDemoContent"] = "false" }));
        }
    }
}
