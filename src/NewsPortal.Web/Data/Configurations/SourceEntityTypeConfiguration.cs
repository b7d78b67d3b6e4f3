using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Configurations;

internal sealed class SourceEntityTypeConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(40).IsRequired();
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.ShortName).HasMaxLength(60).IsRequired();
        builder.Property(s => s.FullName).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Url).HasMaxLength(400);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.OwnsMany(s => s.LocalNames, names =>
        {
            names.ToTable("SourceLocalNames");
            names.WithOwner().HasForeignKey("SourceId");
            names.HasKey("SourceId", nameof(SourceLocalName.Language));
            names.Property(n => n.Language).HasMaxLength(15);
            names.Property(n => n.ShortName).HasMaxLength(60).IsRequired();
            names.Property(n => n.FullName).HasMaxLength(200);
        });
    }
}
