using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clea.Data.Registry;

internal sealed class OrganismConfiguration : IEntityTypeConfiguration<Organism>
{
    public void Configure(EntityTypeBuilder<Organism> builder)
    {
        builder.HasIndex(o => o.Siren).IsUnique();
        builder.Property(o => o.Name).HasMaxLength(Organism.NameMaxLength);
        builder.Property(o => o.NameSearch).HasMaxLength(Organism.NameMaxLength);
        builder.HasIndex(o => new { o.NameSearch, o.Id });
        builder.Property(o => o.NafCode).HasMaxLength(6);
        builder.Property(o => o.DeclarationNumber).HasMaxLength(11);
        builder.Property(o => o.QualiopiCertificateNumber).HasMaxLength(50);
        builder.HasMany(o => o.Sites).WithOne(s => s.Organism).HasForeignKey(s => s.OrganismId);
        builder.HasMany(o => o.Habilitations).WithOne(h => h.Organism).HasForeignKey(h => h.OrganismId);
        builder.Navigation(o => o.Sites).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(o => o.Habilitations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.ComplexProperty(o => o.MainContact, c => ConfigureContact(c, "Main"));
        builder.ComplexProperty(o => o.BillingContact, c => ConfigureContact(c, "Billing"));
        // Not owned: an owned collection is joined to every query of organisms, public registry reads included. The
        // turnover is loaded only where it is used (Include in CallerOrganism and FileApplication, a loader for the profile).
        builder.HasMany(o => o.Turnover).WithOne().HasForeignKey(t => t.OrganismId);
        builder.Navigation(o => o.Turnover).UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    private static void ConfigureContact(ComplexPropertyBuilder<Contact> contact, string prefix)
    {
        contact.Property(c => c.Name).HasMaxLength(Contact.NameMaxLength).HasColumnName(prefix + "ContactName");
        contact.Property(c => c.Email).HasMaxLength(Contact.EmailMaxLength).HasColumnName(prefix + "ContactEmail");
        contact.Property(c => c.Phone).HasMaxLength(Contact.PhoneMaxLength).HasColumnName(prefix + "ContactPhone");
    }
}

internal sealed class AnnualTurnoverConfiguration : IEntityTypeConfiguration<AnnualTurnover>
{
    public void Configure(EntityTypeBuilder<AnnualTurnover> builder)
    {
        builder.ToTable("AnnualTurnovers");
        builder.HasKey(t => new { t.OrganismId, t.Year });
        builder.Property(x => x.AmountEuros).HasPrecision(14, 2);
    }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.HasIndex(s => s.Siret).IsUnique();
        builder.HasIndex(s => s.OrganismId);
        builder.Property(s => s.Name).HasMaxLength(Site.NameMaxLength);
        builder.ComplexProperty(s => s.Address, address =>
        {
            address.Property(a => a.Street).HasMaxLength(Address.StreetMaxLength).HasColumnName("Street");
            address.Property(a => a.PostalCode).HasMaxLength(5).HasColumnName("PostalCode");
            address.Property(a => a.City).HasMaxLength(Address.CityMaxLength).HasColumnName("City");
            address.Property(a => a.CitySearch).HasMaxLength(Address.CityMaxLength).HasColumnName("CitySearch");
            address.Property(a => a.DepartmentCode).HasMaxLength(3).HasColumnName("DepartmentCode");
        });
    }
}
