using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data;

/// <summary>
/// The portal's database. After changing the model, add a migration from the repository root:
/// <c>dotnet tool restore &amp;&amp; dotnet ef migrations add &lt;Name&gt; --project src/NewsPortal.Web --output-dir Data/Migrations</c>.
/// </summary>
public class NewsPortalDbContext(DbContextOptions<NewsPortalDbContext> options) : IdentityDbContext<NewsroomUser>(options)
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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsPortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no time zone type: every DateTime is stored as UTC and read back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
