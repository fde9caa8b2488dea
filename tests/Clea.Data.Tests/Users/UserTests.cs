using Clea.Data.Common;
using Clea.Data.Users;

namespace Clea.Data.Tests.Users;

public sealed class UserTests
{
    private const string Hash = "AQAAAAIAAYagAAAAEexample";

    [Fact]
    public void An_organism_staff_member_carries_the_parsed_siren_of_their_organism()
    {
        var user = User.Create("  Marie@Exemple.FR ", "Marie", Hash, UserRole.OrganismStaff, organismSiren: "732 829 320");
        Assert.Equal("marie@exemple.fr", user.Email);
        Assert.Equal("732829320", user.OrganismSiren?.Value);
        Assert.Null(user.InstanceCode);
    }

    [Theory]
    [InlineData(null, UserErrors.OrganismRequired)]
    [InlineData("123456789", "INVALID_SIREN")]
    [InlineData("12345", "INVALID_SIREN")]
    public void An_organism_staff_member_needs_a_valid_siren(string? siren, string code)
        => AssertRule(code, () => User.Create("a@b.fr", "A", Hash, UserRole.OrganismStaff, organismSiren: siren));

    [Fact]
    public void An_instance_staff_member_needs_an_instance_code()
    {
        AssertRule(UserErrors.InstanceRequired, () => User.Create("a@b.fr", "A", Hash, UserRole.InstanceStaff));
        Assert.Equal("CERTIF_PRO", User.Create("a@b.fr", "A", Hash, UserRole.InstanceStaff, instanceCode: " certif_pro ").InstanceCode);
    }

    [Fact]
    public void An_auditor_has_no_stored_scope_their_access_follows_their_audits()
    {
        var auditor = User.Create("a@b.fr", "A", Hash, UserRole.Auditor);
        Assert.Equal(UserRole.Auditor, auditor.Role);
        Assert.Null(auditor.OrganismSiren);
        Assert.Null(auditor.InstanceCode);
    }

    [Fact]
    public void A_role_carries_no_scope_of_another_role()
    {
        AssertRule(UserErrors.ScopeNotAllowed, () => User.Create("a@b.fr", "A", Hash, UserRole.Administrator, organismSiren: "732829320"));
        AssertRule(UserErrors.ScopeNotAllowed, () => User.Create("a@b.fr", "A", Hash, UserRole.OrganismStaff, "732829320", instanceCode: "CERTIF_PRO"));
        AssertRule(UserErrors.ScopeNotAllowed, () => User.Create("a@b.fr", "A", Hash, UserRole.InstanceStaff, organismSiren: "732829320", instanceCode: "CERTIF_PRO"));
        AssertRule(UserErrors.ScopeNotAllowed, () => User.Create("a@b.fr", "A", Hash, UserRole.Auditor, organismSiren: "732829320"));
        AssertRule(UserErrors.ScopeNotAllowed, () => User.Create("a@b.fr", "A", Hash, UserRole.Auditor, instanceCode: "CERTIF_PRO"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("Marie <marie@exemple.fr>")]
    public void An_email_address_must_be_plain_and_valid(string email)
        => AssertRule(UserErrors.InvalidEmail, () => User.Create(email, "A", Hash, UserRole.Administrator));

    [Fact]
    public void A_user_needs_a_display_name_and_a_password_hash()
    {
        AssertRule(UserErrors.DisplayNameRequired, () => User.Create("a@b.fr", " ", Hash, UserRole.Administrator));
        AssertRule(UserErrors.PasswordHashRequired, () => User.Create("a@b.fr", "A", "", UserRole.Administrator));
    }

    private static void AssertRule(string code, Action act) => Assert.Equal(code, Assert.Throws<DomainRuleException>(act).Code);
}
