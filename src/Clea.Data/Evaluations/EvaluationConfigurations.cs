using Clea.Data.Habilitations;
using Clea.Data.Intervenants;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clea.Data.Evaluations;

internal sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> builder)
    {
        builder.Property(c => c.FirstName).HasMaxLength(Candidate.NameMaxLength);
        builder.Property(c => c.LastName).HasMaxLength(Candidate.NameMaxLength);
        builder.Property(c => c.Email).HasMaxLength(Candidate.EmailMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(Candidate.PhoneMaxLength);
        builder.Property(c => c.Accommodations).HasMaxLength(Candidate.AccommodationsMaxLength);
        builder.HasOne<Organism>().WithMany().HasForeignKey(c => c.OrganismId);
        builder.HasOne<Site>().WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Habilitation>().WithMany().HasForeignKey(c => c.HabilitationId).OnDelete(DeleteBehavior.Restrict);
        // Keyset paging of an organism's candidates, and aggregates by certification and registration date.
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.HasIndex(c => new { c.OrganismId, c.Id });
        builder.HasIndex(c => new { c.Certification, c.RegisteredOn });
        // The organism dashboard: registrations of an organism in a period (OrganismActivityQuery).
        builder.HasIndex(c => new { c.OrganismId, c.RegisteredOn });
        builder.HasIndex(c => c.SiteId);
        builder.HasMany(c => c.Evaluations).WithOne().HasForeignKey(e => e.CandidateId);
        builder.HasOne(c => c.TrainingPath).WithOne().HasForeignKey<TrainingPath>(p => p.CandidateId);
        builder.HasMany(c => c.JuryDecisions).WithOne().HasForeignKey(d => d.CandidateId);
        builder.HasOne(c => c.Certificate).WithOne().HasForeignKey<Certificate>(x => x.CandidateId);
        builder.HasMany(c => c.Appeals).WithOne().HasForeignKey(a => a.CandidateId);
        builder.Navigation(c => c.Evaluations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.JuryDecisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Appeals).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.PriorEvaluation);
    }
}

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> builder)
    {
        builder.Property(e => e.ReferentialVersion).HasMaxLength(32);
        builder.Property(e => e.ReferentialContext).HasMaxLength(Evaluation.ReferentialContextMaxLength);
        builder.HasIndex(e => new { e.CandidateId, e.Kind });
        builder.HasIndex(e => new { e.Kind, e.HeldOn });
        builder.HasOne<Intervenant>().WithMany().HasForeignKey(e => e.EvaluatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Habilitation>().WithMany().HasForeignKey(e => e.HabilitationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Results).WithOne().HasForeignKey(r => r.EvaluationId);
        builder.Navigation(e => e.Results).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(e => e.EvaluatorIds);
    }
}

