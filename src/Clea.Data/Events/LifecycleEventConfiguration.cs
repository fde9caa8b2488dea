using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clea.Data.Events;

internal sealed class LifecycleEventConfiguration : IEntityTypeConfiguration<LifecycleEvent>
{
    public void Configure(EntityTypeBuilder<LifecycleEvent> builder)
    {
        builder.ToTable("LifecycleEvents");
        // Longer than the default enum width: CorrectiveMeasuresDeemedSufficient.
        builder.Property(e => e.Kind).HasMaxLength(64);
        builder.Property(e => e.Reason).HasMaxLength(LifecycleEvent.ReasonMaxLength);
        builder.Property(e => e.Reference).HasMaxLength(LifecycleEvent.ReferenceMaxLength);
        builder.Property(e => e.ActorSubject).HasMaxLength(LifecycleEvent.ActorMaxLength);
        builder.Property(e => e.ActorName).HasMaxLength(LifecycleEvent.ActorMaxLength);
        builder.Property(e => e.ActorRole).HasMaxLength(LifecycleEvent.ActorMaxLength);
        // UTC instants, so ordering works on SQLite and PostgreSQL alike.
        builder.Property(e => e.At).HasConversion(v => DateTime.SpecifyKind(v, DateTimeKind.Utc), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        builder.HasOne(e => e.Organism).WithMany().HasForeignKey(e => e.OrganismId);
        builder.HasOne(e => e.Habilitation).WithMany().HasForeignKey(e => e.HabilitationId);
        builder.HasIndex(e => new { e.OrganismId, e.Id });
        builder.HasIndex(e => new { e.HabilitationId, e.Id });
        builder.HasIndex(e => new { e.IsPublic, e.Id });
    }
}
