using System.Net;
using Clea.Data.Persistence;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Onboarding;

/// <summary>
/// Issue 11's "done when" scenario, first part: a person signs up over HTTP, confirms the address from the e-mail actually
/// received, signs in (code + PKCE), declares a new organism and invites a colleague who accepts. Each step is a method of
/// <see cref="Scenario"/> so the scenario can be extended (filing an application, a refusal, the next campaign…).
/// </summary>
public sealed class OrganismOnboardingScenarioTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_person_signs_up_confirms_signs_in_declares_an_organism_and_a_colleague_joins(DatabaseProvider provider)
    {
        await using var scenario = await Scenario.StartAsync(provider);
        await scenario.PersonSignsUpAsync();
        await scenario.PersonConfirmsFromTheMailAsync();
        await scenario.PersonSignsInWithCodeAndPkceAsync();
        await scenario.PersonDeclaresTheOrganismAsync();
        await scenario.RegistryDoesNotShowTheOrganismYetAsync();
        await scenario.AdministratorInvitesColleagueAsync();
        await scenario.ColleagueAcceptsFromTheMailAsync();
    }

    /// <summary>The state a scenario carries from step to step (tokens, links), and the steps.</summary>
    internal sealed class Scenario : IAsyncDisposable
    {
        public const string Person = "claire.dubois@horizon-formation.fr";
        public const string Colleague = "paul.morel@horizon-formation.fr";

        private readonly HttpClient _browser;

        private Scenario(OnboardingWorld world)
        {
            World = world;
            _browser = world.Api.CreateBrowser();
        }

        public OnboardingWorld World { get; }
        /// <summary>The person's current access token (after sign-in, then refreshed once they administer the organism).</summary>
        public string? AccessToken { get; private set; }
        public string? RefreshToken { get; private set; }

        public static async Task<Scenario> StartAsync(DatabaseProvider provider) => new(await OnboardingWorld.StartAsync(provider));

        public async Task PersonSignsUpAsync()
        {
            var (status, html) = await OnboardingWorld.SignUpAsync(_browser, Person, "Claire Dubois", OnboardingWorld.Password);
            Assert.True(status == HttpStatusCode.OK, html);
        }

        public async Task PersonConfirmsFromTheMailAsync()
        {
            var link = await World.ConfirmationLinkAsync(Person);
            var (status, html) = await OnboardingWorld.ConfirmAsync(_browser, link);
            Assert.True(status == HttpStatusCode.OK, html);
        }

        public async Task PersonSignsInWithCodeAndPkceAsync()
        {
            var tokens = await World.SignInWithCodeAsync(_browser, Person, OnboardingWorld.Password);
            Assert.True(tokens.Status == HttpStatusCode.OK, tokens.Body);
            (AccessToken, RefreshToken) = (tokens.AccessToken, tokens.RefreshToken);
            Assert.Equal(["registrant"], Jwt.Values(Jwt.Payload(AccessToken!), "role"));
        }

        public async Task PersonDeclaresTheOrganismAsync()
        {
            var declared = await World.Api.PostAsAsync(AccessToken!, OnboardingWorld.Declare, new { input = OnboardingWorld.Declaration() });
            Assert.False(declared.HasErrors, declared.Body);
            // The refresh reloads the account: the new token names the organism and its administrator.
            var refreshed = await World.Api.RefreshAsync(RefreshToken!);
            Assert.True(refreshed.Status == HttpStatusCode.OK, refreshed.Body);
            (AccessToken, RefreshToken) = (refreshed.AccessToken, refreshed.RefreshToken);
            Assert.Equal([OnboardingWorld.Siren], Jwt.Values(Jwt.Payload(AccessToken!), "clea_siren"));
            Assert.Equal(["true"], Jwt.Values(Jwt.Payload(AccessToken!), "clea_organism_admin"));
        }

        public async Task RegistryDoesNotShowTheOrganismYetAsync()
        {
            var anonymous = await World.Api.PostAsync("query($siren: String!) { organism(siren: $siren) { name } }", new { siren = OnboardingWorld.Siren });
            Assert.Equal(System.Text.Json.JsonValueKind.Null, anonymous.Data.GetProperty("organism").ValueKind);
            var own = await World.Api.PostAsAsync(AccessToken!, "{ me { organism { siren name } } }");
            Assert.Equal(OnboardingWorld.Siren, own.Data.GetProperty("me").GetProperty("organism").GetProperty("siren").GetString());
        }

        public async Task AdministratorInvitesColleagueAsync()
        {
            var invited = await World.Api.PostAsAsync(AccessToken!, OnboardingWorld.Invite, new { email = Colleague, role = "ORGANISM_STAFF" });
            Assert.False(invited.HasErrors, invited.Body);
        }

        public async Task ColleagueAcceptsFromTheMailAsync()
        {
            using var colleagueBrowser = World.Api.CreateBrowser();
            var (status, html) = await OnboardingWorld.AcceptAsync(colleagueBrowser, await World.InvitationLinkAsync(Colleague), "Paul Morel", OnboardingWorld.Password);
            Assert.True(status == HttpStatusCode.OK, html);
            var tokens = await World.SignInWithCodeAsync(colleagueBrowser, Colleague, OnboardingWorld.Password);
            Assert.Equal([OnboardingWorld.Siren], Jwt.Values(Jwt.Payload(tokens.AccessToken!), "clea_siren"));
            var accounts = await World.Api.PostAsAsync(AccessToken!, "{ organismAccounts(first: 10) { totalCount } }");
            Assert.Equal(2, accounts.Data.GetProperty("organismAccounts").GetProperty("totalCount").GetInt32());
        }

        public async ValueTask DisposeAsync()
        {
            _browser.Dispose();
            await World.DisposeAsync();
        }
    }
}
