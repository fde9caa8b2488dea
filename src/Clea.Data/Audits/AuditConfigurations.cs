using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clea.Data.Audits;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<Audit>
{
    public void Configure(EntityTypeBuilder<Audit> builder)
    {
        builder.ToTable("Audits");
        builder.Ignore(a => a.Reference);
        builder.HasOne(a => a.Habilitation).WithMany().HasForeignKey(a => a.HabilitationId);
        builder.HasOne<Registry.Organism>().WithMany().HasForeignKey(a => a.OrganismId);
        builder.HasOne<Users.User>().WithMany().HasForeignKey(a => a.AuditorUserId);
        builder.Property(a => a.AuditorName).HasMaxLength(Audit.NameMaxLength);
        builder.Property(a => a.Mandataire).HasMaxLength(Audit.NameMaxLength);
        builder.Property(a => a.Sites).HasMaxLength(2000);
        builder.Property(a => a.Findings).HasMaxLength(Audit.TextMaxLength);
        builder.Property(a => a.Observations).HasMaxLength(Audit.TextMaxLength);
        builder.Property(a => a.DecisionReason).HasMaxLength(Audit.TextMaxLength);
        builder.Property(a => a.Opinion).HasMaxLength(32);
        builder.OwnsMany(a => a.Anomalies, x =>
        {
            x.ToTable("AuditAnomalies");
            x.WithOwner().HasForeignKey("AuditId");
            x.HasKey(y => y.Id);
            x.Property(y => y.Description).HasMaxLength(AuditAnomaly.DescriptionMaxLength);
        });
        builder.Navigation(a => a.Anomalies).UsePropertyAccessMode(PropertyAccessMode.Field);
        // The auditor's access: open audits of an auditor (AuditorAccess).
        builder.HasIndex(a => new { a.AuditorUserId, a.Stage });
        builder.HasIndex(a => new { a.OrganismId, a.Id });
    }
}

internal sealed class ConformityProcedureConfiguration : IEntityTypeConfiguration<ConformityProcedure>
{
    public void Configure(EntityTypeBuilder<ConformityProcedure> builder)
    {
        builder.ToTable("ConformityProcedures");
        builder.Ignore(p => p.Reference);
        builder.Ignore(p => p.CurrentNotice);
        builder.HasOne(p => p.Habilitation).WithMany().HasForeignKey(p => p.HabilitationId);
        builder.HasOne<Registry.Organism>().WithMany().HasForeignKey(p => p.OrganismId);
        builder.HasOne<Audit>().WithMany().HasForeignKey(p => p.AuditId);
        builder.OwnsMany(p => p.Notices, n =>
        {
            n.ToTable("FormalNotices");
            n.WithOwner().HasForeignKey("ConformityProcedureId");
            n.HasKey(x => x.Id);
            n.Property(x => x.Failings).HasMaxLength(FormalNotice.TextMaxLength);
            n.Property(x => x.Justification).HasMaxLength(FormalNotice.TextMaxLength);
        });
        builder.Navigation(p => p.Notices).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(p => new { p.HabilitationId, p.Stage });
        builder.HasIndex(p => new { p.OrganismId, p.Id });
    }
}

internal sealed class EdofAlertConfiguration : IEntityTypeConfiguration<EdofAlert>
{
    public void Configure(EntityTypeBuilder<EdofAlert> builder)
    {
        builder.ToTable("EdofAlerts");
        builder.HasOne(a => a.Habilitation).WithMany().HasForeignKey(a => a.HabilitationId);
        builder.HasOne<Registry.Organism>().WithMany().HasForeignKey(a => a.OrganismId);
        builder.Property(a => a.Reference).HasMaxLength(EdofAlert.ReferenceMaxLength);
        builder.Property(a => a.Reason).HasMaxLength(4000);
        builder.HasIndex(a => a.HabilitationId);
        // edofAlerts: an organism's alerts, newest first.
        builder.HasIndex(a => new { a.OrganismId, a.Id });
    }
}
