using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Events;

/// <summary>No N+1 in the event log: a page of 100 events with their organism and habilitation costs what a page of 10 does.</summary>
[Collection(ApiCollection.Name)]
public sealed class EventStatementCountTests(ApiFixture fixture)
{
    private const string Public = "query($first: Int) { publicDecisions(first: $first) { nodes { kind effectiveOn organism { siren name } habilitation { certification status periods { status from until } } } } }";
    private const string Log = "query($first: Int) { lifecycleEvents(first: $first) { nodes { kind reason actorName organism { siren } habilitation { status } } } }";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_page_of_100_events_costs_as_many_statements_as_a_page_of_10(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var token = await api.TokenForAsync(DemoAccounts.Admin);
        foreach (var (query, field, asAdmin) in new[] { (Public, "publicDecisions", false), (Log, "lifecycleEvents", true) })
        {
            async Task<int> CountAsync(int first)
            {
                api.Sql.Reset();
                var response = asAdmin ? await api.PostAsAsync(token, query, new { first }) : await api.PostAsync(query, new { first });
                Assert.False(response.HasErrors, response.Body);
                Assert.Equal(first, response.Data.GetProperty(field).GetProperty("nodes").GetArrayLength());
                return api.Sql.Count;
            }
            await CountAsync(1);
            var small = await CountAsync(10);
            var large = await CountAsync(100);
            Assert.Equal(small, large);
            Assert.True(large <= 6, $"{field}: expected at most 6 statements, got {large}:\n{string.Join("\n---\n", api.Sql.Commands)}");
        }
    }
}
