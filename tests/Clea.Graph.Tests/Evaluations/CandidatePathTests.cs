using Clea.Auth.Demo;
using Clea.Data.Events;
using Clea.Data.Fees;
using Clea.Data.Habilitations;
using Clea.Data.Intervenants;
using Clea.Data.Persistence;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;
using static Clea.Graph.Tests.Evaluations.EvaluationWorld;

namespace Clea.Graph.Tests.Evaluations;

/// <summary>A candidate's whole path over HTTP, and every refusal with its code and nothing changed.</summary>
public sealed class CandidatePathTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_candidate_goes_from_registration_to_a_publicly_verifiable_certificate_and_every_refusal_changes_nothing(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var token = await api.TokenForAsync(DemoAccounts.Organism);
        var evaluator = await DeclareAsync(api, token, "Evaluatrice", evaluator: true, trainer: false);
        var trainer = await DeclareAsync(api, token, "Formateur", evaluator: false, trainer: true);
        var both = await DeclareAsync(api, token, "Polyvalent", evaluator: true, trainer: true);
        var siret = await HeadOfficeAsync(api, DemoFixtures.ActiveQualiopi);

        var registered = Field(await api.PostAsAsync(token, Register, new { input = Candidate(siret) }), "registerCandidate");
        var id = registered.GetProperty("id").GetString();
        Assert.Equal("2026-11-24", registered.GetProperty("registeredOn").GetString());

        // Prior evaluation: every sub-competence, on-site; 2.1 and 3.3 not acquired.
        var incomplete = await api.PostAsAsync(token, Prior, new { id, input = Evaluation(evaluator, [("1.1", true)]) });
        Assert.Equal(["RESULTS_INCOMPLETE"], incomplete.ErrorCodes);
        var trainerEvaluates = await api.PostAsAsync(token, Prior, new { id, input = Evaluation(trainer, AllBut(Numerique, "2.1", "3.3")) });
        Assert.Equal(["INTERVENANT_NOT_EVALUATOR"], trainerEvaluates.ErrorCodes);
        var remoteUnsafe = await api.PostAsAsync(token, Prior, new { id, input = Evaluation(evaluator, AllBut(Numerique, "2.1"), modality: "REMOTE_SYNCHRONOUS") });
        Assert.Equal(["REMOTE_SAFEGUARDS_MISSING"], remoteUnsafe.ErrorCodes);
        var prior = Field(await api.PostAsAsync(token, Prior, new { id, input = Evaluation(evaluator, AllBut(Numerique, "2.1", "3.3")) }), "recordPriorEvaluation");
        Assert.Equal("TRAINING_RECOMMENDED", prior.GetProperty("evaluations")[0].GetProperty("outcome").GetString());
        Assert.False(prior.GetProperty("resultsMatrix").GetProperty("complete").GetBoolean());
        var twice = await api.PostAsAsync(token, Prior, new { id, input = Evaluation(evaluator, AllBut(Numerique)) });
        Assert.Equal(["PRIOR_EVALUATION_ALREADY_RECORDED"], twice.ErrorCodes);

        // Training: the evaluator cannot train this candidate; then the trainer cannot evaluate them.
        var evaluatorTrains = await api.PostAsAsync(token, Training, new { id, trainers = new[] { evaluator } });
        Assert.Equal(["TRAINER_CANNOT_EVALUATE"], evaluatorTrains.ErrorCodes);
        var path = Field(await api.PostAsAsync(token, Training, new { id, trainers = new[] { trainer, both } }), "recordTrainingPath");
        Assert.Equal(2, path.GetProperty("trainingPath").GetProperty("trainerIds").GetArrayLength());
        var trainerIsEvaluator = await api.PostAsAsync(token, Final, new { id, input = Evaluation(both, [("2.1", true)]) });
        Assert.Equal(["TRAINER_CANNOT_EVALUATE"], trainerIsEvaluator.ErrorCodes);

        // Final evaluation: only what is not acquired.
        var alreadyAcquired = await api.PostAsAsync(token, Final, new { id, input = Evaluation(evaluator, [("2.1", true), ("1.1", true)]) });
        Assert.Equal(["COMPETENCE_ALREADY_ACQUIRED"], alreadyAcquired.ErrorCodes);
        var partly = Field(await api.PostAsAsync(token, Final, new { id, input = Evaluation(evaluator, [("2.1", true)]) }), "recordFinalEvaluation");
        Assert.Equal(2, partly.GetProperty("evaluations").GetArrayLength());

        // Jury: domain 3 is not validated yet.
        var incompleteJury = await api.PostAsAsync(token, Jury, new { id, validated = true });
        Assert.Equal(["DOMAINS_NOT_ALL_VALIDATED"], incompleteJury.ErrorCodes);
        Field(await api.PostAsAsync(token, Final, new { id, input = Evaluation(evaluator, [("3.3", true)]) }), "recordFinalEvaluation");
        var certified = Field(await api.PostAsAsync(token, Jury, new { id, validated = true }), "recordJuryDecision");
        var certificate = certified.GetProperty("certificate");
        var number = certificate.GetProperty("number").GetString()!;
        Assert.Matches("^CLEA-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-.$", number);
        Assert.Equal("PAPER", certificate.GetProperty("delivery").GetString());
        var duplicate = await api.PostAsAsync(token, Jury, new { id, validated = true });
        Assert.Equal(["CERTIFICATE_ALREADY_ISSUED"], duplicate.ErrorCodes);

        // The results matrix names the evaluation that validated each sub-competence.
        var read = Field(await api.PostAsAsync(token, ReadCandidate, new { id }), "candidate");
        var matrix = read.GetProperty("resultsMatrix");
        Assert.True(matrix.GetProperty("complete").GetBoolean());
        var subs = matrix.GetProperty("domains").EnumerateArray().SelectMany(d => d.GetProperty("subCompetences").EnumerateArray()).ToDictionary(s => s.GetProperty("code").GetString()!);
        Assert.Equal("FINAL", subs["2.1"].GetProperty("validatedBy").GetProperty("kind").GetString());
        Assert.Equal("PRIOR", subs["1.1"].GetProperty("validatedBy").GetProperty("kind").GetString());
        // Nothing the refusals tried was recorded: one prior, two finals, one jury decision, one certificate.
        Assert.Equal(["PRIOR", "FINAL", "FINAL"], read.GetProperty("evaluations").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Single(read.GetProperty("juryDecisions").EnumerateArray());

        // Fees and the use of the habilitation.
        var (fees, lastUsed) = await WithDbAsync(api, async db =>
        {
            var organism = await db.Organisms.SingleAsync(o => o.Siren == Siren.Parse(DemoFixtures.ActiveQualiopi));
            var lines = await db.FeeLines.Where(l => l.OrganismId == organism.Id && (l.Kind == FeeKind.Certificate || l.Kind == FeeKind.PriorEvaluation)).ToListAsync();
            var used = (await db.Habilitations.SingleAsync(h => h.OrganismId == organism.Id)).LastUsedOn;
            return (lines, used);
        });
        var fee = Assert.Single(fees);
        Assert.Equal((FeeKind.Certificate, 11m, $"certificate:{number}"), (fee.Kind, fee.Amount, fee.SourceKey));
        Assert.Equal(new DateOnly(2026, 11, 24), lastUsed);

        // Public verification: the name is compared without case or accents; a wrong name and an unknown number look alike.
        var genuine = Field(await api.PostAsync(Verify, new { n = number.ToLowerInvariant(), name = " DUPÔNT " }), "verifyCertificate");
        Assert.True(genuine.GetProperty("authentic").GetBoolean());
        Assert.Equal("CLEA_NUMERIQUE", genuine.GetProperty("certification").GetString());
        Assert.Equal(DemoFixtures.ActiveQualiopi, genuine.GetProperty("organismSiren").GetString());
        var wrongName = await api.PostAsync(Verify, new { n = number, name = "Durand" });
        var unknown = await api.PostAsync(Verify, new { n = "CLEA-0000-0000-0000-0000-0", name = "Dupont" });
        var garbage = await api.PostAsync(Verify, new { n = "not a number", name = "Dupont" });
        Assert.False(wrongName.Data.GetProperty("verifyCertificate").GetProperty("authentic").GetBoolean());
        Assert.Equal(wrongName.Body, unknown.Body);
        Assert.Equal(wrongName.Body, garbage.Body);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CleA_Socle_is_finally_evaluated_within_five_years_of_the_prior_evaluation_and_appealed_within_one_month_of_the_results(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        // Today is 2029-12-01: a renewed CléA Socle habilitation in force from 2024-02-01 to 2030-01-31, intervenants declared then.
        api.Clock.Set(new DateTimeOffset(2029, 12, 1, 10, 0, 0, TimeSpan.Zero));
        var token = await api.TokenForAsync(DemoAccounts.Organism);
        var (evaluator, trainer) = await WithDbAsync(api, async db =>
        {
            var organism = await db.Organisms.SingleAsync(o => o.Siren == Siren.Parse(DemoFixtures.ActiveQualiopi));
            var certifPro = await db.Instances.SingleAsync(i => i.Code == DemoAccounts.CertifProInstance);
            var socle = new Habilitation(organism, CertificationCode.CleaSocle, certifPro, HabilitationScope.TrainAndEvaluate, new DateOnly(2024, 1, 5));
            socle.Accept(new DateOnly(2024, 1, 20), new DateOnly(2024, 2, 1));
            socle.RecordUse(new DateOnly(2024, 3, 1));
            socle.RenewAutomatically();
            db.Habilitations.Add(socle);
            var e = Intervenant.Declare(organism, "Eva", "Luatrice", true, false, [], false, new DateOnly(2024, 2, 1));
            var t = Intervenant.Declare(organism, "For", "Mateur", false, true, [], false, new DateOnly(2024, 2, 1));
            db.Intervenants.AddRange(e, t);
            await db.SaveChangesAsync();
            return (Clea.Graph.Common.GlobalId.Encode("Intervenant", e.Id), Clea.Graph.Common.GlobalId.Encode("Intervenant", t.Id));
        });
        var siret = await HeadOfficeAsync(api, DemoFixtures.ActiveQualiopi);
        var socleCodes = (await api.QueryAsync("{ certifications { code domains { subDomains { code } } } }")).GetProperty("certifications").EnumerateArray()
            .Single(c => c.GetProperty("code").GetString() == "CLEA_SOCLE").GetProperty("domains").EnumerateArray()
            .SelectMany(d => d.GetProperty("subDomains").EnumerateArray()).Select(s => s.GetProperty("code").GetString()!).ToArray();

        var future = await api.PostAsAsync(token, Register, new { input = Candidate(siret, "CLEA_SOCLE", registeredOn: "2029-12-02") });
        Assert.Equal(["DATE_IN_FUTURE"], future.ErrorCodes);
        var id = Field(await api.PostAsAsync(token, Register, new { input = Candidate(siret, "CLEA_SOCLE", registeredOn: "2024-05-02") }), "registerCandidate").GetProperty("id").GetString();
        Field(await api.PostAsAsync(token, Prior, new { id, input = Evaluation(evaluator, AllBut(socleCodes, "7.4"), heldOn: "2024-06-03") }), "recordPriorEvaluation");
        Field(await api.PostAsAsync(token, Training, new { id, trainers = new[] { trainer }, on = "2024-06-17" }), "recordTrainingPath");

        var late = await api.PostAsAsync(token, Final, new { id, input = Evaluation(evaluator, [("7.4", true)], heldOn: "2029-06-04") });
        Assert.Equal(["FINAL_EVALUATION_TOO_LATE"], late.ErrorCodes);
        Field(await api.PostAsAsync(token, Final, new { id, input = Evaluation(evaluator, [("7.4", true)], heldOn: "2029-06-03") }), "recordFinalEvaluation");
        var certified = Field(await api.PostAsAsync(token, Jury, new { id, validated = true, on = "2029-06-11", members = JointJury }), "recordJuryDecision");
        Assert.Equal("2029-06-11", certified.GetProperty("certificate").GetProperty("issuedOn").GetString());

        // Results of 2029-06-11: an appeal on 2029-07-11 is the last day; today (2029-12-01) is too late.
        var tooLate = await api.PostAsAsync(token, Appeal, new { id });
        Assert.Equal(["CANDIDATE_APPEAL_DEADLINE_PASSED"], tooLate.ErrorCodes);
        var inTime = Field(await api.PostAsAsync(token, Appeal, new { id, on = "2029-07-11" }), "fileCandidateAppeal");
        Assert.Single(inTime.GetProperty("appeals").EnumerateArray());

        var fees = await WithDbAsync(api, db => db.FeeLines.Where(l => l.Certification == CertificationCode.CleaSocle
            && (l.Kind == FeeKind.PriorEvaluation || l.Kind == FeeKind.Certificate)).OrderBy(l => l.AccruedOn).ToListAsync());
        Assert.Equal([(FeeKind.PriorEvaluation, 22m, new DateOnly(2024, 6, 3)), (FeeKind.Certificate, 5.5m, new DateOnly(2029, 6, 11))],
            fees.Select(f => (f.Kind, f.Amount, f.AccruedOn)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Organisms_not_habilitated_on_the_registration_day_cannot_register_candidates(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var suspended = await StaffOfAsync(api, DemoFixtures.Suspended);
        var refused = await api.PostAsAsync(suspended, Register, new { input = Candidate(await HeadOfficeAsync(api, DemoFixtures.Suspended)) });
        Assert.Equal(["ORGANISM_NOT_HABILITATED"], refused.ErrorCodes);
        Assert.Contains("suspended", refused.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        var token = await api.TokenForAsync(DemoAccounts.Organism);
        var siret = await HeadOfficeAsync(api, DemoFixtures.ActiveQualiopi);
        var otherCertification = await api.PostAsAsync(token, Register, new { input = Candidate(siret, "CLEA_MANAGEMENT") });
        Assert.Equal(["ORGANISM_NOT_HABILITATED"], otherCertification.ErrorCodes);
        var otherSite = await api.PostAsAsync(token, Register, new { input = Candidate(await HeadOfficeAsync(api, DemoFixtures.NotQualiopi)) });
        Assert.Equal(["SITE_NOT_LISTED"], otherSite.ErrorCodes);
        Assert.Equal(0, await WithDbAsync(api, db => db.Candidates.CountAsync()));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Candidate_data_is_erased_on_the_Instances_order_only_once_the_habilitation_has_ended_and_certificates_stay_verifiable(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var active = await SeedCertifiedCandidateAsync(api, DemoFixtures.ActiveQualiopi, "Martin");
        var withdrawn = await SeedCertifiedCandidateAsync(api, DemoFixtures.Withdrawn, "Bernard");
        const string Erase = "mutation($s: String!) { eraseCandidateData(siren: $s, certification: CLEA_NUMERIQUE, reason: \"Fin d'habilitation\") { candidatesErased orderedOn } }";
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);

        var inForce = await api.PostAsAsync(certifPro, Erase, new { s = DemoFixtures.ActiveQualiopi });
        Assert.Equal(["ERASURE_WHILE_HABILITATED"], inForce.ErrorCodes);
        var byOrganism = await api.PostAsAsync(await api.TokenForAsync(DemoAccounts.Organism), Erase, new { s = DemoFixtures.Withdrawn });
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], byOrganism.ErrorCodes);
        var byCpne = await api.PostAsAsync(await api.TokenForAsync(DemoAccounts.Cpne), Erase, new { s = DemoFixtures.Withdrawn });
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], byCpne.ErrorCodes);

        var erased = Field(await api.PostAsAsync(certifPro, Erase, new { s = DemoFixtures.Withdrawn }), "eraseCandidateData");
        Assert.Equal(1, erased.GetProperty("candidatesErased").GetInt32());

        var (names, events) = await WithDbAsync(api, async db => (
            await db.Candidates.OrderBy(c => c.Id).Select(c => c.LastName).ToListAsync(),
            await db.LifecycleEvents.Where(e => e.Kind == LifecycleEventKind.CandidateDataErased).ToListAsync()));
        Assert.Equal(["Martin", null], names);
        var logged = Assert.Single(events);
        Assert.Equal("instance", logged.ActorRole);
        Assert.Equal("CleaNumerique:1", logged.Reference);

        var stillVerifiable = await api.PostAsync(Verify, new { n = withdrawn, name = "bernard" });
        Assert.True(Field(stillVerifiable, "verifyCertificate").GetProperty("authentic").GetBoolean(), stillVerifiable.Body);
        var activeOne = await api.PostAsync(Verify, new { n = active, name = "MARTIN" });
        Assert.True(Field(activeOne, "verifyCertificate").GetProperty("authentic").GetBoolean(), activeOne.Body);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Certificate_verification_has_its_own_stricter_limit_per_caller(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider, settings: new Dictionary<string, string?> { ["RateLimits:CertificateVerificationPerMinute"] = "3" });
        var answers = new List<GraphQLResponse>();
        for (var i = 0; i < 4; i++) answers.Add(await api.PostAsync(Verify, new { n = "CLEA-0000-0000-0000-0000-0", name = "x" }));
        Assert.All(answers.Take(3), a => Assert.False(a.HasErrors, a.Body));
        Assert.Equal(["RATE_LIMITED"], answers[3].ErrorCodes);
        // Other fields are not affected.
        Assert.False((await api.PostAsync("{ certifications { code } }")).HasErrors);
    }
}
