using Clea.Data.Registry;
using Clea.Data.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clea.Data.Onboarding;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("Invitations");
        builder.Property(i => i.Email).HasMaxLength(User.EmailMaxLength);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.OrganismId, i.Id });
        builder.HasOne<Organism>().WithMany().HasForeignKey(i => i.OrganismId);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.InvitedByUserId).OnDelete(DeleteBehavior.Restrict);
        // UTC instants, compared in memory and ordered in SQL alike on both providers.
        foreach (var property in new[] { nameof(Invitation.CreatedAt), nameof(Invitation.ExpiresAt) })
            builder.Property<DateTime>(property).HasConversion(v => DateTime.SpecifyKind(v, DateTimeKind.Utc), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        foreach (var property in new[] { nameof(Invitation.AcceptedAt), nameof(Invitation.RevokedAt) })
            builder.Property<DateTime?>(property).HasConversion(v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc),
                v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
    }
}
