using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Configurations;

internal sealed class ArticleEntityTypeConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Headline).HasMaxLength(Article.HeadlineMaxLength).IsRequired();
        builder.Property(a => a.Slug).HasMaxLength(Slugs.MaxLength).IsRequired();
        builder.Property(a => a.Lead).HasMaxLength(Article.LeadMaxLength).IsRequired();
        builder.Property(a => a.BodyMarkdown).IsRequired();
        builder.Property(a => a.BodyHtml).IsRequired();
        builder.Property(a => a.BodyText).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CreatedById).HasMaxLength(450);
        builder.HasIndex(a => new { a.Status, a.ScheduledAt });
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.WasUpdatedAfterPublishing);
        builder.Ignore(a => a.WorkingContent);
        builder.Ignore(a => a.IsCoverageOpen);
        builder.Property(a => a.PendingContent).HasConversion(ArticleContentJson.Converter, ArticleContentJson.Comparer);
        builder.Property(a => a.PendingSavedBy).HasMaxLength(256);

        builder.HasOne(a => a.Edition).WithMany().HasForeignKey(a => a.EditionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Section).WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.LeadImage).WithMany().HasForeignKey(a => a.LeadImageId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.TranslationGroup).WithMany(g => g.Articles).HasForeignKey(a => a.TranslationGroupId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Corrections).WithOne(c => c.Article).HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);

        builder.HasMany(a => a.Sources).WithOne().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Sources).AutoInclude(false);
        builder.Navigation(a => a.Contributors).AutoInclude(false);
        builder.Navigation(a => a.Tags).AutoInclude(false);

        // The reader pages' hot queries: latest in an edition, latest in a section (both also count
        // from these indexes alone), and the edition's breaking story, among the few stories ever
        // flagged. Translations are found by the foreign-key index on TranslationGroupId, sources'
        // stories by ArticleSource's SourceId index, corrections by their ArticleId index.
        builder.HasIndex(a => new { a.EditionId, a.Status, a.PublishedAt });
        builder.HasIndex(a => new { a.SectionId, a.Status, a.PublishedAt });
        builder.HasIndex(a => new { a.EditionId, a.BreakingUntil }).HasFilter("\"BreakingUntil\" IS NOT NULL");

        // An edition's open live coverage, which the breaking banner points to: few stories are ever live coverage.
        builder.HasIndex(a => new { a.EditionId, a.CoverageEndedAt }).HasFilter("\"IsLiveCoverage\"");
    }
}
