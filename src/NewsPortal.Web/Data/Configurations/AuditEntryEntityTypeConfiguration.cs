using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Configurations;

internal sealed class AuditEntryEntityTypeConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(a => a.Action).HasMaxLength(40).IsRequired();
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.Target).HasMaxLength(400);
        builder.Property(a => a.Detail).HasMaxLength(1000);
        builder.Property(a => a.Address).HasMaxLength(64);
        builder.HasIndex(a => a.At);
    }
}
