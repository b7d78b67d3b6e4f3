using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Settings;

/// <summary>The <c>Database</c> section. The connection string itself is <c>ConnectionStrings:NewsPortal</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

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
}
