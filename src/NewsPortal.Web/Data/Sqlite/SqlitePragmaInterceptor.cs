using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsPortal.Web.Data.Sqlite;

/// <summary>
/// Per-connection SQLite settings: wait for locks instead of failing, enforce foreign keys, and sync the WAL
/// at FULL, so a commit is on disk before the save is acknowledged (NORMAL can lose the last commits on power
/// loss; a newsroom's archive is worth the extra fsync per commit). They last as long as the native connection, which Microsoft.Data.Sqlite pools and hands
/// out again on the next open: so they are set when a native connection is opened for the first time,
/// not on every open.
/// </summary>
internal sealed class SqlitePragmaInterceptor(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && !_configured.TryAdd(handle, handle))
        {
            return;
        }

        try
        {
            using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The only value is an integer from validated options.
            command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;";
#pragma warning restore CA2100
            command.ExecuteNonQuery();
        }
        catch
        {
            if (handle is not null)
            {
                _configured.Remove(handle);
            }

            throw;
        }
    }
}
