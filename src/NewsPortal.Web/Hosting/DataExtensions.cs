using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Content.Markdown;
using NewsPortal.Web.Content.Media;
using NewsPortal.Web.Data;
using NewsPortal.Web.Data.Seed;
using NewsPortal.Web.Data.Sqlite;
using NewsPortal.Web.Features.Search;
using NewsPortal.Web.Settings;
using Npgsql;

namespace NewsPortal.Web.Hosting;

internal static class DataExtensions
{
    /// <summary>
    /// The database named by <c>Database:Provider</c>: SQLite (default) or PostgreSQL, the same model and use cases
    /// on either, each with its own migrations and full-text search. <c>ConnectionStrings:NewsPortal</c> is read when
    /// the first context is made (so tests can override it); a relative SQLite <c>Data Source</c> resolves against the
    /// data directory.
    /// </summary>
    public static IServiceCollection AddNewsPortalData(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = DatabaseProviderConfiguration.ReadProvider(configuration);
        services.AddValidatedOptions<StorageOptions>(StorageOptions.SectionName);
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.SectionName);
        services.AddSingleton(sp => new StoragePaths(
            sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<IOptions<StorageOptions>>().Value));

        // Pooled: a request leases a context instead of building one and its internal services.
        // The options are built once, with every registered interceptor (whatever a test host adds).
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<NewsPortalDbContext, PostgresNewsPortalDbContext>((sp, options) =>
            {
                options.UseNpgsql(PostgresConnectionString(sp), npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                options.AddInterceptors(sp.GetServices<IInterceptor>());
            });
            services.AddScoped<IArticleSearch, PostgresArticleSearch>();
        }
        else
        {
            services.AddSingleton<IInterceptor>(sp => new SqlitePragmaInterceptor(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.BusyTimeoutMilliseconds));
            services.AddDbContextPool<NewsPortalDbContext, SqliteNewsPortalDbContext>((sp, options) =>
            {
                options.UseSqlite(SqliteConnectionString(sp), sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                options.AddInterceptors(sp.GetServices<IInterceptor>());
            });
            services.AddScoped<IArticleSearch, SqliteArticleSearch>();
        }

        services.AddSingleton<ArticleMarkdownRenderer>();
        services.AddSingleton<ImageRenditionWriter>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<DemoContentSeeder>();
        return services;
    }

    private static string ConfiguredConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseOptions.ConnectionStringName) is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException($"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set in appsettings.json.");

    private static string SqliteConnectionString(IServiceProvider services)
    {
        var builder = new SqliteConnectionStringBuilder(ConfiguredConnectionString(services));
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = services.GetRequiredService<StoragePaths>().Resolve(builder.DataSource);
        }

        return builder.ToString();
    }

    private static string PostgresConnectionString(IServiceProvider services)
    {
        var configured = ConfiguredConnectionString(services);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(configured);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException(
                $"Database:Provider is Postgres, but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not a PostgreSQL connection string ({ex.Message}). "
                + "Expected something like Host=db;Database=newsportal;Username=newsportal, with the password in the environment (ConnectionStrings__NewsPortal).", ex);
        }

        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new InvalidOperationException(
                $"Database:Provider is Postgres, but ConnectionStrings:{DatabaseOptions.ConnectionStringName} names no Host or no Database.");
        }

        return builder.ConnectionString;
    }
}
