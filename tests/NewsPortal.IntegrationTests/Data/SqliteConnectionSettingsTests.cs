using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Data;

namespace NewsPortal.IntegrationTests.Data;

/// <summary>
/// The SQLite settings are applied once per native connection: a connection handed out again by the
/// pool must still carry them.
/// </summary>
[Trait("Database", "Sqlite")]
[Collection(ReaderSiteCollection.Name)]
public class SqliteConnectionSettingsTests(NewsPortalFactory factory)
{
    [Fact]
    public async Task EveryOpenedConnectionWaitsForLocksEnforcesForeignKeysAndSyncsEveryCommit()
    {
        for (var i = 0; i < 3; i++)
        {
            // Each pass opens a connection again: after the first, the pool's native connection is reused.
            var (busyTimeout, foreignKeys, synchronous) = await factory.QueryAsync(async db =>
            {
                await db.Database.OpenConnectionAsync();
                try
                {
                    return (await PragmaAsync(db, "busy_timeout"), await PragmaAsync(db, "foreign_keys"), await PragmaAsync(db, "synchronous"));
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            });

            Assert.Equal(5000, busyTimeout);
            Assert.Equal(1, foreignKeys);
            Assert.Equal(2, synchronous); // FULL: an acknowledged save is on disk before the answer, power loss included
        }
    }

    private static async Task<long> PragmaAsync(NewsPortalDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA " + name + ";";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
