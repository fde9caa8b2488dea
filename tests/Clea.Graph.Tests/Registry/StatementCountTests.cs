using Clea.Data.Persistence;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Registry;

/// <summary>No N+1: a page of organisms with their sites and habilitations costs the same statements for 10 or 100.</summary>
[Collection(ApiCollection.Name)]
public sealed class StatementCountTests(ApiFixture fixture)
{
    private const string Page = """
        query($first: Int) {
          organisms(where: { status: null, anyStatus: true }, first: $first) {
            totalCount
            nodes {
              siren name
              sites { siret address { city department { name } region { name } } organism { siren } }
              habilitations { status validUntil renewed instance { code } organism { name } }
            }
          }
        }
        """;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_page_of_100_organisms_costs_as_many_statements_as_a_page_of_10(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        await api.QueryAsync(Page, new { first = 1 }); // warms the reference data snapshot

        api.Sql.Reset();
        var small = await api.QueryAsync(Page, new { first = 10 });
        var smallCount = api.Sql.Count;
        api.Sql.Reset();
        var large = await api.QueryAsync(Page, new { first = 100 });
        var largeCount = api.Sql.Count;

        Assert.Equal(10, small.GetProperty("organisms").GetProperty("nodes").GetArrayLength());
        Assert.Equal(100, large.GetProperty("organisms").GetProperty("nodes").GetArrayLength());
        Assert.Equal(smallCount, largeCount);
        Assert.True(largeCount <= 6, $"expected at most 6 statements, got {largeCount}:\n{string.Join("\n---\n", api.Sql.Commands)}");
    }

    private const string RegionPage = """
        query($region: String!, $first: Int) {
          organisms(where: { region: $region, certification: CLEA_NUMERIQUE }, first: $first) {
            totalCount pageInfo { hasNextPage endCursor }
            nodes { siren name qualiopi sites { name siret address { street city postalCode } } habilitations { certification status validUntil instance { code } } }
          }
        }
        """;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_region_page_costs_at_most_three_statements_on_one_connection_whatever_its_size(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        await api.QueryAsync(RegionPage, new { region = "84", first = 1 }); // warms the reference data snapshot

        var costs = new List<(int Statements, int Connections)>();
        foreach (var first in new[] { 2, 20, 100 })
        {
            api.Sql.Reset();
            var page = await api.QueryAsync(RegionPage, new { region = "84", first });
            Assert.NotEqual(0, page.GetProperty("organisms").GetProperty("nodes").GetArrayLength());
            costs.Add((api.Sql.Count, api.Sql.ConnectionsOpened));
            Assert.True(api.Sql.Count <= 3, $"page of {first}: expected at most 3 statements (page with its total, sites, habilitations), got {api.Sql.Count}:\n{string.Join("\n---\n", api.Sql.Commands)}");
            // The organisms' declared turnover is not public: no public read loads or joins it.
            Assert.DoesNotContain(api.Sql.Commands, c => c.Contains("AnnualTurnovers", StringComparison.Ordinal));
        }
        Assert.Single(costs.Distinct());
        Assert.Equal(1, costs[0].Connections);
    }
}
