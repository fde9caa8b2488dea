using Clea.Auth.Demo;
using Clea.Data.Habilitations;
using Clea.Data.Intervenants;
using Clea.Data.Persistence;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Applications;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;
using static Clea.Graph.Tests.Evaluations.EvaluationWorld;

namespace Clea.Graph.Tests.Evaluations;

/// <summary>
/// Juries and issuers: a jury decision records its members; a CléA Socle jury is joint and independent of the organism
/// and its certificate is issued by the Transitions Pro of the candidate's region (regional fact sheet, "Délivrance");
/// a CléA Management jury never includes the candidate's trainer (M, Définitions), and the organism issues.
/// </summary>
public sealed class JuryTests
{
    private const string Read = "query($id: ID!) { candidate(id: $id) { juryDecisions { validated } certificate { number } } }";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_socle_certificate_is_issued_by_the_transitions_pro_of_the_region_with_a_joint_jury_and_refused_without_an_employee_representative(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var (token, evaluator, _) = await HabilitatedAsync(api, CertificationCode.CleaSocle);
        var codes = await ApplicationApi.SubCompetencesAsync(api, "CLEA_SOCLE");
        var siret = await HeadOfficeAsync(api, DemoFixtures.ActiveQualiopi); // Lyon (69): Auvergne-Rhône-Alpes
        var id = Field(await api.PostAsAsync(token, Register, new { input = Candidate(siret, "CLEA_SOCLE", registeredOn: "2026-06-01") }), "registerCandidate").GetProperty("id").GetString();
        Field(await api.PostAsAsync(token, Prior, new { id, input = Evaluation(evaluator, AllBut(codes), heldOn: "2026-06-02") }), "recordPriorEvaluation");

        // Without an employee representative, or with a member linked to the organism: refused, nothing recorded.
        object employer = new { name = "Marc Durand", quality = "EMPLOYER_REPRESENTATIVE" };
        var noEmployee = await api.PostAsAsync(token, Jury, new { id, validated = true, on = "2026-06-10", members = new[] { employer, new { name = "Paul Martin", quality = "OTHER" } } });
        Assert.Equal(["JURY_NOT_JOINT"], noEmployee.ErrorCodes);
        var linked = await api.PostAsAsync(token, Jury, new { id, validated = true, on = "2026-06-10",
            members = JointJury.Append(new { name = "Eva Luatrice", quality = "OTHER", intervenantId = evaluator }).ToArray() });
        Assert.Equal(["JURY_MEMBER_LINKED_TO_ORGANISM"], linked.ErrorCodes);
        var unchanged = (await api.OkAsync(token, Read, new { id })).GetProperty("candidate");
        Assert.Empty(unchanged.GetProperty("juryDecisions").EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unchanged.GetProperty("certificate").ValueKind);

        // A joint jury: the certificate is issued by Transitions Pro Auvergne-Rhône-Alpes, not by the organism.
        var certified = Field(await api.PostAsAsync(token, Jury, new { id, validated = true, on = "2026-06-10", members = JointJury }), "recordJuryDecision");
        var members = certified.GetProperty("juryDecisions")[0].GetProperty("members").EnumerateArray()
            .Select(m => (m.GetProperty("name").GetString(), m.GetProperty("quality").GetString(), m.GetProperty("linkedToOrganism").GetBoolean())).ToList();
        Assert.Equal([("Marc Durand", "EMPLOYER_REPRESENTATIVE", false), ("Sofia Benali", "EMPLOYEE_REPRESENTATIVE", false)], members);
        var issuer = certified.GetProperty("certificate").GetProperty("issuer");
        Assert.Equal(("TRANSITIONS_PRO", "Transitions Pro Auvergne-Rhône-Alpes", "84"),
            (issuer.GetProperty("kind").GetString(), issuer.GetProperty("name").GetString(), issuer.GetProperty("regionCode").GetString()));

        // Anyone verifying the certificate sees who issued it.
        var number = certified.GetProperty("certificate").GetProperty("number").GetString();
        var verified = (await api.PostAsync(Verify, new { n = number, name = "Dupont" })).Data.GetProperty("verifyCertificate");
        Assert.True(verified.GetProperty("authentic").GetBoolean());
        Assert.Equal("CLEA_SOCLE", verified.GetProperty("certification").GetString());
        Assert.Equal("TRANSITIONS_PRO", verified.GetProperty("issuer").GetProperty("kind").GetString());
        Assert.Equal("Transitions Pro Auvergne-Rhône-Alpes", verified.GetProperty("issuer").GetProperty("name").GetString());
        Assert.Equal(DemoFixtures.ActiveQualiopi, verified.GetProperty("organismSiren").GetString());
        var wrongName = (await api.PostAsync(Verify, new { n = number, name = "Durand" })).Data.GetProperty("verifyCertificate");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, wrongName.GetProperty("issuer").ValueKind);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_management_jury_never_includes_the_candidates_trainer_and_the_organism_issues_the_certificate(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var (token, evaluator, trainer) = await HabilitatedAsync(api, CertificationCode.CleaManagement);
        var codes = await ApplicationApi.SubCompetencesAsync(api, "CLEA_MANAGEMENT");
        var siret = await HeadOfficeAsync(api, DemoFixtures.ActiveQualiopi);
        var id = Field(await api.PostAsAsync(token, Register, new { input = Candidate(siret, "CLEA_MANAGEMENT", registeredOn: "2026-06-01") }), "registerCandidate").GetProperty("id").GetString();
        Field(await api.PostAsAsync(token, Prior, new { id, input = Evaluation(evaluator, AllBut(codes, "2-3"), heldOn: "2026-06-02") }), "recordPriorEvaluation");
        Field(await api.PostAsAsync(token, Training, new { id, trainers = new[] { trainer }, on = "2026-06-03" }), "recordTrainingPath");
        Field(await api.PostAsAsync(token, Final, new { id, input = Evaluation(evaluator, [("2-3", true)], heldOn: "2026-09-01") }), "recordFinalEvaluation");

        // The trainer, named as an intervenant or only by name: refused, nothing recorded.
        var byId = await api.PostAsAsync(token, Jury, new { id, validated = true, on = "2026-09-10",
            members = new object[] { new { name = "Présidente du jury", quality = "OTHER" }, new { name = "Formateur", quality = "OTHER", intervenantId = trainer } } });
        Assert.Equal(["JURY_MEMBER_IS_TRAINER"], byId.ErrorCodes);
        var byName = await api.PostAsAsync(token, Jury, new { id, validated = true, on = "2026-09-10", members = new[] { new { name = "for MATEUR", quality = "EMPLOYER_REPRESENTATIVE" } } });
        Assert.Equal(["JURY_MEMBER_IS_TRAINER"], byName.ErrorCodes);
        var none = await api.PostAsAsync(token, Jury, new { id, validated = true, on = "2026-09-10", members = Array.Empty<object>() });
        Assert.Equal(["JURY_MEMBERS_REQUIRED"], none.ErrorCodes);
        Assert.Empty((await api.OkAsync(token, Read, new { id })).GetProperty("candidate").GetProperty("juryDecisions").EnumerateArray());

        // The evaluator may sit; the organism issues a Management certificate.
        var certified = Field(await api.PostAsAsync(token, Jury, new { id, validated = true, on = "2026-09-10",
            members = new[] { new { name = "Eva Luatrice", quality = "OTHER", intervenantId = evaluator } } }), "recordJuryDecision");
        var member = certified.GetProperty("juryDecisions")[0].GetProperty("members")[0];
        Assert.Equal(evaluator, member.GetProperty("intervenantId").GetString());
        Assert.True(member.GetProperty("linkedToOrganism").GetBoolean());
        var issuer = certified.GetProperty("certificate").GetProperty("issuer");
        Assert.Equal(("ORGANISM", "Formation Plus Lyon"), (issuer.GetProperty("kind").GetString(), issuer.GetProperty("name").GetString()));
        var number = certified.GetProperty("certificate").GetProperty("number").GetString();
        var verified = (await api.PostAsync(Verify, new { n = number, name = "Dupont" })).Data.GetProperty("verifyCertificate").GetProperty("issuer");
        Assert.Equal(("ORGANISM", "Formation Plus Lyon", System.Text.Json.JsonValueKind.Null),
            (verified.GetProperty("kind").GetString(), verified.GetProperty("name").GetString(), verified.GetProperty("regionCode").ValueKind));
    }

