using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Clea.Data.Registry;

/// <summary>The registration columns of <see cref="Organism"/> (its identity is configured by <c>OrganismConfiguration</c>).</summary>
internal sealed class OrganismRegistrationConfiguration : IEntityTypeConfiguration<Organism>
{
    public void Configure(EntityTypeBuilder<Organism> builder)
    {
        builder.Property(o => o.RegisteredBy).HasMaxLength(Organism.RegisteredByMaxLength);
        // UTC instants, so ordering and comparison work on SQLite and PostgreSQL alike.
        builder.Property(o => o.RegisteredAt).HasConversion(new ValueConverter<DateTime, DateTime>(
            v => DateTime.SpecifyKind(v, DateTimeKind.Utc), v => DateTime.SpecifyKind(v, DateTimeKind.Utc)));
        builder.HasOne<Organism>().WithMany().HasForeignKey(o => o.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        // Certif Pro's list of registrations, filtered by status, newest first.
        builder.HasIndex(o => new { o.RegistrationStatus, o.Id });
    }
}
