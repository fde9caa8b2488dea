using System.Net;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Habilitations;

/// <summary>
/// What a verification costs the database (integrators call it for every offer they list): at most two statements on
/// one connection for a single SIREN or SIRET, and a batch of 500 no more statements than a batch of 2. Counts, never
/// durations (bench/README.md has those).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class VerificationCostTests(ApiFixture fixture)
{
    private const string Selection =
        "habilitated status validFrom validUntil scope qualiopi edofEligible reason edofReason instance { code name } professionalField organism { siren name } site { siret }";

    private static readonly string HeadOfficeSiret = Siret.Compose(Siren.Parse(DemoFixtures.ActiveQualiopi), 1).Value;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_verification_by_SIREN_or_SIRET_costs_at_most_two_statements_on_one_connection(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        await api.QueryAsync("{ regions { code } }"); // the reference data snapshot, loaded once per process

        foreach (var (argument, value) in new[] { ("siren", DemoFixtures.ActiveQualiopi), ("siret", HeadOfficeSiret) })
        {
            var query = $"query($key: String) {{ verifyHabilitation({argument}: $key, certification: CLEA_NUMERIQUE) {{ {Selection} }} }}";
            api.Sql.Reset();
            var data = await api.QueryAsync(query, new { key = value });

            Assert.True(data.GetProperty("verifyHabilitation").GetProperty("habilitated").GetBoolean());
            Assert.True(api.Sql.Count <= 2, $"{argument}: expected at most 2 statements, got {api.Sql.Count}:\n{string.Join("\n---\n", api.Sql.Commands)}");
            Assert.Equal(1, api.Sql.ConnectionsOpened);
            Assert.DoesNotContain(api.Sql.Commands, c => c.Contains("AnnualTurnovers", StringComparison.Ordinal)); // not public, never joined
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_batch_of_500_verifications_costs_the_statements_of_a_batch_of_2_on_one_connection(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var token = (await api.ClientCredentialsAsync(DemoAccounts.IntegratorClientId, DemoAccounts.IntegratorClientSecret)).AccessToken!;
        var sirens = (await api.QueryAsync("{ organisms(where: { anyStatus: true }, first: 100) { nodes { siren sites { siret } } } }"))
            .GetProperty("organisms").GetProperty("nodes").EnumerateArray()
            .Select(n => (Siren: n.GetProperty("siren").GetString()!, Siret: n.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("siret").GetString()).FirstOrDefault()))
            .ToList();
        object Request(int i) => i % 2 == 0 || sirens[i % sirens.Count].Siret is null
            ? new { siren = sirens[i % sirens.Count].Siren }
            : new { siret = sirens[i % sirens.Count].Siret };
        const string Bulk = $"query($requests: [VerificationRequest!]!) {{ verifyHabilitations(requests: $requests, certification: CLEA_NUMERIQUE) {{ {Selection} }} }}";

        async Task<(int Statements, int Connections)> CostAsync(int items)
        {
            var requests = Enumerable.Range(0, items).Select(Request).ToList();
            await api.PostAsAsync(token, Bulk, new { requests }); // the token's first use is not the verification's cost
            api.Sql.Reset();
            var response = await api.PostAsAsync(token, Bulk, new { requests });
            Assert.True(response.Status == HttpStatusCode.OK && !response.HasErrors, response.Body);
            Assert.Equal(items, response.Data.GetProperty("verifyHabilitations").GetArrayLength());
            return (api.Sql.Count, api.Sql.ConnectionsOpened);
        }

        var two = await CostAsync(2);
        var many = await CostAsync(500);
        Assert.Equal(two, many);
        Assert.True(many.Statements <= 3, $"expected at most 3 statements (SIRENs, SIRETs, habilitations), got {many.Statements}:\n{string.Join("\n---\n", api.Sql.Commands)}");
        Assert.Equal(1, many.Connections);
    }
}
