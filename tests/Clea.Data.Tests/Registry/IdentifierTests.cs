using Clea.Data.Common;
using Clea.Data.Registry;

namespace Clea.Data.Tests.Registry;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("732829320")] // Luhn-valid
    [InlineData("356000000")] // La Poste
    [InlineData("732 829 320")] // spaces as printed on documents
    public void A_nine_digit_siren_that_passes_luhn_is_accepted(string text)
        => Assert.Equal(text.Replace(" ", ""), Siren.Parse(text).Value);

    [Theory]
    [InlineData("732829321", "Luhn")]
    [InlineData("73282932", "exactly 9 digits")]
    [InlineData("7328293200", "exactly 9 digits")]
    [InlineData("73282932A", "exactly 9 digits")]
    [InlineData("", "exactly 9 digits")]
    [InlineData(null, "exactly 9 digits")]
    public void A_malformed_siren_is_refused_with_a_reason(string? text, string reason)
    {
        var error = Assert.Throws<DomainRuleException>(() => Siren.Parse(text));
        Assert.Equal(RegistryErrors.InvalidSiren, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("73282932000074")] // Luhn-valid over 14 digits
    [InlineData("35600000000001")] // La Poste: digit sum multiple of 5, not Luhn
    public void A_valid_siret_is_accepted_and_knows_its_siren(string text)
        => Assert.Equal(text[..9], Siret.Parse(text).Siren.Value);

    [Theory]
    [InlineData("73282932000075")]
    [InlineData("35600000000002")]
    [InlineData("7328293200007")]
    [InlineData("7328293200007X")]
    [InlineData("73282932100007")] // Luhn-valid over 14 digits, but its SIREN 732829321 is not
    public void A_malformed_siret_is_refused(string text)
        => Assert.Equal(RegistryErrors.InvalidSiret, Assert.Throws<DomainRuleException>(() => Siret.Parse(text)).Code);

    [Fact]
    public void Compose_builds_a_valid_siret_of_the_given_siren()
    {
        var siren = Siren.Parse("732829320");
        for (var n = 1; n < 50; n++)
        {
            var siret = Siret.Compose(siren, n);
            Assert.Equal(siren, siret.Siren);
            Assert.True(Siret.TryParse(siret.Value, out _, out _));
        }
    }

    [Theory]
    [InlineData("75011", "75")]
    [InlineData("20000", "2A")]
    [InlineData("20200", "2B")]
    [InlineData("97400", "974")]
    [InlineData("01000", "01")]
    public void A_postal_code_of_the_departement_is_accepted(string postalCode, string department)
        => Assert.Equal(department, Address.Create(null, postalCode, "Ville", department).DepartmentCode);

    [Theory]
    [InlineData("69001", "75", RegistryErrors.PostalCodeOutsideDepartment)]
    [InlineData("97100", "974", RegistryErrors.PostalCodeOutsideDepartment)]
    [InlineData("7501", "75", RegistryErrors.InvalidPostalCode)]
    [InlineData("75O11", "75", RegistryErrors.InvalidPostalCode)]
    public void A_postal_code_outside_its_departement_or_malformed_is_refused(string postalCode, string department, string code)
        => Assert.Equal(code, Assert.Throws<DomainRuleException>(() => Address.Create(null, postalCode, "Ville", department)).Code);

    [Fact]
    public void Search_text_folds_accents_case_and_punctuation()
    {
        Assert.Equal("besancon formation", SearchText.Normalize("  BESANÇON — Formation "));
        Assert.Equal("l oeuvre de l ecole", SearchText.Normalize("L'Œuvre de l’École"));
    }
}
