using System.Net;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using static Clea.Graph.Tests.Evaluations.EvaluationWorld;

namespace Clea.Graph.Tests.Evaluations;

/// <summary>Candidates' personal data: their organism's staff and the auditors of its open audits only, every read logged.</summary>
public sealed class CandidateAccessTests
{
    private const string List = "query($s: String!) { candidates(siren: $s, first: 10) { totalCount nodes { id lastName birthDate certificate { number } } } }";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Candidates_are_read_only_by_their_organisms_staff_and_its_auditors_and_every_read_is_logged(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        await SeedCertifiedCandidateAsync(api, DemoFixtures.ActiveQualiopi, "Martin");
        await SeedCertifiedCandidateAsync(api, DemoFixtures.Suspended, "Petit"); // the demo auditor audits this organism

        var own = Field(await api.AsAsync(DemoAccounts.Organism, List, new { s = DemoFixtures.ActiveQualiopi }), "candidates");
        Assert.Equal("Martin", Assert.Single(own.GetProperty("nodes").EnumerateArray()).GetProperty("lastName").GetString());
        var id = own.GetProperty("nodes")[0].GetProperty("id").GetString();

        var audited = Field(await api.AsAsync(DemoAccounts.Auditor, List, new { s = DemoFixtures.Suspended }), "candidates");
        Assert.Equal("Petit", audited.GetProperty("nodes")[0].GetProperty("lastName").GetString());

        // Another organism's staff, an auditor outside its audits: refused by the resource check.
        foreach (var (who, siren) in new[] { (DemoAccounts.Organism2, DemoFixtures.ActiveQualiopi), (DemoAccounts.Auditor, DemoFixtures.ActiveQualiopi) })
        {
            var refused = await api.AsAsync(who, List, new { s = siren });
            Assert.Equal(["AUTH_NOT_AUTHORIZED"], refused.ErrorCodes);
        }
        var otherCandidate = await api.AsAsync(DemoAccounts.Organism2, ReadCandidate, new { id });
        Assert.Equal(["CANDIDATE_NOT_FOUND"], otherCandidate.ErrorCodes);
        // Instances and administrators may not ask at all; nor may the public.
        foreach (var who in new[] { DemoAccounts.CertifPro, DemoAccounts.Admin })
        {
            var forbidden = await api.AsAsync(who, List, new { s = DemoFixtures.ActiveQualiopi });
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
            Assert.Equal(["AUTH_NOT_AUTHORIZED"], forbidden.ErrorCodes);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsync(List, new { s = DemoFixtures.ActiveQualiopi })).Status);

        // The reads are in the organisms' access logs (refusals read nothing).
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);
        const string Log = "query($s: String!) { personalDataAccesses(siren: $s, first: 10) { nodes { role what records } } }";
        var ownLog = Field(await api.PostAsAsync(certifPro, Log, new { s = DemoFixtures.ActiveQualiopi }), "personalDataAccesses").GetProperty("nodes");
        Assert.Equal([("organism", "Query.candidates", 1)], ownLog.EnumerateArray().Select(e => (e.GetProperty("role").GetString(), e.GetProperty("what").GetString(), e.GetProperty("records").GetInt32())));
        var auditLog = Field(await api.PostAsAsync(certifPro, Log, new { s = DemoFixtures.Suspended }), "personalDataAccesses").GetProperty("nodes");
        Assert.Equal([("auditor", "Query.candidates", 1)], auditLog.EnumerateArray().Select(e => (e.GetProperty("role").GetString(), e.GetProperty("what").GetString(), e.GetProperty("records").GetInt32())));
    }
}
