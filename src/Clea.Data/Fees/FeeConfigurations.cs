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

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.Property(i => i.Number).HasMaxLength(Invoice.NumberMaxLength);
        builder.HasIndex(i => i.Number).IsUnique();
        builder.Property(i => i.Total).HasPrecision(12, 2);
        builder.HasOne(i => i.Organism).WithMany().HasForeignKey(i => i.OrganismId);
        builder.HasIndex(i => new { i.OrganismId, i.Year, i.Quarter }).IsUnique();
        builder.HasIndex(i => new { i.PaidOn, i.DueOn });
        builder.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId);
        builder.Navigation(i => i.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
