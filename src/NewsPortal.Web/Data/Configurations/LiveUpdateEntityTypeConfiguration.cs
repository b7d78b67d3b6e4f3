using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Configurations;

internal sealed class LiveUpdateEntityTypeConfiguration : IEntityTypeConfiguration<LiveUpdate>
{
    public void Configure(EntityTypeBuilder<LiveUpdate> builder)
    {
        builder.Property(u => u.AuthorId).HasMaxLength(450);
        builder.Property(u => u.AuthorName).HasMaxLength(256).IsRequired();
        builder.Property(u => u.Title).HasMaxLength(LiveUpdate.TitleMaxLength);
        builder.Property(u => u.BodyMarkdown).IsRequired();
        builder.Property(u => u.BodyHtml).IsRequired();
        builder.Property(u => u.BodyText).IsRequired();
        builder.Property(u => u.QuoteText).HasMaxLength(LiveUpdate.QuoteMaxLength);
        builder.Property(u => u.QuoteAttribution).HasMaxLength(LiveUpdate.AttributionMaxLength);
        builder.Property(u => u.CorrectionNote).HasMaxLength(LiveUpdate.NoteMaxLength);
        builder.Property(u => u.RemovalReason).HasMaxLength(LiveUpdate.NoteMaxLength);
        builder.Property(u => u.RemovedBy).HasMaxLength(256);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasOne(u => u.Article).WithMany(a => a.LiveUpdates).HasForeignKey(u => u.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(u => u.Image).WithMany().HasForeignKey(u => u.ImageId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(u => u.Sources).WithOne().HasForeignKey(s => s.LiveUpdateId).OnDelete(DeleteBehavior.Cascade);

        // Pages of a coverage are read newest first, by id (the order of posting), a page at a time.
        builder.HasIndex(u => new { u.ArticleId, u.Id });
    }
}

internal sealed class LiveUpdateSourceEntityTypeConfiguration : IEntityTypeConfiguration<LiveUpdateSource>
{
    public void Configure(EntityTypeBuilder<LiveUpdateSource> builder)
    {
        builder.HasKey(s => new { s.LiveUpdateId, s.SourceId });
        builder.HasOne(s => s.Source).WithMany().HasForeignKey(s => s.SourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.SourceId);
    }
}

internal sealed class EditLockEntityTypeConfiguration : IEntityTypeConfiguration<EditLock>
{
    public void Configure(EntityTypeBuilder<EditLock> builder)
    {
        builder.HasKey(l => l.ArticleId);
        builder.Property(l => l.ArticleId).ValueGeneratedNever();
        builder.Property(l => l.HolderId).HasMaxLength(450).IsRequired();
        builder.Property(l => l.HolderName).HasMaxLength(256).IsRequired();
        builder.Property(l => l.DisplacedId).HasMaxLength(450);
        builder.Property(l => l.DisplacedName).HasMaxLength(256);
        builder.Ignore(l => l.ExpiresAt);
        builder.HasOne<Article>().WithOne().HasForeignKey<EditLock>(l => l.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
