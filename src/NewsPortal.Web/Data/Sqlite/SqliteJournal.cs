using Microsoft.EntityFrameworkCore;

namespace NewsPortal.Web.Data.Sqlite;

/// <summary>Reads and sets SQLite's journal mode (the portal runs in write-ahead logging).</summary>
internal static class SqliteJournal
{
    public static async Task<string> EnableWalAsync(NewsPortalDbContext db, CancellationToken cancellationToken) =>
        await QueryAsync(db, "PRAGMA journal_mode = WAL;", cancellationToken);

    public static async Task<string> CurrentModeAsync(NewsPortalDbContext db, CancellationToken cancellationToken) =>
        await QueryAsync(db, "PRAGMA journal_mode;", cancellationToken);

    private static async Task<string> QueryAsync(NewsPortalDbContext db, string sql, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant SQL.
            command.CommandText = sql;
#pragma warning restore CA2100
            return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