    /// <summary>The demo organism habilitated for <paramref name="certification"/> from 2 Feb 2026, with an evaluator and a trainer declared then.</summary>
    private static async Task<(string Token, string Evaluator, string Trainer)> HabilitatedAsync(CleaApi api, CertificationCode certification)
    {
        var (evaluator, trainer) = await WithDbAsync(api, async db =>
        {
            var organism = await db.Organisms.SingleAsync(o => o.Siren == Siren.Parse(DemoFixtures.ActiveQualiopi));
            var certifPro = await db.Instances.SingleAsync(i => i.Code == DemoAccounts.CertifProInstance);
            var habilitation = new Habilitation(organism, certification, certifPro, HabilitationScope.TrainAndEvaluate, new DateOnly(2026, 1, 5));
            habilitation.Accept(new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 2));
            db.Habilitations.Add(habilitation);
            var e = Intervenant.Declare(organism, "Eva", "Luatrice", true, false, [], false, new DateOnly(2026, 2, 2));
            var t = Intervenant.Declare(organism, "For", "Mateur", false, true, [], false, new DateOnly(2026, 2, 2));
            db.Intervenants.AddRange(e, t);
            await db.SaveChangesAsync();
            return (Clea.Graph.Common.GlobalId.Encode("Intervenant", e.Id), Clea.Graph.Common.GlobalId.Encode("Intervenant", t.Id));
        });
        return (await api.TokenForAsync(DemoAccounts.Organism), evaluator, trainer);
    }
}
