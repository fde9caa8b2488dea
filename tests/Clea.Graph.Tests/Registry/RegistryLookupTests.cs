using System.Text.Json;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Registry;

/// <summary>Lookups by SIREN, SIRET and global id; the référentiels and regions.</summary>
[Collection(ApiCollection.Name)]
public sealed class RegistryLookupTests(ApiFixture fixture)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_closed_site_leaves_its_organism_but_stays_reachable_by_siret(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var data = await api.QueryAsync("""
            query($siren: String!, $siret: String!) {
              organism(siren: $siren) { sites { siret } allBefore: sites(on: "2025-01-01") { siret } }
              site(siret: $siret) { siret closedOn organism { siren } }
            }
            """, new { siren = DemoFixtures.ClosedSite, siret = DemoFixtures.ClosedSiteSiret });
        var open = data.GetProperty("organism").GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("siret").GetString()).ToList();
        Assert.DoesNotContain(DemoFixtures.ClosedSiteSiret, open);
        Assert.NotEmpty(open);
        var site = data.GetProperty("site");
        Assert.NotEqual(JsonValueKind.Null, site.GetProperty("closedOn").ValueKind);
        Assert.Equal(DemoFixtures.ClosedSite, site.GetProperty("organism").GetProperty("siren").GetString());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Unknown_siren_and_siret_are_null_without_error(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var data = await api.QueryAsync("{ organism(siren: \"732829320\") { name } site(siret: \"73282932000074\") { name } }");
        Assert.Equal(JsonValueKind.Null, data.GetProperty("organism").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("site").ValueKind);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_entity_type_is_refetchable_by_its_global_id(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var data = await api.QueryAsync("""
            query($siren: String!) {
              organism(siren: $siren) { id sites { id } habilitations { id instance { id } } }
              certifications { id }
              regions { id departments { id } }
            }
            """, new { siren = DemoFixtures.ActiveQualiopi });
        var organism = data.GetProperty("organism");
        var ids = new List<string>
        {
            organism.GetProperty("id").GetString()!,
            organism.GetProperty("sites")[0].GetProperty("id").GetString()!,
            organism.GetProperty("habilitations")[0].GetProperty("id").GetString()!,
            organism.GetProperty("habilitations")[0].GetProperty("instance").GetProperty("id").GetString()!,
            data.GetProperty("certifications")[0].GetProperty("id").GetString()!,
            data.GetProperty("regions")[0].GetProperty("id").GetString()!,
            data.GetProperty("regions")[0].GetProperty("departments")[0].GetProperty("id").GetString()!,
        };
        foreach (var id in ids)
        {
            var node = (await api.QueryAsync("query($id: ID!) { node(id: $id) { id __typename } }", new { id })).GetProperty("node");
            Assert.Equal(id, node.GetProperty("id").GetString());
        }
        var response = await api.PostAsync("{ node(id: \"not-an-id\") { id } }");
        Assert.Equal(["INVALID_ID"], response.ErrorCodes);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_three_referentials_are_served_in_full_with_their_known_gaps_visible(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var certifications = (await api.QueryAsync("""
            { certifications { code rsCode name domains { code title transversal subDomains { code title skills criteria certificationRequirements } } } }
            """)).GetProperty("certifications").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
        int SubDomains(string code) => certifications[code].GetProperty("domains").EnumerateArray().Sum(d => d.GetProperty("subDomains").GetArrayLength());
        Assert.Equal("RS7003", certifications["CLEA_SOCLE"].GetProperty("rsCode").GetString());
        Assert.Equal(7, certifications["CLEA_SOCLE"].GetProperty("domains").GetArrayLength());
        Assert.Equal(28, SubDomains("CLEA_SOCLE"));
        Assert.Equal(4, certifications["CLEA_NUMERIQUE"].GetProperty("domains").GetArrayLength());
        Assert.Equal(10, SubDomains("CLEA_NUMERIQUE"));
        Assert.Equal(17, SubDomains("CLEA_MANAGEMENT"));
        var socle41 = certifications["CLEA_SOCLE"].GetProperty("domains")[3].GetProperty("subDomains")[0];
        Assert.Equal("4.1", socle41.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, socle41.GetProperty("title").ValueKind);
        Assert.NotEmpty(socle41.GetProperty("criteria").EnumerateArray());
        var management11 = certifications["CLEA_MANAGEMENT"].GetProperty("domains")[0].GetProperty("subDomains")[0];
        Assert.NotEmpty(management11.GetProperty("certificationRequirements").EnumerateArray());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task With_the_demo_switch_off_only_reference_data_is_loaded(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider, demo: false);
        var data = await api.QueryAsync("{ organisms(where: { anyStatus: true }) { totalCount } regions { code } certifications { code } instances { code } }");
        Assert.Equal(0, data.GetProperty("organisms").GetProperty("totalCount").GetInt32());
        Assert.Equal(18, data.GetProperty("regions").GetArrayLength());
        Assert.Equal(3, data.GetProperty("certifications").GetArrayLength());
        Assert.True(data.GetProperty("instances").GetArrayLength() >= 3);
    }
}
