using System.Net;
using System.Text.Json;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Registry;

/// <summary>Who sees an organism's private data: the field policy, then the resource check for the organism at hand.</summary>
[Collection(ApiCollection.Name)]
public sealed class OrganismProfileAccessTests(ApiFixture fixture)
{
    private const string Profile = "query($siren: String!) { organism(siren: $siren) { name profile { headcount mainContact { email } turnover { year } } } }";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, null, HttpStatusCode.Unauthorized, "AUTH_NOT_AUTHENTICATED")]
    [InlineData(DatabaseProvider.Postgres, null, HttpStatusCode.Unauthorized, "AUTH_NOT_AUTHENTICATED")]
    [InlineData(DatabaseProvider.Sqlite, "integrator", HttpStatusCode.Forbidden, "AUTH_NOT_AUTHORIZED")]
    [InlineData(DatabaseProvider.Postgres, "integrator", HttpStatusCode.Forbidden, "AUTH_NOT_AUTHORIZED")]
    public async Task The_public_and_integrators_cannot_ask_for_private_data_at_all(DatabaseProvider provider, string? who, HttpStatusCode status, string code)
    {
        var api = await fixture.For(provider);
        api.Sql.Reset();
        var response = who is null
            ? await api.PostAsync(Profile, new { siren = DemoFixtures.ActiveQualiopi })
            : await api.PostAsAsync((await api.ClientCredentialsAsync(DemoAccounts.IntegratorClientId, DemoAccounts.IntegratorClientSecret)).AccessToken!,
                Profile, new { siren = DemoFixtures.ActiveQualiopi });
        Assert.Equal(status, response.Status);
        Assert.Contains(code, response.ErrorCodes);
        Assert.Contains("Organism.profile", response.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(response.Json.TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, DemoAccounts.Organism, DemoFixtures.ActiveQualiopi, true)]
    [InlineData(DatabaseProvider.Postgres, DemoAccounts.Organism, DemoFixtures.ActiveQualiopi, true)]
    [InlineData(DatabaseProvider.Sqlite, DemoAccounts.Organism, DemoFixtures.NotQualiopi, false)]
    [InlineData(DatabaseProvider.Postgres, DemoAccounts.Organism, DemoFixtures.NotQualiopi, false)]
    [InlineData(DatabaseProvider.Sqlite, DemoAccounts.Organism2, DemoFixtures.ActiveQualiopi, false)]
    [InlineData(DatabaseProvider.Sqlite, DemoAccounts.CertifPro, DemoFixtures.NotQualiopi, true)]
    [InlineData(DatabaseProvider.Postgres, DemoAccounts.CertifPro, DemoFixtures.CpneScoped, true)]
    [InlineData(DatabaseProvider.Sqlite, DemoAccounts.Cpne, DemoFixtures.CpneScoped, true)]
    [InlineData(DatabaseProvider.Postgres, DemoAccounts.Cpne, DemoFixtures.CpneScoped, true)]
    [InlineData(DatabaseProvider.Sqlite, DemoAccounts.Cpne, DemoFixtures.ActiveQualiopi, false)]
    [InlineData(DatabaseProvider.Postgres, DemoAccounts.Cpne, DemoFixtures.ActiveQualiopi, false)]
    [InlineData(DatabaseProvider.Sqlite, DemoAccounts.Auditor, DemoFixtures.Suspended, true)]
    [InlineData(DatabaseProvider.Postgres, DemoAccounts.Auditor, DemoFixtures.Suspended, true)]
    [InlineData(DatabaseProvider.Sqlite, DemoAccounts.Auditor, DemoFixtures.ActiveQualiopi, false)]
    [InlineData(DatabaseProvider.Sqlite, DemoAccounts.Admin, DemoFixtures.Withdrawn, true)]
    public async Task Each_caller_sees_the_private_data_of_the_organisms_in_its_scope_and_only_those(
        DatabaseProvider provider, string user, string siren, bool visible)
    {
        var api = await fixture.For(provider);
        var response = await api.AsAsync(user, Profile, new { siren });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var organism = response.Data.GetProperty("organism");
        Assert.False(string.IsNullOrEmpty(organism.GetProperty("name").GetString())); // the public part always answers
        if (visible)
        {
            Assert.False(response.HasErrors, response.Body);
            Assert.Equal(JsonValueKind.Object, organism.GetProperty("profile").ValueKind);
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, organism.GetProperty("profile").ValueKind);
            Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task In_a_list_each_organism_is_checked_and_the_others_stay_private(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var response = await api.AsAsync(DemoAccounts.Organism, "{ organisms(first: 100) { nodes { siren profile { headcount } } } }");
        var nodes = response.Data.GetProperty("organisms").GetProperty("nodes").EnumerateArray().ToList();
        var visible = nodes.Where(n => n.GetProperty("profile").ValueKind == JsonValueKind.Object).Select(n => n.GetProperty("siren").GetString()).ToList();
        Assert.Equal([DemoFixtures.ActiveQualiopi], visible);
        Assert.Equal(nodes.Count - 1, response.Errors.Count);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Me_states_each_demo_users_role_and_scope(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);
        var expected = new Dictionary<string, (string Role, string? Siren, string? Instance)>
        {
            [DemoAccounts.Admin] = ("admin", null, null),
            [DemoAccounts.CertifPro] = ("instance", null, "CERTIF_PRO"),
            [DemoAccounts.Cpne] = ("instance", null, "CPNE_METALLURGIE"),
            [DemoAccounts.Auditor] = ("auditor", null, null),
            [DemoAccounts.Organism] = ("organism", DemoFixtures.ActiveQualiopi, null),
            [DemoAccounts.Organism2] = ("organism", DemoFixtures.NotQualiopi, null),
        };
        foreach (var (user, (role, siren, instance)) in expected)
        {
            var me = (await api.AsAsync(user, "{ me { subject name role siren instance auditedSirens organism { siren } } }")).Data.GetProperty("me");
            Assert.Equal(role, me.GetProperty("role").GetString());
            Assert.Equal(siren, me.GetProperty("siren").GetString());
            Assert.Equal(instance, me.GetProperty("instance").GetString());
            if (siren is not null) Assert.Equal(siren, me.GetProperty("organism").GetProperty("siren").GetString());
            if (user == DemoAccounts.Auditor) Assert.Equal([DemoFixtures.Suspended], me.GetProperty("auditedSirens").EnumerateArray().Select(s => s.GetString()));
        }
        var anonymous = await api.PostAsync("{ me { role } }");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
    }
}
