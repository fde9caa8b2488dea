using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clea.Data.Fees;

internal sealed class FeeTariffConfiguration : IEntityTypeConfiguration<FeeTariff>
{
    public void Configure(EntityTypeBuilder<FeeTariff> builder)
    {
        builder.Property(t => t.Amount).HasPrecision(10, 2);
        builder.HasIndex(t => new { t.Kind, t.Certification, t.FromYear }).IsUnique();
    }
}

internal sealed class FeeLineConfiguration : IEntityTypeConfiguration<FeeLine>
{
    public void Configure(EntityTypeBuilder<FeeLine> builder)
    {
        builder.Property(l => l.Amount).HasPrecision(10, 2);
        builder.Property(l => l.SourceKey).HasMaxLength(FeeLine.SourceKeyMaxLength);
        builder.HasIndex(l => l.SourceKey).IsUnique();
        builder.HasOne(l => l.Organism).WithMany().HasForeignKey(l => l.OrganismId);
        builder.HasIndex(l => new { l.OrganismId, l.AccruedOn });
        builder.HasIndex(l => l.InvoiceId);
    }
}
