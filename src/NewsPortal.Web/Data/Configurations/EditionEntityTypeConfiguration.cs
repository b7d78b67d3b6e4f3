using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Configurations;

internal sealed class EditionEntityTypeConfiguration : IEntityTypeConfiguration<Edition>
{
    public void Configure(EntityTypeBuilder<Edition> builder)
    {
        builder.Property(e => e.Code).HasMaxLength(15).IsRequired();
        builder.HasIndex(e => e.Code).IsUnique();
        builder.Property(e => e.NativeName).HasMaxLength(100).IsRequired();
        builder.Property(e => e.EnglishName).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Direction).HasConversion<string>().HasMaxLength(3);
        builder.Property(e => e.SlugPolicy).HasConversion<string>().HasMaxLength(20);
        builder.PrimitiveCollection(e => e.Countries);
        builder.Ignore(e => e.Dir);
        builder.HasMany(e => e.Sections).WithOne(s => s.Edition).HasForeignKey(s => s.EditionId).OnDelete(DeleteBehavior.Restrict);
    }
}
