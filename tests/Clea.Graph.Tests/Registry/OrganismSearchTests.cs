using System.Text.Json;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Registry;

/// <summary>The public search: filters, orders and keyset paging in both directions, on the demo data.</summary>
[Collection(ApiCollection.Name)]
public sealed class OrganismSearchTests(ApiFixture fixture)
{
    private const string Search = """
        query($where: OrganismFilter, $order: [OrganismOrder!], $first: Int, $after: String, $last: Int, $before: String) {
          organisms(where: $where, order: $order, first: $first, after: $after, last: $last, before: $before) {
            totalCount
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            edges { cursor node { siren name qualiopi lastDecisionOn
              sites { siret address { postalCode city department { code } region { code } } }
              habilitations { certification status instance { code } } } }
          }
        }
        """;

    private static async Task<JsonElement> SearchAsync(CleaApi api, object? where = null, object? order = null,
        int? first = null, string? after = null, int? last = null, string? before = null)
        => (await api.QueryAsync(Search, new { where, order, first, after, last, before })).GetProperty("organisms");

    private static List<JsonElement> Nodes(JsonElement connection)
        => [.. connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"))];

    private static List<string> Sirens(JsonElement connection) => [.. Nodes(connection).Select(n => n.GetProperty("siren").GetString()!)];

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Searching_by_region_returns_only_currently_habilitated_organisms_with_an_open_site_there(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var page = await SearchAsync(api, where: new { region = "84" }, first: 100);
        var nodes = Nodes(page);
        Assert.NotEmpty(nodes);
        Assert.Contains(DemoFixtures.ActiveQualiopi, Sirens(page)); // Lyon
        Assert.All(nodes, n =>
        {
            Assert.Contains(n.GetProperty("sites").EnumerateArray(), s => s.GetProperty("address").GetProperty("region").GetProperty("code").GetString() == "84");
            Assert.Contains(n.GetProperty("habilitations").EnumerateArray(), h => h.GetProperty("status").GetString() == "ACTIVE");
        });
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_region_has_habilitated_organisms_in_the_demo(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var regions = (await api.QueryAsync("{ regions { code } }")).GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Equal(18, regions.Count);
        foreach (var region in regions)
            Assert.True((await SearchAsync(api, where: new { region }, first: 1)).GetProperty("totalCount").GetInt32() > 0, $"region {region}");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_default_status_is_currently_habilitated_and_other_statuses_are_asked_for(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        Assert.Empty(Sirens(await SearchAsync(api, where: new { search = "Savoirs Clés Rennes" }, first: 10)));
        Assert.Contains(DemoFixtures.ExpiredYesterday, Sirens(await SearchAsync(api, where: new { search = "Savoirs Clés Rennes", status = "EXPIRED" }, first: 10)));
        Assert.Contains(DemoFixtures.Suspended, Sirens(await SearchAsync(api, where: new { status = "SUSPENDED" }, first: 100)));
        // Yesterday it was still in force.
        Assert.Contains(DemoFixtures.ExpiredYesterday, Sirens(await SearchAsync(api, where: new { search = "Savoirs Clés Rennes", on = "2026-11-23" }, first: 10)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Text_search_ignores_accents_and_case_on_names_and_cities(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        Assert.Contains(DemoFixtures.Withdrawn, Sirens(await SearchAsync(api, where: new { search = "ELAN formation", status = "WITHDRAWN" }, first: 10)));
        var byCity = await SearchAsync(api, where: new { search = "clermont" }, first: 100);
        Assert.Contains(DemoFixtures.ClosedSite, Sirens(byCity));
        Assert.All(Nodes(byCity), n => Assert.True(
            n.GetProperty("name").GetString()!.Contains("Clermont", StringComparison.OrdinalIgnoreCase)
            || n.GetProperty("sites").EnumerateArray().Any(s => s.GetProperty("address").GetProperty("city").GetString()!.Contains("Clermont", StringComparison.OrdinalIgnoreCase))));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Department_postal_code_certification_instance_and_qualiopi_filters_hold_for_every_result(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var inRhone = Nodes(await SearchAsync(api, where: new { department = "69" }, first: 100));
        Assert.NotEmpty(inRhone);
        Assert.All(inRhone, n => Assert.Contains(n.GetProperty("sites").EnumerateArray(), s => s.GetProperty("address").GetProperty("department").GetProperty("code").GetString() == "69"));

        var postal = Nodes(await SearchAsync(api, where: new { postalCode = "690" }, first: 100));
        Assert.All(postal, n => Assert.Contains(n.GetProperty("sites").EnumerateArray(), s => s.GetProperty("address").GetProperty("postalCode").GetString()!.StartsWith("690", StringComparison.Ordinal)));

        var metallurgie = await SearchAsync(api, where: new { instance = "CPNE_METALLURGIE", certification = "CLEA_NUMERIQUE" }, first: 100);
        Assert.Contains(DemoFixtures.CpneScoped, Sirens(metallurgie));
        Assert.All(Nodes(metallurgie), n => Assert.Contains(n.GetProperty("habilitations").EnumerateArray(),
            h => h.GetProperty("instance").GetProperty("code").GetString() == "CPNE_METALLURGIE" && h.GetProperty("certification").GetString() == "CLEA_NUMERIQUE" && h.GetProperty("status").GetString() == "ACTIVE"));

        var notQualiopi = await SearchAsync(api, where: new { qualiopi = false }, first: 100);
        Assert.Contains(DemoFixtures.NotQualiopi, Sirens(notQualiopi));
        Assert.All(Nodes(notQualiopi), n => Assert.False(n.GetProperty("qualiopi").GetBoolean()));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Paging_forward_then_backward_visits_every_result_once_in_order(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var where = new { region = "11" };
        var all = await SearchAsync(api, where: where, first: 100);
        var expected = Sirens(all);
        Assert.True(expected.Count > 7, "the demo has enough organisms in Île-de-France to page");
        Assert.Equal(all.GetProperty("totalCount").GetInt32(), expected.Count);

        var forward = new List<string>();
        string? after = null;
        JsonElement page;
        do
        {
            page = await SearchAsync(api, where: where, first: 7, after: after);
            forward.AddRange(Sirens(page));
            Assert.Equal(after is not null, page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        while (page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(expected, forward);

        var backward = new List<string>();
        string? before = null;
        do
        {
            page = await SearchAsync(api, where: where, last: 7, before: before);
            backward.InsertRange(0, Sirens(page));
            Assert.Equal(before is not null, page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
            before = page.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        }
        while (page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal(expected, backward);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Ordering_by_last_decision_descending_pages_through_non_increasing_dates(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var order = new[] { new { field = "LAST_DECISION", direction = "DESC" } };
        var first = await SearchAsync(api, order: order, first: 20);
        var second = await SearchAsync(api, order: order, first: 20, after: first.GetProperty("pageInfo").GetProperty("endCursor").GetString());
        var dates = Nodes(first).Concat(Nodes(second)).Select(n => n.GetProperty("lastDecisionOn").GetString()!).ToList();
        Assert.Equal(40, dates.Count);
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
        Assert.Empty(Sirens(first).Intersect(Sirens(second)));
    }

    [Theory]
    [InlineData("{ organisms(first: 101) { totalCount } }", "PAGE_SIZE_OUT_OF_RANGE")]
    [InlineData("{ organisms(first: -1) { totalCount } }", "PAGE_SIZE_OUT_OF_RANGE")]
    [InlineData("{ organisms(first: 5, last: 5) { totalCount } }", "INVALID_ARGUMENTS")]
    [InlineData("{ organisms(first: 5, after: \"garbage\") { totalCount } }", "INVALID_CURSOR")]
    [InlineData("{ organisms(where: { region: \"99\" }) { totalCount } }", "UNKNOWN_REGION")]
    [InlineData("{ organisms(where: { department: \"20\" }) { totalCount } }", "UNKNOWN_DEPARTMENT")]
    [InlineData("{ organisms(where: { instance: \"NOPE\" }) { totalCount } }", "UNKNOWN_INSTANCE")]
    [InlineData("{ organisms(order: [{ field: NAME }, { field: NAME }]) { totalCount } }", "INVALID_ARGUMENTS")]
    public async Task Bad_search_arguments_are_errors_with_a_code(string query, string code)
    {
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            var response = await (await fixture.For(provider)).PostAsync(query);
            Assert.Equal([code], response.ErrorCodes);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_cursor_from_another_ordering_is_refused(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var page = await SearchAsync(api, first: 2);
        var cursor = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var response = await api.PostAsync(Search, new { order = new[] { new { field = "LAST_DECISION" } }, first = 2, after = cursor });
        Assert.Equal(["INVALID_CURSOR"], response.ErrorCodes);
    }
}
