using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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
            var pending = await DatabaseSchema.PendingMigrationsAsync(db, cancellationToken);
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
    /// starts apply each once), write-ahead logging on SQLite, the newsroom roles and, into an empty database, the demo
    /// content (checked inside the seeding transaction, so concurrent starts seed once). Returns the migrations applied.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(IServiceProvider services, bool seed, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("NewsPortal.Startup");
        var db = services.GetRequiredService<NewsPortalDbContext>();

        logger.LogInformation("Database: {DataSource}", db.Database.GetDbConnection().DataSource);
        if (!db.Database.IsNpgsql())
        {
            return await MigrateLockedAsync(services, db, logger, seed, cancellationToken);
        }

        // On PostgreSQL, instances starting together take turns: a session advisory lock on one open connection, which
        // EF Core's migrations and the seeding then use (EF Core's own migration lock did not stop two instances here
        // from running the same migration at once). Released when the setup ends (explicitly: a pooled connection
        // would keep a session lock), or by the server when the connection drops.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({SetupLockKey})", cancellationToken);
            try
            {
                // EF Core reads the history table before it creates it and logs the failure as an error on a new
                // PostgreSQL database; created first (as Migrate would), a first start logs no error.
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
                return await MigrateLockedAsync(services, db, logger, seed, cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({SetupLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // The advisory lock that serializes the database setup on PostgreSQL (any fixed number the portal uses for nothing else).
    private const long SetupLockKey = 0x4E_5053_4554_5550;

    private static async Task<IReadOnlyList<string>> MigrateLockedAsync(IServiceProvider services, NewsPortalDbContext db, ILogger logger, bool seed, CancellationToken cancellationToken)
    {
        var pending = await DatabaseSchema.PendingMigrationsAsync(db, cancellationToken);
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            var journalMode = await SqliteJournal.EnableWalAsync(db, cancellationToken);
            if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused write-ahead logging (journal_mode is '{journalMode}'); is the data directory on a network file system?");
            }
        }

        await NewsroomRoleSetup.EnsureRolesAsync(services.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole>>());
        if (seed && services.GetRequiredService<IOptions<DatabaseOptions>>().Value.SeedDemoContent)
        {
            await services.GetRequiredService<DemoContentSeeder>().SeedAsync(cancellationToken);
        }

        return pending;
    }

}
