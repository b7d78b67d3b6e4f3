using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsPortal.Web.Data;
using NewsPortal.Web.Data.Sqlite;
using NewsPortal.Web.Features.Editing;

namespace NewsPortal.Web.Features.Operations;

/// <summary>Ready when the database answers and every migration is applied (and, on SQLite, it runs in WAL mode).</summary>
internal sealed class DatabaseReadyCheck(NewsPortalDbContext db, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be opened.");
            }

            var pending = await DatabaseSchema.PendingMigrationsAsync(db, cancellationToken);
            var sqlite = db.Database.IsSqlite();
            var journal = sqlite ? await SqliteJournal.CurrentModeAsync(db, cancellationToken) : "";
            var data = new Dictionary<string, object>
            {
                ["provider"] = sqlite ? "Sqlite" : "Postgres",
                ["pendingMigrations"] = pending.Count,
            };
            if (sqlite)
            {
                data["journalMode"] = journal;
            }

            if (pending.Count == 0 && await PublishDueArticles.OldestOverdueAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken) is { } overdue)
            {
                data["oldestOverdueScheduledAt"] = overdue.ToString("u", System.Globalization.CultureInfo.InvariantCulture);
            }
            if (pending.Count > 0)
            {
                return HealthCheckResult.Unhealthy($"Migrations not applied: {string.Join(", ", pending)}.", data: data);
            }

            if (!sqlite)
            {
                return HealthCheckResult.Healthy("Database reachable, migrations applied.", data);
            }

            return string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase)
                ? HealthCheckResult.Healthy("Database reachable, migrations applied, WAL on.", data)
                : HealthCheckResult.Unhealthy($"Journal mode is '{journal}', not WAL.", data: data);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database check failed.", ex);
        }
    }
}
