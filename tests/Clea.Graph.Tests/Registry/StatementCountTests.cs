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
        query($region: String!, $first: Int, $on: Date) {
          organisms(where: { region: $region, certification: CLEA_NUMERIQUE, on: $on }, first: $first) {
            totalCount pageInfo { hasNextPage endCursor }
            nodes { siren name qualiopi sites { name siret address { street city postalCode } } habilitations { certification status validUntil instance { code } } }
          }
        }
        """;

    /// <summary>
    /// Three statements when the total is cached for the registry's version (the page reading the version, sites,
    /// habilitations), four when it is not (the count, with the version, in one more): exactly, for 2, 20 or 100 organisms.
    /// </summary>
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_region_page_costs_three_statements_with_a_cached_total_and_four_without_on_one_connection_whatever_its_size(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        await api.QueryAsync(RegionPage, new { region = "84", first = 1, on = (string?)null }); // warms the reference data snapshot

        var costs = new List<(int Miss, int Hit, int Connections)>();
        var day = 0;
        foreach (var first in new[] { 2, 20, 100 })
        {
            // A day never asked before is a new search: its total is not cached yet.
            var on = new DateOnly(2026, 11, 1).AddDays(-++day).ToString("yyyy-MM-dd");
            api.Sql.Reset();
            var miss = await api.QueryAsync(RegionPage, new { region = "84", first, on });
            var missCount = api.Sql.Count;
            var missCommands = api.Sql.Commands;
            var connections = api.Sql.ConnectionsOpened;
            api.Sql.Reset();
            var hit = await api.QueryAsync(RegionPage, new { region = "84", first, on });
            Assert.NotEqual(0, hit.GetProperty("organisms").GetProperty("nodes").GetArrayLength());
            Assert.Equal(miss.GetProperty("organisms").GetProperty("totalCount").GetInt32(), hit.GetProperty("organisms").GetProperty("totalCount").GetInt32());
            costs.Add((missCount, api.Sql.Count, connections));
            Assert.True(missCount == 4, $"page of {first}, total not cached: expected 4 statements (page with the version, sites, habilitations, count), got {missCount}:\n{string.Join("\n---\n", missCommands)}");
            Assert.True(api.Sql.Count == 3, $"page of {first}, total cached: expected 3 statements (page with the version, sites, habilitations), got {api.Sql.Count}:\n{string.Join("\n---\n", api.Sql.Commands)}");
            Assert.Single(missCommands, c => c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(api.Sql.Commands, c => c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
            // The organisms' declared turnover is not public: no public read loads or joins it.
            Assert.DoesNotContain(missCommands.Concat(api.Sql.Commands), c => c.Contains("AnnualTurnovers", StringComparison.Ordinal));
        }
        Assert.Single(costs.Distinct());
        Assert.Equal(1, costs[0].Connections);
    }
}
