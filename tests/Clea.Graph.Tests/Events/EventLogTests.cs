using System.Text.Json;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Habilitations;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Events;

/// <summary>The event log: who did what, when and why, each caller within its scope; public decisions for everyone.</summary>
public sealed class EventLogTests
{
    private const string Log = """
        query($siren: String, $kinds: [LifecycleEventKind!], $after: String, $order: EventOrder, $from: Date) {
          lifecycleEvents(siren: $siren, kinds: $kinds, first: 2, after: $after, order: $order, from: $from) {
            totalCount pageInfo { hasNextPage endCursor } nodes { id kind effectiveOn reason reference actorName actorRole organism { siren } }
          }
        }
        """;

    private static List<JsonElement> Nodes(GraphQLResponse response)
    {
        Assert.False(response.HasErrors, response.Body);
        return [.. response.Data.GetProperty("lifecycleEvents").GetProperty("nodes").EnumerateArray()];
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_decision_is_logged_with_who_and_why_and_each_caller_reads_only_its_scope(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var id = await api.HabilitationIdAsync(DemoFixtures.ActiveQualiopi);
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);
        await api.PostAsAsync(certifPro, """mutation($id: ID!) { suspendHabilitation(id: $id, reason: "Unfavourable audit") { status } }""", new { id });
        await api.PostAsAsync(certifPro, """mutation($id: ID!) { liftSuspension(id: $id, resumedOn: "2026-12-01", reason: "Measures justified") { status } }""", new { id });
        await api.AsAsync(DemoAccounts.Organism, """mutation { declareSituationChange(kind: NAME, occurredOn: "2026-11-01") { late } }""");

        var variables = new { siren = (string?)DemoFixtures.ActiveQualiopi, kinds = new[] { "SUSPENDED", "SUSPENSION_LIFTED", "CHANGE_DECLARED" }, after = (string?)null, order = (string?)null, from = "2026-11-01" };
        var first = await api.PostAsAsync(certifPro, Log, variables);
        var page1 = Nodes(first);
        Assert.Equal(["CHANGE_DECLARED", "SUSPENSION_LIFTED"], page1.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("Measures justified", page1[1].GetProperty("reason").GetString());
        Assert.Equal("instance", page1[1].GetProperty("actorRole").GetString());
        Assert.Equal("organism", page1[0].GetProperty("actorRole").GetString());
        Assert.Equal(3, first.Data.GetProperty("lifecycleEvents").GetProperty("totalCount").GetInt32());
        var cursor = first.Data.GetProperty("lifecycleEvents").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var page2 = Nodes(await api.PostAsAsync(certifPro, Log, variables with { after = cursor }));
        var suspended = Assert.Single(page2);
        Assert.Equal("SUSPENDED", suspended.GetProperty("kind").GetString());
        Assert.Equal("Unfavourable audit", suspended.GetProperty("reason").GetString());
        Assert.Equal("2026-11-24", suspended.GetProperty("effectiveOn").GetString());
        var oldest = Nodes(await api.PostAsAsync(certifPro, Log, variables with { order = "OLDEST_FIRST" }));
        Assert.Equal("SUSPENDED", oldest[0].GetProperty("kind").GetString());

        // The organism reads its own log, not another's; a CPNE only its field; anonymous callers not at all.
        var mine = Nodes(await api.AsAsync(DemoAccounts.Organism, Log, variables with { siren = null }));
        Assert.All(mine, e => Assert.Equal(DemoFixtures.ActiveQualiopi, e.GetProperty("organism").GetProperty("siren").GetString()));
        Assert.Empty(Nodes(await api.AsAsync(DemoAccounts.Organism2, Log, variables)));
        Assert.Empty(Nodes(await api.AsAsync(DemoAccounts.Cpne, Log, variables)));
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], (await api.PostAsync(Log, variables)).ErrorCodes);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Public_decisions_are_readable_by_everyone_without_reasons_or_actors(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var id = await api.HabilitationIdAsync(DemoFixtures.ActiveQualiopi);
        await api.AsAsync(DemoAccounts.CertifPro, """mutation($id: ID!) { withdrawHabilitation(id: $id, case: EDOF_ALERT, reason: "Confidential grounds") { status } }""", new { id });
        await api.AsAsync(DemoAccounts.Organism, """mutation { declareSituationChange(kind: MANAGERS, occurredOn: "2026-11-01") { late } }""");

        var decisions = (await api.QueryAsync("query($siren: String!) { publicDecisions(siren: $siren, first: 10) { nodes { kind effectiveOn organism { siren } } } }",
            new { siren = DemoFixtures.ActiveQualiopi })).GetProperty("publicDecisions").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal("WITHDRAWN", decisions[0].GetProperty("kind").GetString());
        Assert.DoesNotContain(decisions, d => d.GetProperty("kind").GetString() == "CHANGE_DECLARED");
        var reason = await api.PostAsync("{ publicDecisions(first: 1) { nodes { reason } } }");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, reason.Status);
        Assert.DoesNotContain("Confidential", (await api.PostAsync("{ publicDecisions(first: 100) { nodes { kind organism { name } } } }")).Body, StringComparison.Ordinal);
    }
}
