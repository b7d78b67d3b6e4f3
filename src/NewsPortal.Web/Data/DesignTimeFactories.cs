using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NewsPortal.Web.Data;

/// <summary>
/// How <c>dotnet ef</c> builds each provider's context: without the web host, its configuration or a running
/// server, since adding a migration and checking for model changes only compare the model with the last snapshot.
/// Applying migrations is the portal's own <c>migrate</c> command, with the configured connection.
/// </summary>
public static class DesignTimeFactories
{
    /// <summary>For <c>dotnet ef … --context SqliteNewsPortalDbContext</c>.</summary>
    public sealed class Sqlite : IDesignTimeDbContextFactory<SqliteNewsPortalDbContext>
    {
        public SqliteNewsPortalDbContext CreateDbContext(string[] args) =>
            new(new DbContextOptionsBuilder<SqliteNewsPortalDbContext>().UseSqlite("Data Source=design-time.db").Options);
    }

    /// <summary>For <c>dotnet ef … --context PostgresNewsPortalDbContext</c>.</summary>
    public sealed class Postgres : IDesignTimeDbContextFactory<PostgresNewsPortalDbContext>
    {
        public PostgresNewsPortalDbContext CreateDbContext(string[] args) =>
            new(new DbContextOptionsBuilder<PostgresNewsPortalDbContext>().UseNpgsql("Host=localhost;Database=newsportal").Options);
    }
}
