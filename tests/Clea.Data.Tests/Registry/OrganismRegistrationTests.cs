using Clea.Data.Common;
using Clea.Data.Registry;

namespace Clea.Data.Tests.Registry;

/// <summary>The registration rules: identifiers of the declaration, blocking, merging, corrections.</summary>
public sealed class OrganismRegistrationTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("85.59A", "85.59A")]
    [InlineData("8559a", "85.59A")]
    [InlineData(" 85.59 B", "85.59B")]
    public void A_naf_code_is_four_digits_and_a_letter_in_any_usual_writing(string text, string canonical)
        => Assert.Equal(canonical, NafCode.Parse(text));

    [Theory]
    [InlineData("855A")]
    [InlineData("85.591")]
    [InlineData("85.59AB")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_naf_code(string? text)
        => Assert.Equal(OrganismRegistrationErrors.InvalidNafCode, Assert.Throws<DomainRuleException>(() => NafCode.Parse(text)).Code);

    [Theory]
    [InlineData("84691234569", true)]
    [InlineData("84 69 12345 69", true)]
    [InlineData("8469123456", false)] // 10 digits
    [InlineData("846912345690", false)] // 12 digits
    [InlineData("8469123456A", false)]
    public void A_declaration_number_has_exactly_eleven_digits(string text, bool valid)
    {
        if (valid) Assert.Equal(11, DeclarationNumber.Parse(text).Length);
        else Assert.Equal(OrganismRegistrationErrors.InvalidDeclarationNumber, Assert.Throws<DomainRuleException>(() => DeclarationNumber.Parse(text)).Code);
    }

    [Theory]
    [InlineData("69002", "69")]
    [InlineData("06000", "06")]
    [InlineData("97400", "974")]
    [InlineData("20199", "2A")] // last Corse-du-Sud code
    [InlineData("20200", "2B")] // first Haute-Corse code
    public void The_departement_follows_from_the_postal_code(string postalCode, string department)
        => Assert.Equal(department, PostalCodeDepartment.Of(postalCode));

    [Fact]
    public void A_blocked_organism_may_not_act_until_unblocked_and_each_step_says_why()
    {
        var organism = Organism.Register(Siren.Parse("732829320"), "Formation Nouvelle", qualiopi: true);
        organism.EnsureMayAct();
        Assert.Equal(InputErrors.ReasonRequired, Assert.Throws<DomainRuleException>(() => organism.Block("  ", Today)).Code);
        organism.Block("Faux numéro", Today);
        Assert.Equal(OrganismRegistrationErrors.OrganismBlocked, Assert.Throws<DomainRuleException>(organism.EnsureMayAct).Code);
        Assert.Equal(OrganismRegistrationErrors.AlreadyBlocked, Assert.Throws<DomainRuleException>(() => organism.Block("encore", Today)).Code);
        organism.Unblock("Vérifié", Today);
        organism.EnsureMayAct();
        Assert.Equal(OrganismRegistrationErrors.NotBlocked, Assert.Throws<DomainRuleException>(() => organism.Unblock("encore", Today)).Code);
    }

    [Fact]
    public void A_merged_duplicate_acts_no_more_and_one_holding_files_is_not_merged()
    {
        var keep = Organism.Register(Siren.Parse("732829320"), "Formation Nouvelle", qualiopi: true);
        var duplicate = Organism.Register(Siren.Parse("552100554"), "Formation Nouvelle", qualiopi: true);
        var site = duplicate.AddSite(Siret.Compose(duplicate.Siren, 1), "Siège", Address.Create(null, "69002", "Lyon", "69"), Today.AddDays(-3), headOffice: true);

        Assert.Equal(OrganismRegistrationErrors.MergeConflict,
            Assert.Throws<DomainRuleException>(() => duplicate.MergeInto(keep, holdsFiles: true, "Doublon", Today)).Code);
        duplicate.UpdateContacts(Contact.Create("Anne Martin", "anne@formation.fr", null), null, 12, Today);
        duplicate.MergeInto(keep, holdsFiles: false, "Doublon", Today);
        Assert.Equal("anne@formation.fr", keep.MainContact?.Email);
        Assert.Equal(RegistrationStatus.Merged, duplicate.RegistrationStatus);
        Assert.Equal(Today, site.ClosedOn);
        Assert.Equal(OrganismRegistrationErrors.OrganismMerged, Assert.Throws<DomainRuleException>(duplicate.EnsureMayAct).Code);
        Assert.Equal(OrganismRegistrationErrors.OrganismMerged,
            Assert.Throws<DomainRuleException>(() => duplicate.MergeInto(keep, holdsFiles: false, "Encore", Today)).Code);
    }

    [Fact]
    public void A_correction_to_the_recorded_value_changes_nothing()
    {
        var organism = Organism.Register(Siren.Parse("732829320"), "Formation Nouvelle", qualiopi: true, nafCode: "85.59A");
        Assert.False(organism.CorrectNafCode("8559A", "Kbis", Today));
        Assert.False(organism.CorrectName(" Formation Nouvelle ", "Kbis", Today));
        Assert.True(organism.CorrectNafCode("85.59B", "Kbis", Today));
        Assert.Equal("85.59B", organism.NafCode);
    }

    [Fact]
    public void A_qualiopi_certificate_correction_follows_the_declaration_rule_at_its_expiry_boundary()
    {
        var organism = Organism.Register(Siren.Parse("732829320"), "Formation Nouvelle", qualiopi: true, nafCode: "85.59A");
        organism.RecordQualiopiCertificate("Q-2024-001", Today.AddDays(10));
        // Only the expiry given: the number keeps its recorded value; the expiry day itself is still valid.
        Assert.True(organism.CorrectQualiopiCertificate(null, Today, "Certificat renouvelé", Today));
        Assert.Equal(("Q-2024-001", Today), (organism.QualiopiCertificateNumber, organism.QualiopiValidUntil));
        Assert.Equal(Clea.Data.Onboarding.OnboardingErrors.QualiopiCertificateExpired,
            Assert.Throws<DomainRuleException>(() => organism.CorrectQualiopiCertificate("Q-2026-777", Today.AddDays(-1), "x", Today)).Code);
        Assert.Equal(("Q-2024-001", Today), (organism.QualiopiCertificateNumber, organism.QualiopiValidUntil));
        Assert.False(organism.CorrectQualiopiCertificate("Q-2024-001", null, "x", Today));

        var uncertified = Organism.Register(Siren.Parse("732829320"), "Sans Qualiopi", qualiopi: false);
        Assert.Equal(Clea.Data.Onboarding.OnboardingErrors.QualiopiCertificateNotExpected,
            Assert.Throws<DomainRuleException>(() => uncertified.CorrectQualiopiCertificate("Q-1", Today.AddYears(1), "x", Today)).Code);
    }
}
