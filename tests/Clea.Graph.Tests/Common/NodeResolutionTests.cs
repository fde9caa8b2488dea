using System.Text.Json;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using static Clea.Graph.Tests.Applications.ApplicationApi;

namespace Clea.Graph.Tests.Common;

/// <summary><c>node(id:)</c> refetches applications and intervenants with the same access checks as their own fields.</summary>
public sealed class NodeResolutionTests
{
    private const string Node = "query($id: ID!) { node(id: $id) { id __typename ... on Application { receiptNumber } ... on Intervenant { lastName } } }";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Applications_and_intervenants_are_refetched_only_by_those_who_may_see_them(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var organism = await api.OrganismAsync();
        var other = await api.TokenForAsync(DemoAccounts.Organism2);
        await api.OkAsync(await api.CertifProAsync(), CreateCampaign, new
        {
            input = new { certification = "CLEA_MANAGEMENT", code = "CP-NODE-2027", name = "Campagne", opensOn = "2026-11-24", closesOn = "2027-01-29", meetingDates = new[] { "2027-02-18" } },
        });
        var file = (await api.OkAsync(organism, FileApplication, new { input = await FileInputAsync(api, "CP-NODE-2027") })).GetProperty("fileApplication");
        var applicationId = file.GetProperty("id").GetString();
        var intervenant = (await api.OkAsync(organism, """
            mutation { declareIntervenant(input: { firstName: "Ada", lastName: "Lovelace", evaluator: true, trainer: false }) { id } }
            """)).GetProperty("declareIntervenant").GetProperty("id").GetString();

        var own = await api.OkAsync(organism, Node, new { id = applicationId });
        Assert.Equal("Application", own.GetProperty("node").GetProperty("__typename").GetString());
        Assert.Equal(file.GetProperty("receiptNumber").GetString(), own.GetProperty("node").GetProperty("receiptNumber").GetString());
        Assert.Equal("Lovelace", (await api.OkAsync(organism, Node, new { id = intervenant })).GetProperty("node").GetProperty("lastName").GetString());
        Assert.Equal("Application", (await api.OkAsync(await api.CertifProAsync(), Node, new { id = applicationId })).GetProperty("node").GetProperty("__typename").GetString());

        // Another organism, and the public, get null: an object out of reach does not exist for them.
        foreach (var id in new[] { applicationId, intervenant })
        {
            Assert.Equal(JsonValueKind.Null, (await api.OkAsync(other, Node, new { id })).GetProperty("node").ValueKind);
            Assert.Equal(JsonValueKind.Null, (await api.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id })).GetProperty("node").ValueKind);
        }

        // A malformed key of a known type is INVALID_ID, like any id this API did not issue.
        var negative = Convert.ToBase64String("Application:-1"u8.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal(["INVALID_ID"], (await api.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = negative })).ErrorCodes);
    }
}
