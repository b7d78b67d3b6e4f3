using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data;

/// <summary>
/// The portal's database: one model, stored by SQLite (<see cref="SqliteNewsPortalDbContext"/>, the default) or
/// PostgreSQL (<see cref="PostgresNewsPortalDbContext"/>), each with its own migrations. After changing the model,
/// add a migration to both sets from the repository root:
/// <code>
/// dotnet tool restore
/// dotnet ef migrations add &lt;Name&gt; --project src/NewsPortal.Web --context SqliteNewsPortalDbContext --output-dir Data/Migrations/Sqlite
/// dotnet ef migrations add &lt;Name&gt; --project src/NewsPortal.Web --context PostgresNewsPortalDbContext --output-dir Data/Migrations/Postgres
/// </code>
/// Neither command needs a running database (see <see cref="DesignTimeFactories"/>).
/// </summary>
public abstract class NewsPortalDbContext(DbContextOptions options) : IdentityDbContext<NewsroomUser>(options), IDataProtectionKeyContext
{
    public DbSet<Edition> Editions => Set<Edition>();

    public DbSet<Section> Sections => Set<Section>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Image> Images => Set<Image>();

    public DbSet<Correction> Corrections => Set<Correction>();

    public DbSet<TranslationGroup> TranslationGroups => Set<TranslationGroup>();

    public DbSet<ArticleRevision> Revisions => Set<ArticleRevision>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<LiveUpdate> LiveUpdates => Set<LiveUpdate>();

    public DbSet<EditLock> EditLocks => Set<EditLock>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<ArticleContributor> ArticleContributors => Set<ArticleContributor>();

    public DbSet<LiveUpdateContributor> LiveUpdateContributors => Set<LiveUpdateContributor>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<ArticleTag> ArticleTags => Set<ArticleTag>();

    public DbSet<RelatedArticle> RelatedArticles => Set<RelatedArticle>();

    public DbSet<ArticleReadCount> ReadCounts => Set<ArticleReadCount>();

    /// <summary>The data-protection keys, shared by every instance when the portal runs on PostgreSQL (SQLite keeps them in the data directory's keys folder).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsPortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is stored as UTC and read back as UTC (SQLite has no time zone type; PostgreSQL stores timestamptz).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>The portal's database in SQLite: migrations in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteNewsPortalDbContext(DbContextOptions<SqliteNewsPortalDbContext> options) : NewsPortalDbContext(options);

/// <summary>The portal's database in PostgreSQL: migrations in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresNewsPortalDbContext(DbContextOptions<PostgresNewsPortalDbContext> options) : NewsPortalDbContext(options);
