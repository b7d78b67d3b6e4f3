using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NewsPortal.Web.Data;

/// <summary>What the database's schema lacks compared with this version.</summary>
public static class DatabaseSchema
{
    /// <summary>
    /// The migrations this version has and the database lacks; all of them for a database without a history table
    /// (asked first: EF Core would read the missing table and log the failure as an error).
    /// </summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(NewsPortalDbContext db, CancellationToken cancellationToken) =>
        await db.GetService<IHistoryRepository>().ExistsAsync(cancellationToken)
            ? (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList()
            : db.Database.GetMigrations().ToList();
}
