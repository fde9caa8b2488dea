using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clea.Data.Referentials;

internal sealed class CertificationConfiguration : IEntityTypeConfiguration<Certification>
{
    public void Configure(EntityTypeBuilder<Certification> builder)
    {
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.RsCode).HasMaxLength(16);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.ReferentialVersion).HasMaxLength(32);
        builder.HasMany(c => c.Domains).WithOne().HasForeignKey(d => d.CertificationId);
        builder.Navigation(c => c.Domains).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReferentialDomainConfiguration : IEntityTypeConfiguration<ReferentialDomain>
{
    public void Configure(EntityTypeBuilder<ReferentialDomain> builder)
    {
        builder.Property(d => d.Code).HasMaxLength(8);
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.HasIndex(d => new { d.CertificationId, d.Code }).IsUnique();
        builder.HasMany(d => d.SubDomains).WithOne().HasForeignKey(s => s.DomainId);
        builder.Navigation(d => d.SubDomains).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SubDomainConfiguration : IEntityTypeConfiguration<SubDomain>
{
    public void Configure(EntityTypeBuilder<SubDomain> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(8);
        builder.HasIndex(s => new { s.DomainId, s.Code }).IsUnique();
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(2);
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.HasMany(r => r.Departments).WithOne(d => d.Region).HasForeignKey(d => d.RegionCode);
        builder.Navigation(r => r.Departments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(3);
        builder.Property(d => d.Name).HasMaxLength(100);
    }
}
