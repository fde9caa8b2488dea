using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Registry;

/// <summary>
/// "Not public until habilitated" costs no statement: the public rule is read with the organism. Certif Pro's list of
/// registrations is batched (no N+1).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RegistrationStatementCountTests(ApiFixture fixture)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_organism_by_siren_costs_one_statement_public_or_not(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);
        const string Read = "query($s: String!) { organism(siren: $s) { siren name } }";
        var baseline = await BaselineAsync(api, certifPro);
        foreach (var (token, siren, shown) in new[] { ((string?)null, DemoFixtures.Pending, false), (null, DemoFixtures.ActiveQualiopi, true), (certifPro, DemoFixtures.Pending, true) })
        {
            api.Sql.Reset();
            var response = token is null ? await api.PostAsync(Read, new { s = siren }) : await api.PostAsAsync(token, Read, new { s = siren });
            Assert.Equal(shown, response.Data.GetProperty("organism").ValueKind == System.Text.Json.JsonValueKind.Object);
            var statements = api.Sql.Count - (token is null ? 0 : baseline);
            Assert.True(statements == 1, $"{siren}: expected 1 statement, got {statements}:\n{string.Join("\n---\n", api.Sql.Commands)}");
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_page_of_registrations_costs_the_same_statements_for_2_or_12(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);
        const string Page = "query($first: Int) { organismRegistrations(first: $first) { totalCount nodes { status source registeredAt registeredBy public mergedInto { siren } organism { siren name sites { siret } } } } }";
        var baseline = await BaselineAsync(api, certifPro);
        var counts = new List<int>();
        foreach (var first in new[] { 2, 12 })
        {
            api.Sql.Reset();
            var response = await api.PostAsAsync(certifPro, Page, new { first });
            Assert.False(response.HasErrors, response.Body);
            Assert.Equal(first, response.Data.GetProperty("organismRegistrations").GetProperty("nodes").GetArrayLength());
            counts.Add(api.Sql.Count - baseline);
        }
        Assert.Equal(counts[0], counts[1]);
        Assert.True(counts[1] <= 4, $"expected at most 4 statements (page, total, habilitations, sites), got {counts[1]}");
    }

    /// <summary>What a signed-in request costs before any field (token checks), reference data warmed.</summary>
    private static async Task<int> BaselineAsync(CleaApi api, string token)
    {
        await api.PostAsAsync(token, "{ me { role } regions { code } }");
        api.Sql.Reset();
        await api.PostAsAsync(token, "{ me { role } }");
        return api.Sql.Count;
    }
}
