using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clea.Data.Intervenants;

internal sealed class IntervenantConfiguration : IEntityTypeConfiguration<Intervenant>
{
    public void Configure(EntityTypeBuilder<Intervenant> builder)
    {
        builder.Property(i => i.FirstName).HasMaxLength(Intervenant.NameMaxLength);
        builder.Property(i => i.LastName).HasMaxLength(Intervenant.NameMaxLength);
        builder.HasOne<Registry.Organism>().WithMany().HasForeignKey(i => i.OrganismId);
        builder.HasIndex(i => i.OrganismId);
    }
}
