using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Content.Markdown;
using NewsPortal.Web.Data;
using NewsPortal.Web.Data.Seed;
using NewsPortal.Web.Content.Media;
using NewsPortal.Web.Settings;
using NewsPortal.Web.Data.Sqlite;

namespace NewsPortal.Web.Hosting;

internal static class DataExtensions
{
    /// <summary>
    /// The SQLite database. <c>ConnectionStrings:NewsPortal</c> is read when the first context is made
    /// (so tests can override it); a relative <c>Data Source</c> resolves against the data directory.
    /// </summary>
    public static IServiceCollection AddNewsPortalData(this IServiceCollection services)
    {
        services.AddValidatedOptions<StorageOptions>(StorageOptions.SectionName);
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.SectionName);
        services.AddSingleton(sp => new StoragePaths(
            sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<IInterceptor>(sp => new SqlitePragmaInterceptor(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.BusyTimeoutMilliseconds));

        // Pooled: a request leases a context instead of building one and its internal services.
        // The options are built once, with every registered interceptor (the SQLite settings, and
        // whatever a test host adds).
        services.AddDbContextPool<NewsPortalDbContext>((sp, options) =>
        {
            options.UseSqlite(ResolveConnectionString(sp), sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
            options.AddInterceptors(sp.GetServices<IInterceptor>());
        });

        services.AddSingleton<ArticleMarkdownRenderer>();
        services.AddSingleton<ImageRenditionWriter>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<DemoContentSeeder>();
        return services;
    }

    private static string ResolveConnectionString(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set in appsettings.json.");
        var builder = new SqliteConnectionStringBuilder(configured);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = services.GetRequiredService<StoragePaths>().Resolve(builder.DataSource);
        }

        return builder.ToString();
    }
}
