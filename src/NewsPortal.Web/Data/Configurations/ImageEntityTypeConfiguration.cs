using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Configurations;

internal sealed class ImageEntityTypeConfiguration : IEntityTypeConfiguration<Image>
{
    public void Configure(EntityTypeBuilder<Image> builder)
    {
        builder.Property(i => i.StorageKey).HasMaxLength(64).IsRequired();
        builder.HasIndex(i => i.StorageKey);
        builder.Property(i => i.AltText).HasMaxLength(500);
        builder.Property(i => i.Caption).HasMaxLength(1000);
        builder.Property(i => i.Credit).HasMaxLength(200);
        builder.Ignore(i => i.HasTextAlternative);
        builder.Ignore(i => i.AvailableWidths);
    }
}
