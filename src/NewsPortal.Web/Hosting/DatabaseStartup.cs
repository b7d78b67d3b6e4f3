using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Data.Seed;
using NewsPortal.Web.Features.Accounts;
using NewsPortal.Web.Features.Editions;
using NewsPortal.Web.Settings;
using NewsPortal.Web.Data.Sqlite;

namespace NewsPortal.Web.Hosting;

internal static class DatabaseStartup
{
    /// <summary>
    /// Before the first request: apply migrations, switch the database to WAL and check it took,
    /// seed demo content into an empty database (unless <paramref name="seed"/> is false: an import fills it),
    /// and load the editions into memory. With <c>Database:Migrate</c> false nothing is written: the schema must
    /// already be current (the <c>migrate</c> command), or the start stops with that advice.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, bool seed = true, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<NewsPortalDbContext>();
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Migrate)
        {
            await MigrateAsync(services, seed, cancellationToken);
        }
        else
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The database schema is behind this version ({pending.Count} migration(s) pending: {string.Join(", ", pending)}) and Database:Migrate is false: "
                    + "run the migrate command once (dotnet NewsPortal.Web.dll migrate), then start the instances.");
            }
        }

        var catalog = services.GetRequiredService<EditionCatalog>();
        await catalog.ReloadAsync(db, cancellationToken);
        if (catalog.All.Count == 0)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger("NewsPortal.Startup")
                .LogWarning("The database has no editions: readers will see only 404 pages until an edition is added.");
        }
    }

    /// <summary>
    /// The one-shot setup of the database: migrations (EF Core holds a lock while it applies them, so concurrent
    /// starts apply each once), write-ahead logging, the newsroom roles and, into an empty database, the demo
    /// content (checked inside the seeding transaction, so concurrent starts seed once). Returns the migrations applied.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(IServiceProvider services, bool seed, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("NewsPortal.Startup");
        var db = services.GetRequiredService<NewsPortalDbContext>();

        logger.LogInformation("Database: {DataSource}", db.Database.GetDbConnection().DataSource);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }

        await db.Database.MigrateAsync(cancellationToken);
        var journalMode = await SqliteJournal.EnableWalAsync(db, cancellationToken);
        if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused write-ahead logging (journal_mode is '{journalMode}'); is the data directory on a network file system?");
        }

        await NewsroomRoleSetup.EnsureRolesAsync(services.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole>>());
        if (seed && services.GetRequiredService<IOptions<DatabaseOptions>>().Value.SeedDemoContent)
        {
            await services.GetRequiredService<DemoContentSeeder>().SeedAsync(cancellationToken);
        }

        return pending;
    }
}
