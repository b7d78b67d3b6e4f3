using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Configurations;

internal sealed class PersonEntityTypeConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Slug).HasMaxLength(Slugs.MaxLength).IsRequired();
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.LatinName).HasMaxLength(Person.NameMaxLength).IsRequired();
        builder.Property(p => p.RealName).HasMaxLength(Person.NameMaxLength);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<NewsroomUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.Photo).WithMany().HasForeignKey(p => p.PhotoImageId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Profiles).WithOne().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonProfileEntityTypeConfiguration : IEntityTypeConfiguration<PersonProfile>
{
    public void Configure(EntityTypeBuilder<PersonProfile> builder)
    {
        builder.HasKey(p => new { p.PersonId, p.EditionId });
        builder.Property(p => p.DisplayName).HasMaxLength(Person.NameMaxLength).IsRequired();
        builder.Property(p => p.Bio).HasMaxLength(Person.BioMaxLength).IsRequired();
        builder.HasOne<Edition>().WithMany().HasForeignKey(p => p.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.EditionId);
    }
}

internal sealed class ArticleContributorEntityTypeConfiguration : IEntityTypeConfiguration<ArticleContributor>
{
    public void Configure(EntityTypeBuilder<ArticleContributor> builder)
    {
        builder.HasKey(c => new { c.ArticleId, c.PersonId, c.Role });
        builder.Property(c => c.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Article>().WithMany(a => a.Contributors).HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);

        // An author page lists a person's stories.
        builder.HasIndex(c => c.PersonId);
    }
}

internal sealed class LiveUpdateContributorEntityTypeConfiguration : IEntityTypeConfiguration<LiveUpdateContributor>
{
    public void Configure(EntityTypeBuilder<LiveUpdateContributor> builder)
    {
        builder.HasKey(c => new { c.LiveUpdateId, c.PersonId, c.Role });
        builder.Property(c => c.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<LiveUpdate>().WithMany(u => u.Contributors).HasForeignKey(c => c.LiveUpdateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.PersonId);
    }
}

internal sealed class TagEntityTypeConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Tag.NameMaxLength).IsRequired();
        builder.Property(t => t.Slug).HasMaxLength(Slugs.MaxLength).IsRequired();
        builder.HasOne<Edition>().WithMany().HasForeignKey(t => t.EditionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.EditionId, t.Slug }).IsUnique();
    }
}

internal sealed class ArticleTagEntityTypeConfiguration : IEntityTypeConfiguration<ArticleTag>
{
    public void Configure(EntityTypeBuilder<ArticleTag> builder)
    {
        builder.HasKey(t => new { t.ArticleId, t.TagId });
        builder.HasOne<Article>().WithMany(a => a.Tags).HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Tag).WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Restrict);

        // A tag page lists its stories.
        builder.HasIndex(t => t.TagId);
    }
}

internal sealed class RelatedArticleEntityTypeConfiguration : IEntityTypeConfiguration<RelatedArticle>
{
    public void Configure(EntityTypeBuilder<RelatedArticle> builder)
    {
        builder.HasKey(r => new { r.ArticleId, r.RelatedId });
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.RelatedId).OnDelete(DeleteBehavior.Cascade);

        // When a story is unpublished, the lists it appears in are found and recomputed.
        builder.HasIndex(r => r.RelatedId);
    }
}

internal sealed class ArticleReadCountEntityTypeConfiguration : IEntityTypeConfiguration<ArticleReadCount>
{
    public void Configure(EntityTypeBuilder<ArticleReadCount> builder)
    {
        builder.HasKey(r => new { r.ArticleId, r.Hour });
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Edition>().WithMany().HasForeignKey(r => r.EditionId).OnDelete(DeleteBehavior.Cascade);

        // Most-read sums an edition's last 24 hours.
        builder.HasIndex(r => new { r.EditionId, r.Hour });
    }
}
