using Clea.Data.Common;
using Clea.Data.Registry;

namespace Clea.Data.Tests.Registry;

public sealed class OrganismTests
{
    private static readonly Siren Siren = Siren.Parse("732829320");
    private static readonly Address Lyon = Address.Create("1 rue de la République", "69001", "Lyon", "69");

    [Fact]
    public void A_site_of_the_organisms_own_siren_is_listed()
    {
        var organism = Organism.Register(Siren, "Atelier Lyon", qualiopi: true);
        var site = organism.AddSite(Siret.Compose(Siren, 1), "Siège", Lyon, new DateOnly(2024, 1, 1), headOffice: true);
        Assert.Same(site, Assert.Single(organism.Sites));
    }

    [Fact]
    public void A_site_of_another_siren_is_refused()
    {
        var organism = Organism.Register(Siren, "Atelier Lyon", qualiopi: true);
        var other = Siret.Compose(Siren.Parse("552100554"), 1);
        var error = Assert.Throws<DomainRuleException>(() => organism.AddSite(other, "Ailleurs", Lyon, new DateOnly(2024, 1, 1)));
        Assert.Equal(RegistryErrors.SiteOfAnotherSiren, error.Code);
        Assert.Empty(organism.Sites);
    }

    [Fact]
    public void The_same_siret_cannot_be_listed_twice()
    {
        var organism = Organism.Register(Siren, "Atelier Lyon", qualiopi: true);
        organism.AddSite(Siret.Compose(Siren, 1), "Siège", Lyon, new DateOnly(2024, 1, 1));
        Assert.Equal(RegistryErrors.SiteAlreadyListed,
            Assert.Throws<DomainRuleException>(() => organism.AddSite(Siret.Compose(Siren, 1), "Bis", Lyon, new DateOnly(2024, 1, 1))).Code);
    }

    [Fact]
    public void A_closed_site_is_open_until_the_day_before_its_closing_date()
    {
        var organism = Organism.Register(Siren, "Atelier Lyon", qualiopi: true);
        var site = organism.AddSite(Siret.Compose(Siren, 1), "Siège", Lyon, new DateOnly(2024, 1, 1));
        site.Close(new DateOnly(2025, 6, 1));
        Assert.False(site.IsOpenOn(new DateOnly(2023, 12, 31)));
        Assert.True(site.IsOpenOn(new DateOnly(2024, 1, 1)));
        Assert.True(site.IsOpenOn(new DateOnly(2025, 5, 31)));
        Assert.False(site.IsOpenOn(new DateOnly(2025, 6, 1)));
        Assert.Equal(RegistryErrors.SiteAlreadyClosed, Assert.Throws<DomainRuleException>(() => site.Close(new DateOnly(2025, 7, 1))).Code);
    }

    [Fact]
    public void An_organism_needs_a_name_and_its_search_text_is_folded()
    {
        Assert.Equal(RegistryErrors.NameRequired, Assert.Throws<DomainRuleException>(() => Organism.Register(Siren, "  ", true)).Code);
        Assert.Equal("ecole des metiers", Organism.Register(Siren, "École des Métiers", true).NameSearch);
    }
}
