using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Settings;

/// <summary>Where the portal keeps its data.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file in the data directory: one machine, no server (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: several identical instances share it.</summary>
    Postgres,
}

/// <summary>The <c>Database</c> section. The connection string itself is <c>ConnectionStrings:NewsPortal</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// <c>Sqlite</c> (the default) or <c>Postgres</c>. Read once, when the services are built (see
    /// <see cref="ReadProvider"/>); with <c>Postgres</c>, <c>ConnectionStrings:NewsPortal</c> is an Npgsql connection string.
    /// </summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public const string ConnectionStringName = "NewsPortal";

    [Range(0, 600_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>Seed the demo editions, sources and articles into an empty database at startup.</summary>
    public bool SeedDemoContent { get; set; } = true;

    /// <summary>
    /// Migrate (and seed) at startup: the default for one instance. Instances behind a load balancer run with
    /// false and never write the schema; the <c>migrate</c> command does it once, before they start, and an
    /// instance that finds the schema behind its version refuses to start.
    /// </summary>
    public bool Migrate { get; set; } = true;

    /// <summary>
    /// Where PostgreSQL's <c>pg_dump</c> and <c>pg_restore</c> are, for backups of a site on PostgreSQL; empty (the
    /// default) looks on the PATH, then in the newest <c>/usr/lib/postgresql/*/bin</c>.
    /// </summary>
    public string? PostgresClientDirectory { get; set; }
}

public static class DatabaseProviderConfiguration
{
    /// <summary>
    /// <c>Database:Provider</c> from configuration, compared without regard to case; empty means SQLite. Any other
    /// value stops the start with a message that names the value and the accepted ones.
    /// </summary>
    public static DatabaseProvider ReadProvider(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var value = configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.GetNames<DatabaseProvider>().FirstOrDefault(name => string.Equals(name, value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } known
            ? Enum.Parse<DatabaseProvider>(known)
            : throw new InvalidOperationException(
                $"Database:Provider is '{value}', which NewsPortal does not know: use Sqlite (the default, a file in the data directory) or Postgres (a PostgreSQL server named by ConnectionStrings:NewsPortal).");
    }
}
