using Clea.Data.Common;
using Clea.Data.Instances;
using Clea.Data.Onboarding;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Data.Users;

namespace Clea.Data.Tests.Onboarding;

/// <summary>The onboarding rules at their boundaries, without a database.</summary>
public sealed class OnboardingRuleTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_confirmation_link_works_at_its_expiry_instant_then_never_again()
    {
        var user = User.SignUp("claire@horizon.fr", "Claire", "hash", SecretToken.Hash("t"), Now.AddHours(24));
        Assert.False(user.MaySignIn);
        user.ConfirmEmail(Now.AddHours(24));
        Assert.True(user.MaySignIn);
        Assert.Equal(UserErrors.ConfirmationLinkInvalid, Assert.Throws<DomainRuleException>(() => user.ConfirmEmail(Now)).Code);
    }

    [Fact]
    public void A_confirmation_link_one_tick_past_its_expiry_is_refused()
    {
        var user = User.SignUp("claire@horizon.fr", "Claire", "hash", SecretToken.Hash("t"), Now.AddHours(24));
        Assert.Equal(UserErrors.ConfirmationLinkExpired, Assert.Throws<DomainRuleException>(() => user.ConfirmEmail(Now.AddHours(24).AddTicks(1))).Code);
    }

    [Fact]
    public void Only_a_registrant_becomes_an_organism_administrator_and_a_revoked_account_may_not_sign_in()
    {
        var user = User.Create("claire@horizon.fr", "Claire", "hash", UserRole.Registrant);
        user.BecomeOrganismAdministrator(Siren.Parse("812345676"));
        Assert.Equal((UserRole.OrganismAdministrator, "812345676"), (user.Role, user.OrganismSiren!.Value.Value));
        Assert.Equal(UserErrors.NotARegistrant, Assert.Throws<DomainRuleException>(() => user.BecomeOrganismAdministrator(Siren.Parse("812345684"))).Code);
        user.Revoke(Now);
        Assert.False(user.MaySignIn);
        Assert.Equal(UserErrors.ScopeNotAllowed, Assert.Throws<DomainRuleException>(
            () => User.Create("x@horizon.fr", "X", "hash", UserRole.Registrant, organismSiren: "812345676")).Code);
    }

    [Fact]
    public void An_invitation_is_pending_up_to_its_expiry_instant_and_used_once()
    {
        var invitation = Invitation.Issue(1, "Paul@Horizon.fr", UserRole.OrganismStaff, 7, SecretToken.Hash("t"), Now, TimeSpan.FromDays(7));
        Assert.Equal("paul@horizon.fr", invitation.Email);
        Assert.Equal(InvitationStatus.Pending, invitation.StatusAt(Now.AddDays(7)));
        Assert.Equal(InvitationStatus.Expired, invitation.StatusAt(Now.AddDays(7).AddTicks(1)));
        Assert.Equal(OnboardingErrors.InvitationLinkExpired, Assert.Throws<DomainRuleException>(() => invitation.Accept(Now.AddDays(7).AddTicks(1))).Code);
        invitation.Accept(Now.AddDays(7));
        Assert.Equal(OnboardingErrors.InvitationLinkInvalid, Assert.Throws<DomainRuleException>(() => invitation.Accept(Now.AddDays(7))).Code);
        Assert.Equal(OnboardingErrors.InvitationNotPending, Assert.Throws<DomainRuleException>(() => invitation.Revoke(Now)).Code);
        Assert.Equal(OnboardingErrors.InvitationRoleNotAllowed, Assert.Throws<DomainRuleException>(
            () => Invitation.Issue(1, "x@horizon.fr", UserRole.Administrator, 7, "h", Now, TimeSpan.FromDays(7))).Code);
    }

    [Fact]
    public void A_qualiopi_certificate_is_valid_through_its_expiry_day()
    {
        var today = new DateOnly(2026, 11, 24);
        Assert.Equal(("Q-1", today), DeclarationRules.Qualiopi(true, " Q-1 ", today, today));
        Assert.Equal(OnboardingErrors.QualiopiCertificateExpired, Assert.Throws<DomainRuleException>(() => DeclarationRules.Qualiopi(true, "Q-1", today.AddDays(-1), today)).Code);
        Assert.Equal(OnboardingErrors.QualiopiCertificateRequired, Assert.Throws<DomainRuleException>(() => DeclarationRules.Qualiopi(true, null, today, today)).Code);
        Assert.Equal(OnboardingErrors.QualiopiCertificateRequired, Assert.Throws<DomainRuleException>(() => DeclarationRules.Qualiopi(true, "Q-1", null, today)).Code);
        Assert.Equal(OnboardingErrors.QualiopiCertificateNotExpected, Assert.Throws<DomainRuleException>(() => DeclarationRules.Qualiopi(false, "Q-1", null, today)).Code);
        Assert.Equal((null, null), DeclarationRules.Qualiopi(false, " ", null, today));
    }

    [Theory]
    [InlineData("69002", "69")]
    [InlineData("01000", "01")]
    [InlineData("20000", "2A")]
    [InlineData("20199", "2A")]
    [InlineData("20200", "2B")]
    [InlineData("20600", "2B")]
    [InlineData("97400", "974")]
    [InlineData("97600", "976")]
    public async Task A_postal_code_gives_its_departement(string postalCode, string department)
        => Assert.Equal(department, await PostalCodes.DepartmentOfAsync(new Departments(), postalCode, CancellationToken.None));

    [Theory]
    [InlineData("96000")]
    [InlineData("00100")]
    [InlineData("97800")]
    [InlineData("98000")]
    public async Task A_postal_code_of_no_known_departement_is_refused(string postalCode)
        => Assert.Equal(OnboardingErrors.UnknownPostalCode, (await Assert.ThrowsAsync<DomainRuleException>(
            () => PostalCodes.DepartmentOfAsync(new Departments(), postalCode, CancellationToken.None))).Code);

    /// <summary>The départements of the reference data that these tests need (97x: 971–976 only).</summary>
    private sealed class Departments : IReferenceCatalog
    {
        private static readonly HashSet<string> Known = ["01", "69", "2A", "2B", "971", "972", "973", "974", "976"];

        public Task<bool> DepartmentExistsAsync(string code, CancellationToken ct = default) => Task.FromResult(Known.Contains(code));
        public Task<Certification> CertificationAsync(CertificationCode code, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<Instance?> FindInstanceAsync(string code, CancellationToken ct = default) => throw new NotSupportedException();
        public Task<bool> RegionExistsAsync(string code, CancellationToken ct = default) => throw new NotSupportedException();
    }
}
