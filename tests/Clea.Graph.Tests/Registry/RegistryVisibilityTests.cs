using System.Text.Json;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;

namespace Clea.Graph.Tests.Registry;

/// <summary>
/// Not public until habilitated: an organism without a decided habilitation file (here the demo's PENDING one, and one
/// just imported) is invisible to anonymous callers and integrators — registry, site, node, search, verification, change
/// feed — and seen by Certif Pro staff.
/// </summary>
public sealed class RegistryVisibilityTests
{
    private const string Read = "query($s: String!, $t: String!) { organism(siren: $s) { id name sites { siret } } site(siret: $t) { siret } }";
    private const string Verify = "query($s: String!, $t: String!) { bySiren: verifyHabilitation(siren: $s, certification: CLEA_NUMERIQUE) { habilitated reason organism { name } } bySiret: verifyHabilitation(siret: $t, certification: CLEA_NUMERIQUE) { habilitated reason organism { name } site { siret } } }";
    private const string VerifyMany = "query($s: String!, $t: String!) { verifyHabilitations(requests: [{ siren: $s }, { siret: $t }], certification: CLEA_NUMERIQUE) { habilitated reason organism { name } } }";
    private const string Search = "{ organisms(where: { status: null, anyStatus: true }, first: 100) { nodes { siren } } }";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_organism_without_a_decided_habilitation_is_invisible_to_the_public_and_integrators_and_seen_by_Certif_Pro(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var imported = await ImportOneAsync(api);
        var integrator = (await api.ClientCredentialsAsync(DemoAccounts.IntegratorClientId, DemoAccounts.IntegratorClientSecret)).AccessToken!;
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);
        var pendingSiret = Siret.Compose(Siren.Parse(DemoFixtures.Pending), 1).Value;

        // Certif Pro staff see both, with their node ids.
        var ids = new List<string>();
        foreach (var (siren, siret) in new[] { (DemoFixtures.Pending, pendingSiret), (imported.Siren, imported.Siret) })
        {
            var seen = await api.PostAsAsync(certifPro, Read, new { s = siren, t = siret });
            Assert.False(seen.HasErrors, seen.Body);
            Assert.Equal(siret, seen.Data.GetProperty("site").GetProperty("siret").GetString());
            ids.Add(seen.Data.GetProperty("organism").GetProperty("id").GetString()!);
            var check = (await api.PostAsAsync(certifPro, Verify, new { s = siren, t = siret })).Data;
            Assert.Equal(JsonValueKind.String, check.GetProperty("bySiren").GetProperty("organism").GetProperty("name").ValueKind);
        }

        foreach (var token in new string?[] { null, integrator })
        {
            foreach (var (siren, siret) in new[] { (DemoFixtures.Pending, pendingSiret), (imported.Siren, imported.Siret) })
            {
                var read = token is null ? await api.PostAsync(Read, new { s = siren, t = siret }) : await api.PostAsAsync(token, Read, new { s = siren, t = siret });
                Assert.False(read.HasErrors, read.Body);
                Assert.Equal(JsonValueKind.Null, read.Data.GetProperty("organism").ValueKind);
                Assert.Equal(JsonValueKind.Null, read.Data.GetProperty("site").ValueKind);

                var verify = token is null ? await api.PostAsync(Verify, new { s = siren, t = siret }) : await api.PostAsAsync(token, Verify, new { s = siren, t = siret });
                foreach (var answer in new[] { verify.Data.GetProperty("bySiren"), verify.Data.GetProperty("bySiret") })
                {
                    Assert.False(answer.GetProperty("habilitated").GetBoolean());
                    Assert.Equal(JsonValueKind.Null, answer.GetProperty("organism").ValueKind);
                    Assert.Contains("holds no habilitation", answer.GetProperty("reason").GetString(), StringComparison.Ordinal);
                }
                Assert.Equal(JsonValueKind.Null, verify.Data.GetProperty("bySiret").GetProperty("site").ValueKind);
            }
            foreach (var id in ids)
            {
                var node = token is null ? await api.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id }) : await api.PostAsAsync(token, "query($id: ID!) { node(id: $id) { id } }", new { id });
                Assert.Equal(JsonValueKind.Null, node.Data.GetProperty("node").ValueKind);
            }
            var found = token is null ? await api.PostAsync(Search) : await api.PostAsAsync(token, Search);
            var sirens = found.Data.GetProperty("organisms").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("siren").GetString()).ToList();
            Assert.DoesNotContain(DemoFixtures.Pending, sirens);
            Assert.DoesNotContain(imported.Siren, sirens);
            Assert.Contains(DemoFixtures.Refused, sirens); // a refusal is a public decision: that organism is public
        }

        // Integrators' bulk verification and change feed say nothing of them either.
        var many = await api.PostAsAsync(integrator, VerifyMany, new { s = imported.Siren, t = pendingSiret });
        Assert.All(many.Data.GetProperty("verifyHabilitations").EnumerateArray(), a => Assert.Equal(JsonValueKind.Null, a.GetProperty("organism").ValueKind));
        var feed = await api.PostAsAsync(integrator, "{ habilitationChanges(first: 100) { nodes { habilitation { organism { siren } } } } }");
        var inFeed = feed.Data.GetProperty("habilitationChanges").GetProperty("nodes").EnumerateArray()
            .Select(n => n.GetProperty("habilitation").GetProperty("organism").GetProperty("siren").GetString()).ToList();
        Assert.DoesNotContain(DemoFixtures.Pending, inFeed);
        Assert.DoesNotContain(imported.Siren, inFeed);

        // Its own staff see it; a CPNE it never filed with does not.
        var own = await api.PostAsAsync(await Evaluations.EvaluationWorld.StaffOfAsync(api, imported.Siren), Read, new { s = imported.Siren, t = imported.Siret });
        Assert.Equal(imported.Siret, own.Data.GetProperty("site").GetProperty("siret").GetString());
        var cpne = await api.AsAsync(DemoAccounts.Cpne, Read, new { s = DemoFixtures.Pending, t = pendingSiret });
        Assert.Equal(JsonValueKind.Null, cpne.Data.GetProperty("organism").ValueKind);

        // A public organism is unchanged for everyone.
        var active = await api.PostAsync(Read, new { s = DemoFixtures.ActiveQualiopi, t = Siret.Compose(Siren.Parse(DemoFixtures.ActiveQualiopi), 1).Value });
        Assert.Equal(JsonValueKind.Object, active.Data.GetProperty("organism").ValueKind);
    }

    /// <summary>Imports one organism with one site through the command line's use case; answers its SIREN and SIRET.</summary>
    internal static async Task<(string Siren, string Siret)> ImportOneAsync(CleaApi api, string siren = "732829320", string name = "Formation Nouvelle Lyon")
    {
        var siret = Siret.Compose(Siren.Parse(siren), 1).Value;
        var (code, output, _) = await OrganismImportTests.RunImportAsync(api,
            $"siren,name,naf,siret,site_name,street,postal_code,city\n{siren},{name},85.59A,{siret},Siège,1 rue de la République,69002,Lyon\n");
        Assert.True(code == 0, output);
        return (siren, siret);
    }
}