internal sealed class EvaluationResultConfiguration : IEntityTypeConfiguration<EvaluationResult>
{
    public void Configure(EntityTypeBuilder<EvaluationResult> builder)
    {
        builder.HasIndex(r => new { r.EvaluationId, r.SubDomainId }).IsUnique();
        builder.HasIndex(r => new { r.SubDomainId, r.Acquired });
        builder.HasOne<ReferentialDomain>().WithMany().HasForeignKey(r => r.DomainId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SubDomain>().WithMany().HasForeignKey(r => r.SubDomainId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Intervenant>().WithMany().HasForeignKey(r => r.EvaluatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrainingPathConfiguration : IEntityTypeConfiguration<TrainingPath>
{
    public void Configure(EntityTypeBuilder<TrainingPath> builder)
    {
        builder.HasIndex(p => p.CandidateId).IsUnique();
        builder.HasMany(p => p.Trainers).WithOne().HasForeignKey(t => t.TrainingPathId);
        builder.Navigation(p => p.Trainers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TrainingPathTrainerConfiguration : IEntityTypeConfiguration<TrainingPathTrainer>
{
    public void Configure(EntityTypeBuilder<TrainingPathTrainer> builder)
    {
        builder.HasKey(t => new { t.TrainingPathId, t.IntervenantId });
        builder.HasOne<Intervenant>().WithMany().HasForeignKey(t => t.IntervenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.IntervenantId);
    }
}

internal sealed class JuryDecisionConfiguration : IEntityTypeConfiguration<JuryDecision>
{
    public void Configure(EntityTypeBuilder<JuryDecision> builder)
    {
        builder.Property(d => d.MinutesReference).HasMaxLength(JuryDecision.MinutesReferenceMaxLength);
        builder.HasIndex(d => new { d.CandidateId, d.DecidedOn });
        builder.HasOne<Habilitation>().WithMany().HasForeignKey(d => d.HabilitationId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(d => d.Members, m =>
        {
            m.ToTable("JuryMembers");
            m.WithOwner().HasForeignKey("JuryDecisionId");
            m.HasKey(x => x.Id);
            m.Property(x => x.Name).HasMaxLength(JuryMember.NameMaxLength);
            m.HasOne<Intervenant>().WithMany().HasForeignKey(x => x.IntervenantId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(d => d.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.Property(c => c.Number).HasMaxLength(CertificateNumber.MaxLength);
        builder.HasIndex(c => c.Number).IsUnique();
        // One certificate per candidate, and a candidate is registered for one certification.
        builder.HasIndex(c => c.CandidateId).IsUnique();
        // The dashboard's certificates of an organism in a period, with the day of the prior evaluation: read index-only.
        builder.HasIndex(c => new { c.OrganismId, c.IssuedOn, c.PriorEvaluatedOn, c.Certification }).HasDatabaseName("IX_Certificates_OrganismId_IssuedOn_Prior");
        // The success rate's cohort at a period's partial first month: certificates by day of prior evaluation, index-only.
        builder.HasIndex(c => new { c.OrganismId, c.PriorEvaluatedOn, c.IssuedOn, c.Certification }).HasDatabaseName("IX_Certificates_OrganismId_Prior_IssuedOn");
        builder.HasIndex(c => new { c.Certification, c.IssuedOn });
        builder.Property(c => c.LastNameHash).HasMaxLength(64);
        builder.Property(c => c.IssuerName).HasMaxLength(Certificate.IssuerNameMaxLength);
        builder.Property(c => c.IssuerRegionCode).HasMaxLength(2);
        builder.HasOne<Organism>().WithMany().HasForeignKey(c => c.OrganismId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.JuryDecision).WithMany().HasForeignKey(c => c.JuryDecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CandidateAppealConfiguration : IEntityTypeConfiguration<CandidateAppeal>
{
    public void Configure(EntityTypeBuilder<CandidateAppeal> builder)
    {
        builder.Property(a => a.Reason).HasMaxLength(CandidateAppeal.ReasonMaxLength);
        builder.HasOne(a => a.JuryDecision).WithMany().HasForeignKey(a => a.JuryDecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CandidateDataErasureConfiguration : IEntityTypeConfiguration<CandidateDataErasure>
{
    public void Configure(EntityTypeBuilder<CandidateDataErasure> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(CandidateDataErasure.ReasonMaxLength);
        builder.HasOne<Organism>().WithMany().HasForeignKey(e => e.OrganismId);
        builder.HasIndex(e => e.OrganismId);
    }
}

internal sealed class BulkReceiptConfiguration : IEntityTypeConfiguration<BulkReceipt>
{
    public void Configure(EntityTypeBuilder<BulkReceipt> builder)
    {
        builder.Property(r => r.ClientKey).HasMaxLength(BulkReceipt.ClientKeyMaxLength);
        builder.Property(r => r.ContentHash).HasMaxLength(BulkReceipt.ContentHashLength);
        builder.HasIndex(r => new { r.OrganismId, r.ClientKey }).IsUnique();
        builder.HasOne<Organism>().WithMany().HasForeignKey(r => r.OrganismId);
        builder.HasOne(r => r.Candidate).WithMany().HasForeignKey(r => r.CandidateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Evaluation).WithMany().HasForeignKey(r => r.EvaluationId).OnDelete(DeleteBehavior.Restrict);
    }
}
