using Clea.Data.Common;
using Clea.Data.Registry;

namespace Clea.Data.Tests.Registry;

public sealed class OrganismProfileTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly Siren Siren = Siren.Parse("732829320");

    private static Organism NewOrganism() => Organism.Register(Siren, "Atelier", qualiopi: true);

    private static string CodeOf(Action action) => Assert.Throws<DomainRuleException>(action).Code;

    [Theory]
    [InlineData("", "a@b.fr", null)]
    [InlineData("Anne", "not-an-email", null)]
    [InlineData("Anne", "anne@localhost", null)]
    [InlineData("Anne", "Anne <anne@b.fr>", null)]
    [InlineData("Anne", "anne@b.fr", "12 34")]
    [InlineData("Anne", "anne@b.fr", "01 23 45 67 89 ext")]
    public void A_contact_needs_a_name_a_usable_email_and_a_phone_made_of_digits(string name, string email, string? phone)
        => Assert.Equal(RegistryErrors.InvalidContact, CodeOf(() => Contact.Create(name, email, phone)));

    [Fact]
    public void Updating_contacts_records_the_day_and_keeps_values_trimmed()
    {
        var organism = NewOrganism();
        organism.UpdateContacts(Contact.Create(" Anne Martin ", "anne.martin@atelier.fr", "+33 1 23 45 67 89"), null, 12, Today);
        Assert.Equal("Anne Martin", organism.MainContact!.Name);
        Assert.Null(organism.BillingContact);
        Assert.Equal(12, organism.Headcount);
        Assert.Equal(Today, organism.ContactsUpdatedOn);
        Assert.Equal(RegistryErrors.InvalidHeadcount, CodeOf(() => organism.UpdateContacts(organism.MainContact, null, -1, Today)));
    }

    [Fact]
    public void Turnover_is_declared_for_closed_years_of_the_last_ten_and_a_second_declaration_corrects_it()
    {
        var organism = NewOrganism();
        organism.DeclareTurnover(2025, 120_000.50m, Today);
        organism.DeclareTurnover(2016, 1m, Today);
        organism.DeclareTurnover(2025, 130_000m, Today);
        Assert.Equal(130_000m, organism.Turnover.Single(t => t.Year == 2025).AmountEuros);
        Assert.Equal(2, organism.Turnover.Count);
        Assert.Equal(RegistryErrors.InvalidTurnover, CodeOf(() => organism.DeclareTurnover(2026, 1m, Today)));
        Assert.Equal(RegistryErrors.InvalidTurnover, CodeOf(() => organism.DeclareTurnover(2015, 1m, Today)));
        Assert.Equal(RegistryErrors.InvalidTurnover, CodeOf(() => organism.DeclareTurnover(2024, -1m, Today)));
        Assert.Equal(RegistryErrors.InvalidTurnover, CodeOf(() => organism.DeclareTurnover(2024, 1.001m, Today)));
    }

    [Fact]
    public void A_site_closes_after_its_opening_day_once_and_only_if_it_is_listed()
    {
        var organism = NewOrganism();
        var address = Address.Create("1 rue de la Paix", "75002", "Paris", "75");
        var site = organism.AddSite(Siret.Compose(Siren, 1), "Siège", address, Today.AddYears(-1), headOffice: true);
        Assert.Equal(RegistryErrors.SiteClosedBeforeOpening, CodeOf(() => organism.CloseSite(site.Siret, site.OpenedOn)));
        Assert.Equal(RegistryErrors.SiteNotListed, CodeOf(() => organism.CloseSite(Siret.Compose(Siren, 2), Today)));

        organism.CloseSite(site.Siret, site.OpenedOn.AddDays(1));
        Assert.True(site.IsOpenOn(site.OpenedOn));
        Assert.False(site.IsOpenOn(site.OpenedOn.AddDays(1)));
        Assert.Equal(RegistryErrors.SiteAlreadyClosed, CodeOf(() => organism.CloseSite(site.Siret, Today)));
    }
}
