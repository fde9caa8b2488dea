using System.Net;
using Clea.Data.Persistence;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Onboarding;

/// <summary>Invitations (single-use, expiring), the organism's accounts (paged), revocation and the last-administrator rule.</summary>
public sealed class InvitationTests
{
    private const string Admin = "claire.dubois@horizon-formation.fr";
    private const string Colleague = "paul.morel@horizon-formation.fr";
    private const string Accounts = "{ organismAccounts(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { id email role revokedAt } } }";
    private const string Invitations = "{ organismInvitations(first: 10) { totalCount nodes { id email role status } } }";
    private const string RevokeAccount = "mutation($id: ID!) { revokeOrganismAccount(id: $id) { email revokedAt } }";
    private const string RevokeInvitation = "mutation($id: ID!) { revokeInvitation(id: $id) { status } }";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_invited_colleague_sets_a_password_once_and_joins_with_the_invited_role(DatabaseProvider provider)
    {
        await using var world = await OnboardingWorld.StartAsync(provider);
        var admin = await world.AdministratorAsync(Admin);
        var invited = await world.Api.PostAsAsync(admin, OnboardingWorld.Invite, new { email = Colleague, role = "ORGANISM_STAFF" });
        Assert.False(invited.HasErrors, invited.Body);
        Assert.Equal("PENDING", invited.Data.GetProperty("inviteColleague").GetProperty("status").GetString());

        var link = await world.InvitationLinkAsync(Colleague);
        using var browser = world.Api.CreateBrowser();
        Assert.Contains("Zéphyrin Compétences", WebUtility.HtmlDecode(await browser.GetStringAsync(link)), StringComparison.Ordinal);
        var weak = await OnboardingWorld.AcceptAsync(browser, link, "Paul Morel", "paul.morel-2026");
        Assert.Equal((HttpStatusCode.BadRequest, "PASSWORD_CONTAINS_EMAIL"), (weak.Status, OnboardingWorld.CodeIn(weak.Html)));
        Assert.Equal(HttpStatusCode.OK, (await OnboardingWorld.AcceptAsync(browser, link, "Paul Morel", OnboardingWorld.Password)).Status);
        // Used once: the page itself now refuses the link.
        using (var again = await browser.GetAsync(link))
            Assert.Equal("INVITATION_LINK_INVALID", OnboardingWorld.CodeIn(await again.Content.ReadAsStringAsync()));

        var colleague = Jwt.Payload(await world.TokenAsync(Colleague));
        Assert.Equal(["organism"], Jwt.Values(colleague, "role"));
        Assert.Equal([OnboardingWorld.Siren], Jwt.Values(colleague, "clea_siren"));
        Assert.Empty(Jwt.Values(colleague, "clea_organism_admin"));

        // Paged: two accounts, one per page; the invitation is accepted.
        var page = (await world.Api.PostAsAsync(admin, Accounts)).Data.GetProperty("organismAccounts");
        Assert.Equal((2, true), (page.GetProperty("totalCount").GetInt32(), page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()));
        Assert.Equal(Admin, page.GetProperty("nodes")[0].GetProperty("email").GetString());
        var next = await world.Api.PostAsAsync(admin, "query($after: String) { organismAccounts(first: 1, after: $after) { nodes { email role } } }",
            new { after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString() });
        Assert.Equal((Colleague, "ORGANISM_STAFF"), (next.Data.GetProperty("organismAccounts").GetProperty("nodes")[0].GetProperty("email").GetString(),
            next.Data.GetProperty("organismAccounts").GetProperty("nodes")[0].GetProperty("role").GetString()));
        var invitations = (await world.Api.PostAsAsync(admin, Invitations)).Data.GetProperty("organismInvitations");
        Assert.Equal("ACCEPTED", invitations.GetProperty("nodes")[0].GetProperty("status").GetString());

        // Staff may not manage accounts: the policy refuses before anything runs.
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await world.Api.PostAsAsync(await world.TokenAsync(Colleague), Invitations)).ErrorCodes);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_invitation_works_up_to_its_expiry_instant_and_a_revoked_one_not_at_all(DatabaseProvider provider)
    {
        await using var world = await OnboardingWorld.StartAsync(provider);
        var admin = await world.AdministratorAsync(Admin);
        await world.Api.PostAsAsync(admin, OnboardingWorld.Invite, new { email = Colleague, role = "ORGANISM_STAFF" });
        var link = await world.InvitationLinkAsync(Colleague);
        using var browser = world.Api.CreateBrowser();

        world.Api.Clock.Advance(TimeSpan.FromDays(7)); // the expiry instant: still valid
        using (var page = await browser.GetAsync(link)) Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        world.Api.Clock.Advance(TimeSpan.FromSeconds(1));
        using (var late = await browser.GetAsync(link))
            Assert.Equal((HttpStatusCode.BadRequest, "INVITATION_LINK_EXPIRED"), (late.StatusCode, OnboardingWorld.CodeIn(await late.Content.ReadAsStringAsync())));
        var admin2 = await world.TokenAsync(Admin); // a week later: a new access token
        var listed = (await world.Api.PostAsAsync(admin2, Invitations)).Data.GetProperty("organismInvitations").GetProperty("nodes")[0];
        Assert.Equal("EXPIRED", listed.GetProperty("status").GetString());

        // A new invitation, revoked before use: its link no longer opens anything.
        var second = await world.Api.PostAsAsync(admin2, OnboardingWorld.Invite, new { email = Colleague, role = "ORGANISM_ADMINISTRATOR" });
        var secondLink = await world.InvitationLinkAsync(Colleague);
        var revoked = await world.Api.PostAsAsync(admin2, RevokeInvitation, new { id = second.Data.GetProperty("inviteColleague").GetProperty("id").GetString() });
        Assert.Equal("REVOKED", revoked.Data.GetProperty("revokeInvitation").GetProperty("status").GetString());
        using (var page = await browser.GetAsync(secondLink))
            Assert.Equal("INVITATION_LINK_INVALID", OnboardingWorld.CodeIn(await page.Content.ReadAsStringAsync()));
        Assert.Equal(["INVITATION_NOT_PENDING"], (await world.Api.PostAsAsync(admin2, RevokeInvitation,
            new { id = second.Data.GetProperty("inviteColleague").GetProperty("id").GetString() })).ErrorCodes);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_revoked_account_can_no_longer_sign_in_nor_refresh_and_the_last_administrator_stays(DatabaseProvider provider)
    {
        await using var world = await OnboardingWorld.StartAsync(provider);
        var admin = await world.AdministratorAsync(Admin);
        await world.ColleagueAsync(admin, Colleague);
        var colleagueTokens = await world.Api.PasswordAsync(Colleague, OnboardingWorld.Password);

        var accounts = (await world.Api.PostAsAsync(admin, "{ organismAccounts(first: 10) { nodes { id email } } }")).Data
            .GetProperty("organismAccounts").GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("email").GetString()!, n => n.GetProperty("id").GetString()!);

        // The last active administrator cannot revoke themselves.
        Assert.Equal(["LAST_ORGANISM_ADMINISTRATOR"], (await world.Api.PostAsAsync(admin, RevokeAccount, new { id = accounts[Admin] })).ErrorCodes);

        var revoked = await world.Api.PostAsAsync(admin, RevokeAccount, new { id = accounts[Colleague] });
        Assert.False(revoked.HasErrors, revoked.Body);
        Assert.Equal("invalid_grant", (await world.Api.PasswordAsync(Colleague, OnboardingWorld.Password)).Error);
        Assert.Equal("invalid_grant", (await world.Api.RefreshAsync(colleagueTokens.RefreshToken!)).Error);
        using var browser = world.Api.CreateBrowser();
        var login = await OnboardingWorld.SubmitAsync(browser, "/account/login", "/account/login",
            new Dictionary<string, string> { ["returnUrl"] = "/", ["email"] = Colleague, ["password"] = OnboardingWorld.Password });
        Assert.Equal(HttpStatusCode.Forbidden, login.Status);

        // With a second administrator, the first may leave; their still-valid access token then manages nothing.
        await world.ColleagueAsync(admin, "lea.roux@horizon-formation.fr", "ORGANISM_ADMINISTRATOR");
        Assert.False((await world.Api.PostAsAsync(admin, RevokeAccount, new { id = accounts[Admin] })).HasErrors);
        Assert.Equal(["NOT_ORGANISM_ADMINISTRATOR"], (await world.Api.PostAsAsync(admin, OnboardingWorld.Invite,
            new { email = "x.y@horizon-formation.fr", role = "ORGANISM_STAFF" })).ErrorCodes);
        // Another organism's account is "not found".
        Assert.Equal(["ACCOUNT_NOT_FOUND"], (await world.Api.PostAsAsync(await world.TokenAsync("lea.roux@horizon-formation.fr"), RevokeAccount,
            new { id = Clea.Graph.Common.GlobalId.Encode("OrganismAccount", 1) })).ErrorCodes);
    }
}
