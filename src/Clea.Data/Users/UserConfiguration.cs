using Clea.Data.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clea.Data.Users;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("Users");
        builder.HasIndex(u => u.Email).IsUnique();
        builder.Property(u => u.Email).HasMaxLength(User.EmailMaxLength);
        builder.Property(u => u.DisplayName).HasMaxLength(User.DisplayNameMaxLength);
        builder.Property(u => u.PasswordHash).HasMaxLength(512);
        builder.Property(u => u.OrganismSiren).HasConversion(new SirenConverter()).HasMaxLength(Siren.Length);
        builder.Property(u => u.InstanceCode).HasMaxLength(User.InstanceCodeMaxLength);
        builder.Property(u => u.EmailConfirmationHash).HasMaxLength(64);
        builder.HasIndex(u => u.EmailConfirmationHash).IsUnique();
        builder.HasIndex(u => u.OrganismSiren);
        foreach (var property in new[] { nameof(User.EmailConfirmationExpiresAt), nameof(User.RevokedAt) })
            builder.Property<DateTime?>(property).HasConversion(v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc),
                v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
        builder.OwnsMany(u => u.AuditedOrganisms, a =>
        {
            a.ToTable("UserAuditedOrganisms");
            a.WithOwner().HasForeignKey("UserId");
            a.HasKey("UserId", nameof(AuditedOrganism.Siren));
        });
        builder.Navigation(u => u.AuditedOrganisms).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
