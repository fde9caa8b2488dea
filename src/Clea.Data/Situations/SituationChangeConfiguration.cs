using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clea.Data.Situations;

internal sealed class SituationChangeConfiguration : IEntityTypeConfiguration<SituationChange>
{
    public void Configure(EntityTypeBuilder<SituationChange> builder)
    {
        builder.Ignore(c => c.DeclarationDueOn);
        builder.Property(c => c.Description).HasMaxLength(SituationChange.DescriptionMaxLength);
        builder.HasOne(c => c.Organism).WithMany().HasForeignKey(c => c.OrganismId);
        builder.HasIndex(c => new { c.OrganismId, c.Id });
        builder.HasIndex(c => new { c.Late, c.Id });
    }
}
