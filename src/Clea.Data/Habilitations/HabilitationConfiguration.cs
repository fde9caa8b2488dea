using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clea.Data.Habilitations;

internal sealed class HabilitationConfiguration : IEntityTypeConfiguration<Habilitation>
{
    public void Configure(EntityTypeBuilder<Habilitation> builder)
    {
        builder.Ignore(h => h.ValidUntil);
        builder.Property(h => h.ProfessionalField).HasMaxLength(200);
        builder.HasOne(h => h.Instance).WithMany().HasForeignKey(h => h.InstanceId);
        builder.HasIndex(h => new { h.OrganismId, h.Certification });
        builder.HasIndex(h => new { h.OrganismId, h.DecidedOn });
        builder.OwnsMany(h => h.Suspensions, s =>
        {
            s.ToTable("Suspensions");
            s.WithOwner().HasForeignKey("HabilitationId");
            s.HasKey(x => x.Id);
        });
        builder.Navigation(h => h.Suspensions).UsePropertyAccessMode(PropertyAccessMode.Field);
        // Owned like suspensions: loaded with every habilitation, so its periods always name their corrections.
        builder.OwnsMany(h => h.Corrections, c =>
        {
            c.ToTable("HabilitationCorrections");
            c.WithOwner().HasForeignKey("HabilitationId");
            c.HasKey(x => x.Id);
            c.Property(x => x.Reason).HasMaxLength(HabilitationCorrection.ReasonMaxLength);
        });
        builder.Navigation(h => h.Corrections).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(h => h.Changes).WithOne().HasForeignKey(c => c.HabilitationId);
        builder.Navigation(h => h.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(h => h.ActivityDeclarations).WithOne().HasForeignKey(a => a.HabilitationId);
        builder.Navigation(h => h.ActivityDeclarations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class HabilitationChangeConfiguration : IEntityTypeConfiguration<HabilitationChange>
{
    public void Configure(EntityTypeBuilder<HabilitationChange> builder) => builder.HasIndex(c => c.HabilitationId);
}

internal sealed class ActivityDeclarationConfiguration : IEntityTypeConfiguration<ActivityDeclaration>
{
    public void Configure(EntityTypeBuilder<ActivityDeclaration> builder)
    {
        builder.ToTable("ActivityDeclarations");
        builder.HasIndex(a => a.HabilitationId);
    }
}
