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
}
