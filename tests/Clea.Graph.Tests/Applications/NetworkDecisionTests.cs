using Clea.Data;
using Clea.Data.Persistence;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Clea.Graph.Tests.Applications.ApplicationApi;

namespace Clea.Graph.Tests.Applications;

/// <summary>
/// Each candidate of a network file is habilitated individually (F §1): the Instance accepts some and refuses others,
/// with reasons per candidate; the refused one appeals alone and is accepted on appeal; the registry shows exactly the
/// accepted candidates at each step; the fee lines (330 € per candidate) do not depend on the outcome.
/// </summary>
public sealed class NetworkDecisionTests
{
    private static readonly string[] Candidates = [DemoFixtures.NotQualiopi, DemoFixtures.Renewed, DemoFixtures.ValidUntilToday];
    private const string Refused = DemoFixtures.ValidUntilToday;

    private const string File = "id status decision { outcome reasons { criterion } appealUntil } candidates { organism { siren } habilitation { status } decision { outcome appealUntil reasons { criterion met comment } } appeal { outcome acknowledgedOn decidedOn } }";
    private const string Decide = "mutation($id: ID!, $accept: Boolean, $candidates: [CandidateVerdictInput!]) { decide(id: $id, meetingOn: \"2027-02-18\", accept: $accept, candidates: $candidates) { application { " + File + " } } }";
    private const string Registry = "query($s: String!) { organism(siren: $s) { habilitations(certification: CLEA_MANAGEMENT) { status } } }";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_three_candidate_network_file_accepts_two_refuses_one_whose_appeal_succeeds(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var staff = await api.CertifProAsync();
        var mandataire = await api.OrganismAsync();
        await api.OkAsync(staff, CreateCampaign, new { input = new { certification = "CLEA_MANAGEMENT", code = "CP-MGT-2027", name = "Campagne 2027", opensOn = "2026-11-24", closesOn = "2027-01-29", meetingDates = new[] { "2027-02-18" } } });
        await api.OkAsync(mandataire, "mutation { updateOrganismContacts(mainContact: { name: \"Anne Martin\", email: \"anne.martin@formationplus.fr\" }) { siren } }");
        using (var scope = api.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CleaDbContext>();
            var sirens = Candidates.Select(Siren.Parse).ToList();
            foreach (var organism in await db.Organisms.Include(o => o.Turnover).Where(o => sirens.Contains(o.Siren)).ToListAsync())
            foreach (var year in new[] { 2023, 2024, 2025 })
                organism.DeclareTurnover(year, 150000m, new DateOnly(2026, 11, 24));
            await db.SaveChangesAsync();
        }
        var input = await FileInputAsync(api, "CP-MGT-2027");
        var network = new
        {
            campaign = "CP-MGT-2027", scope = "TRAIN_AND_EVALUATE", kind = "NETWORK", mandateReference = "Mandat réseau 2027",
            candidates = Candidates.Select(s => new { siren = s }).ToArray(),
            intervenants = new[] { new { firstName = "Anne", lastName = "Martin", evaluator = true, trainer = true } },
            technical = input.GetType().GetProperty("technical")!.GetValue(input),
        };
        var id = (await api.OkAsync(mandataire, FileApplication, new { input = network })).GetProperty("fileApplication").GetProperty("id").GetString();
        await api.OkAsync(staff, MarkComplete, new { id });
        api.Clock.Set(At("2027-02-10"));
        await api.OkAsync(await api.CertifProAsync(), GiveOpinion, new { id, meetingOn = "2027-02-18", verdicts = Verdicts() });

        // 18 Feb 2027: a verdict per candidate, exactly one each; a mixed or incomplete request changes nothing.
        api.Clock.Set(At("2027-02-18"));
        staff = await api.CertifProAsync();
        object Accept(string siren) => new { siren, accept = true };
        object Refuse(string siren) => new { siren, accept = false, reasons = Verdicts(met: false) };
        Assert.Equal(["INVALID_ARGUMENTS"], (await api.PostAsAsync(staff, Decide, new { id, accept = true, candidates = Candidates.Select(Accept).ToArray() })).ErrorCodes);
        Assert.Equal(["CANDIDATE_VERDICTS_MISMATCH"], (await api.PostAsAsync(staff, Decide, new { id, candidates = new[] { Accept(Candidates[0]), Refuse(Refused) } })).ErrorCodes);
        Assert.Equal("INSTRUCTED", (await api.OkAsync(staff, ReadApplication, new { id })).GetProperty("application").GetProperty("status").GetString());
        Assert.Empty(await HabilitatedAsync(api));

        var decided = (await api.OkAsync(staff, Decide, new { id, candidates = new[] { Accept(Candidates[0]), Accept(Candidates[1]), Refuse(Refused) } }))
            .GetProperty("decide").GetProperty("application");
        Assert.Equal("PARTLY_ACCEPTED", decided.GetProperty("status").GetString());
        Assert.Equal("PARTLY_ACCEPTED", decided.GetProperty("decision").GetProperty("outcome").GetString());
        var byCandidate = decided.GetProperty("candidates").EnumerateArray().ToDictionary(c => c.GetProperty("organism").GetProperty("siren").GetString()!);
        Assert.Equal("ACCEPTED", byCandidate[Candidates[0]].GetProperty("decision").GetProperty("outcome").GetString());
        Assert.Equal("ACTIVE", byCandidate[Candidates[1]].GetProperty("habilitation").GetProperty("status").GetString());
        var refusal = byCandidate[Refused].GetProperty("decision");
        Assert.Equal("REFUSED", refusal.GetProperty("outcome").GetString());
        Assert.Equal("2027-04-02", refusal.GetProperty("appealUntil").GetString());
        Assert.Contains(refusal.GetProperty("reasons").EnumerateArray(), r => !r.GetProperty("met").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, byCandidate[Candidates[0]].GetProperty("decision").GetProperty("appealUntil").ValueKind);
        Assert.Equal(Candidates[..2].Order(), await HabilitatedAsync(api));

        // 1 Mar 2027: the mandataire appeals for the refused candidate only; an accepted one cannot appeal.
        api.Clock.Set(At("2027-03-01"));
        mandataire = await api.OrganismAsync();
        Assert.Equal(["APPEAL_NOT_ALLOWED"], (await api.PostAsAsync(mandataire, "mutation($id: ID!, $s: String) { fileAppeal(id: $id, grounds: \"x\", siren: $s) { id } }", new { id, s = Candidates[0] })).ErrorCodes);
        await api.OkAsync(mandataire, "mutation($id: ID!, $s: String) { fileAppeal(id: $id, grounds: \"Deux évaluateurs qualifiés ont rejoint l'équipe.\", siren: $s) { id } }", new { id, s = Refused });
        api.Clock.Set(At("2027-03-08"));
        staff = await api.CertifProAsync();
        await api.OkAsync(staff, "mutation($id: ID!, $s: String) { acknowledgeAppeal(id: $id, siren: $s) { id } }", new { id, s = Refused });
        await api.OkAsync(staff, ScheduleMeeting, new { campaign = "CP-MGT-2027", on = "2027-03-25" });

        // 30 Mar 2027: accepted on appeal, in force from this notification; the file is now accepted for all three.
        api.Clock.Set(At("2027-03-30"));
        staff = await api.CertifProAsync();
        var appealed = (await api.OkAsync(staff, "mutation($id: ID!, $s: String) { decideAppeal(id: $id, meetingOn: \"2027-03-25\", accept: true, reason: \"Équipe désormais suffisante.\", siren: $s) { " + File + " } }", new { id, s = Refused }))
            .GetProperty("decideAppeal");
        Assert.Equal("ACCEPTED", appealed.GetProperty("status").GetString());
        var candidate = appealed.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("organism").GetProperty("siren").GetString() == Refused);
        Assert.Equal("ACCEPTED", candidate.GetProperty("appeal").GetProperty("outcome").GetString());
        Assert.Equal("REFUSED", candidate.GetProperty("decision").GetProperty("outcome").GetString()); // the refusal stays in history
        Assert.Equal(Candidates.Order(), await HabilitatedAsync(api));
        var verify = "query($s: String!, $on: Date) { verifyHabilitation(siren: $s, certification: CLEA_MANAGEMENT, on: $on) { status } }";
        Assert.Equal("REFUSED", (await api.QueryAsync(verify, new { s = Refused, on = "2027-03-29" })).GetProperty("verifyHabilitation").GetProperty("status").GetString());
        Assert.Equal("ACTIVE", (await api.QueryAsync(verify, new { s = Refused, on = "2027-03-30" })).GetProperty("verifyHabilitation").GetProperty("status").GetString());

        // The fee lines are per candidate, whatever the outcome: 3 × 330 €, each on its candidate.
        using (var scope = api.Services.CreateScope())
        {
            var lines = await scope.ServiceProvider.GetRequiredService<CleaDbContext>().FeeLines.AsNoTracking()
                .Where(l => l.SourceKey.StartsWith("application:CP-MGT-2027-0001:")).Select(l => new { l.SourceKey, l.Amount }).ToListAsync();
            Assert.Equal(Candidates.Order().Select(s => ("application:CP-MGT-2027-0001:" + s, 330m)), lines.Select(l => (l.SourceKey, l.Amount)).OrderBy(l => l.SourceKey));
        }
    }

    /// <summary>The candidates the public registry shows habilitated for CléA Management today.</summary>
    private static async Task<List<string>> HabilitatedAsync(CleaApi api)
    {
        var shown = new List<string>();
        foreach (var siren in Candidates.Order())
        {
            var entries = (await api.QueryAsync(Registry, new { s = siren })).GetProperty("organism").GetProperty("habilitations").EnumerateArray();
            if (entries.Any(h => h.GetProperty("status").GetString() == "ACTIVE")) shown.Add(siren);
        }
        return shown;
    }
}
