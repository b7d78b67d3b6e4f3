using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Configurations;

internal sealed class ArticleRevisionEntityTypeConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.Property(r => r.Headline).HasMaxLength(Article.HeadlineMaxLength).IsRequired();
        builder.Property(r => r.Lead).HasMaxLength(Article.LeadMaxLength).IsRequired();
        builder.Property(r => r.BodyMarkdown).IsRequired();
        builder.Property(r => r.Content).HasConversion(ArticleContentJson.Converter, ArticleContentJson.Comparer);
        builder.Property(r => r.SavedBy).HasMaxLength(256).IsRequired();
        builder.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ArticleId, r.SavedAt });
    }
}
