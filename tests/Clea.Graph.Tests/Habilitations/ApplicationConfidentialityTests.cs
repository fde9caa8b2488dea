using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Habilitations;

/// <summary>
/// Confidentiality (N/M §IV.5): a filed application not decided yet is not public. Anonymous callers and integrators see
/// no PENDING habilitation in the registry, the search, the verification or the change feed; the Instance sees it.
/// Decisions stay public.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ApplicationConfidentialityTests(ApiFixture fixture)
{
    private const string Registry = "query($s: String!) { organism(siren: $s) { habilitations { status } } }";
    private const string Verify = "query($s: String!) { verifyHabilitation(siren: $s, certification: CLEA_NUMERIQUE) { status habilitated reason habilitation { id } } }";
    private const string Search = "{ organisms(where: { status: PENDING }, first: 100) { nodes { siren } } }";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_undecided_application_is_seen_by_its_instance_and_by_no_anonymous_caller_or_integrator(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var integrator = (await api.ClientCredentialsAsync(DemoAccounts.IntegratorClientId, DemoAccounts.IntegratorClientSecret)).AccessToken!;
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);
        var cpne = await api.TokenForAsync(DemoAccounts.Cpne);
        var variables = new { s = DemoFixtures.Pending };

        foreach (var token in new[] { null, integrator, cpne })
        {
            // Not public until habilitated: with nothing decided, the organism itself is not shown (RegistryVisibilityTests).
            var registry = token is null ? await api.PostAsync(Registry, variables) : await api.PostAsAsync(token, Registry, variables);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, registry.Data.GetProperty("organism").ValueKind);
            var verify = token is null ? await api.PostAsync(Verify, variables) : await api.PostAsAsync(token, Verify, variables);
            var check = verify.Data.GetProperty("verifyHabilitation");
            Assert.Equal(System.Text.Json.JsonValueKind.Null, check.GetProperty("status").ValueKind);
            Assert.Contains("holds no habilitation", check.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
        var found = await api.PostAsync(Search);
        Assert.DoesNotContain(found.Data.GetProperty("organisms").GetProperty("nodes").EnumerateArray(), n => n.GetProperty("siren").GetString() == DemoFixtures.Pending);

        // The Instance instructing it (Certif Pro) sees it, in the registry, the search and the verification.
        Assert.Equal("PENDING", (await api.PostAsAsync(certifPro, Registry, variables)).Data.GetProperty("organism").GetProperty("habilitations")[0].GetProperty("status").GetString());
        Assert.Equal("PENDING", (await api.PostAsAsync(certifPro, Verify, variables)).Data.GetProperty("verifyHabilitation").GetProperty("status").GetString());
        Assert.Contains((await api.PostAsAsync(certifPro, Search)).Data.GetProperty("organisms").GetProperty("nodes").EnumerateArray(), n => n.GetProperty("siren").GetString() == DemoFixtures.Pending);

        // Decisions stay public; the change feed has no filing.
        Assert.Equal("REFUSED", (await api.PostAsync(Registry, new { s = DemoFixtures.Refused })).Data.GetProperty("organism").GetProperty("habilitations")[0].GetProperty("status").GetString());
        var feed = await api.PostAsAsync(integrator, "{ habilitationChanges(first: 100) { nodes { kind } } }");
        Assert.DoesNotContain(feed.Data.GetProperty("habilitationChanges").GetProperty("nodes").EnumerateArray(), n => n.GetProperty("kind").GetString() == "FILED");
    }
}
