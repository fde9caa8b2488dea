using System.Net;
using Clea.Data.Persistence;
using Clea.Graph.Tests.Support;
using Clea.Graph.Tests.Applications;
using Clea.Testing;
using static Clea.Graph.Tests.Applications.ApplicationApi;

namespace Clea.Graph.Tests.Onboarding;

/// <summary>
/// Issue 11's "done when" scenario: a person signs up over HTTP, confirms the address from the e-mail actually received,
/// signs in (code + PKCE), declares a new organism and invites a colleague who accepts; the organism adds a second site
/// and files with both sites in an open campaign, is refused, cannot re-file in that campaign, files in the next one and
/// is accepted. The registry shows nothing of the organism before the first decision, and the habilitation after the
/// acceptance. Each step is a method of <see cref="Scenario"/>.
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
        await scenario.OrganismOpensASecondSiteAsync();
        await scenario.OrganismFilesWithBothSitesAsync("CP-MGT-A");
        await scenario.RegistryShowsNothingAsync();
        await scenario.InstanceDecidesAsync(meetingOn: "2027-02-18", accept: false);
        await scenario.RefilingInTheSameCampaignIsRefusedAsync("CP-MGT-A");
        await scenario.OrganismDeclaresTurnoverAsync(2026); // filed in 2027: the last three years are 2024–2026
        await scenario.OrganismFilesWithBothSitesAsync("CP-MGT-NEXT");
        await scenario.VerificationSaysNotHabilitatedAsync();
        await scenario.InstanceDecidesAsync(meetingOn: "2027-09-02", accept: true);
        await scenario.RegistryShowsTheHabilitationAsync();
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

        public const string SecondSite = "81234567600025";
        private const string Verify = "query($siren: String!) { verifyHabilitation(siren: $siren, certification: CLEA_MANAGEMENT) { habilitated status organism { name } } }";
        private const string Counts = "{ applications(first: 10) { totalCount } }";

        private string? _application;

        public async Task OrganismOpensASecondSiteAsync()
        {
            var staff = await World.Api.CertifProAsync();
            // A campaign open now (its meeting in February) and the next one of the same Instance and certification.
            await World.Api.OkAsync(staff, CreateCampaign, new { input = CampaignInput("CP-MGT-A", "2026-11-24", "2027-03-31", "2027-02-18") });
            await World.Api.OkAsync(staff, CreateCampaign, new { input = CampaignInput("CP-MGT-NEXT", "2026-11-25", "2027-06-30", "2027-09-02") });
            await World.Api.OkAsync(AccessToken!, """
                mutation { addSite(input: { siret: "81234567600025", name: "Zéphyrin Villeurbanne", street: "3 cours Émile Zola",
                  postalCode: "69100", city: "Villeurbanne", department: "69" }) { siret } }
                """);
            foreach (var year in new[] { 2023, 2024, 2025 }) await OrganismDeclaresTurnoverAsync(year);
        }

        public Task OrganismDeclaresTurnoverAsync(int year)
            => World.Api.OkAsync(AccessToken!, "mutation($y: Int!) { declareTurnover(year: $y, amountEuros: 180000) { siren } }", new { y = year });

        public async Task OrganismFilesWithBothSitesAsync(string campaign)
        {
            var input = await FileInputAsync(World.Api, campaign);
            var filed = await World.Api.OkAsync(AccessToken!, "mutation($input: FileApplicationInput!) { fileApplication(input: $input) { id status administrative { candidates { siren sites { siret } } } } }",
                new { input });
            var application = filed.GetProperty("fileApplication");
            Assert.Equal("FILED", application.GetProperty("status").GetString());
            var sites = Assert.Single(application.GetProperty("administrative").GetProperty("candidates").EnumerateArray()).GetProperty("sites").EnumerateArray()
                .Select(s => s.GetProperty("siret").GetString()!).Order().ToArray();
            Assert.Equal([OnboardingWorld.HeadOffice, SecondSite], sites);
            _application = application.GetProperty("id").GetString();
        }

        public async Task RegistryShowsNothingAsync()
        {
            var anonymous = await World.Api.PostAsync("query($siren: String!) { organism(siren: $siren) { name } " +
                "organisms(first: 50, where: { search: \"Zéphyrin\", anyStatus: true }) { totalCount } }", new { siren = OnboardingWorld.Siren });
            Assert.False(anonymous.HasErrors, anonymous.Body);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, anonymous.Data.GetProperty("organism").ValueKind);
            Assert.Equal(0, anonymous.Data.GetProperty("organisms").GetProperty("totalCount").GetInt32());
            await VerificationSaysNotHabilitatedAsync();
        }

        public async Task VerificationSaysNotHabilitatedAsync()
        {
            var check = (await World.Api.QueryAsync(Verify, new { siren = OnboardingWorld.Siren })).GetProperty("verifyHabilitation");
            Assert.False(check.GetProperty("habilitated").GetBoolean());
        }

        public async Task InstanceDecidesAsync(string meetingOn, bool accept)
        {
            var api = World.Api;
            await api.OkAsync(await api.CertifProAsync(), MarkComplete, new { id = _application });
            api.Clock.Set(At(meetingOn).AddDays(-8));
            await api.OkAsync(await api.CertifProAsync(), GiveOpinion, new { id = _application, meetingOn, verdicts = Verdicts(met: accept) });
            api.Clock.Set(At(meetingOn));
            var decided = await api.OkAsync(await api.CertifProAsync(), Decide, new { id = _application, meetingOn, accept, reasons = Verdicts(met: accept) });
            Assert.Equal(accept ? "ACCEPTED" : "REFUSED", decided.GetProperty("decide").GetProperty("application").GetProperty("decision").GetProperty("outcome").GetString());
            AccessToken = await World.TokenAsync(Person); // the day moved on: a fresh token
        }

        public async Task RefilingInTheSameCampaignIsRefusedAsync(string campaign)
        {
            World.Api.Clock.Set(At("2027-02-19"));
            AccessToken = await World.TokenAsync(Person);
            var before = (await World.Api.OkAsync(AccessToken, Counts)).GetRawText();
            var again = await World.Api.PostAsAsync(AccessToken, FileApplication, new { input = await FileInputAsync(World.Api, campaign) });
            Assert.Equal(["REAPPLY_FROM_NEXT_CAMPAIGN"], again.ErrorCodes);
            Assert.Equal(before, (await World.Api.OkAsync(AccessToken, Counts)).GetRawText());
            // The refusal is a public decision: the organism now shows, without a valid habilitation.
            await VerificationSaysNotHabilitatedAsync();
        }

        public async Task RegistryShowsTheHabilitationAsync()
        {
            var check = (await World.Api.QueryAsync(Verify, new { siren = OnboardingWorld.Siren })).GetProperty("verifyHabilitation");
            Assert.True(check.GetProperty("habilitated").GetBoolean(), check.GetRawText());
            Assert.Equal("Zéphyrin Compétences", check.GetProperty("organism").GetProperty("name").GetString());
            var page = await World.Api.QueryAsync("query($siren: String!) { organism(siren: $siren) { sites { siret } habilitations(certification: CLEA_MANAGEMENT) { status } } }",
                new { siren = OnboardingWorld.Siren });
            var organism = page.GetProperty("organism");
            // The refused first file stays a public decision; the accepted one is the habilitation in force.
            Assert.Equal(["ACTIVE", "REFUSED"], organism.GetProperty("habilitations").EnumerateArray().Select(h => h.GetProperty("status").GetString()!).Order().ToArray());
            Assert.Equal(2, organism.GetProperty("sites").GetArrayLength());
        }

        public async ValueTask DisposeAsync()
        {
            _browser.Dispose();
            await World.DisposeAsync();
        }
    }
}
