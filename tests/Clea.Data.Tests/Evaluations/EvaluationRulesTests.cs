using System.Reflection;
using Clea.Data.Common;
using Clea.Data.Evaluations;
using Clea.Data.Fees;
using Clea.Data.Habilitations;
using Clea.Data.Instances;
using Clea.Data.Intervenants;
using Clea.Data.Referentials;
using Clea.Data.Registry;

namespace Clea.Data.Tests.Evaluations;

/// <summary>The evaluation and certification rules at their boundaries: the last allowed day and the day after.</summary>
public sealed class EvaluationRulesTests
{
    private static readonly Instance CertifPro = new("CERTIF_PRO", "Certif Pro", InstanceKind.CertifPro, null);
    private static readonly DateOnly Notified = new(2024, 2, 1);
    private static readonly DateOnly LastValidDay = new(2027, 1, 31);
    private static readonly FeeSchedule Fees = new(FeeTariff.Annexe2Grid());
    /// <summary>A joint jury independent of the organism: valid for every certification (CléA Socle's is the strictest rule).</summary>
    private static readonly JuryComposition Jury = new([new JuryMemberInput("Marc Durand", JuryMemberQuality.EmployerRepresentative),
        new JuryMemberInput("Sofia Benali", JuryMemberQuality.EmployeeRepresentative)], [], new Region("84", "Auvergne-Rhône-Alpes"));

    private readonly Organism _organism = WithId(Organism.Register(Siren.Parse("732829320"), "Atelier", qualiopi: true), 7);
    private readonly Site _site;
    private readonly Intervenant _evaluator;
    private readonly Intervenant _trainer;
    private readonly Intervenant _both;

    public EvaluationRulesTests()
    {
        _site = WithId(_organism.AddSite(Siret.Compose(_organism.Siren, 1), "Siège", Address.Create("1 rue A", "69001", "Lyon", "69"), new DateOnly(2020, 1, 1), headOffice: true), 3);
        _evaluator = WithId(Intervenant.Declare(_organism, "Eva", "Luatrice", true, false, [], remoteEvaluation: true, Notified), 11);
        _trainer = WithId(Intervenant.Declare(_organism, "For", "Mateur", false, true, [], false, Notified), 12);
        _both = WithId(Intervenant.Declare(_organism, "Poly", "Valent", true, true, [], false, Notified), 13);
    }

    private IReadOnlyCollection<Intervenant> Team => [_evaluator, _trainer, _both];

    private Habilitation Habilitation(CertificationCode certification = CertificationCode.CleaSocle, HabilitationScope scope = HabilitationScope.TrainAndEvaluate)
    {
        var habilitation = new Habilitation(_organism, certification, CertifPro, scope, new DateOnly(2023, 10, 1));
        habilitation.Accept(new DateOnly(2024, 1, 20), Notified);
        return habilitation;
    }

    /// <summary>A two-domain référentiel with sub-competences 1.1, 1.2 and 2.1, ids set as the database would.</summary>
    private static Certification Referential(CertificationCode code = CertificationCode.CleaSocle)
    {
        var certification = new Certification(code, "RS0000", "Test", "2024");
        var d1 = WithId(certification.AddDomain("1", "Un", false), 1);
        var d2 = WithId(certification.AddDomain("2", "Deux", false), 2);
        var id = 100;
        foreach (var (domain, codes) in new[] { (d1, new[] { "1.1", "1.2" }), (d2, new[] { "2.1" }) })
        foreach (var sub in codes)
        {
            var s = WithId(domain.AddSubDomain(sub, sub, false, [], null, []), ++id);
            typeof(SubDomain).GetProperty(nameof(SubDomain.DomainId))!.SetValue(s, domain.Id);
        }
        return certification;
    }

    private Candidate Register(Habilitation habilitation, DateOnly on, CertificationCode? certification = null)
        => Candidate.Register(_organism, _site, certification ?? habilitation.Certification, on,
            new CandidateIdentity("Léa", "Dupont", new DateOnly(1990, 1, 1), "lea@example.fr", null, FundingScheme.Cpf), [habilitation]);

    private static EvaluationInput Session(DateOnly on, int evaluatorId, params (string Code, bool Acquired)[] results)
        => new(on, EvaluationModality.OnSite, evaluatorId, true, true, [.. results.Select(r => new ResultInput(r.Code, r.Acquired))]);

    private static string Code(Action action) => Assert.Throws<DomainRuleException>(action).Code;

    [Fact]
    public void Registration_needs_an_habilitation_in_force_on_the_registration_day()
    {
        var habilitation = Habilitation();
        Assert.Equal(EvaluationErrors.OrganismNotHabilitated, Code(() => Register(habilitation, Notified.AddDays(-1))));
        Assert.Equal(Notified, Register(habilitation, Notified).RegisteredOn);
        Assert.Equal(LastValidDay, Register(habilitation, LastValidDay).RegisteredOn);
        Assert.Equal(EvaluationErrors.OrganismNotHabilitated, Code(() => Register(habilitation, LastValidDay.AddDays(1))));
        Assert.Equal(EvaluationErrors.OrganismNotHabilitated, Code(() => Register(habilitation, Notified, CertificationCode.CleaNumerique)));

        habilitation.Suspend(new DateOnly(2025, 3, 1));
        var refused = Assert.Throws<DomainRuleException>(() => Register(habilitation, new DateOnly(2025, 3, 1)));
        Assert.Contains("suspended", refused.Message, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 2, 28), Register(habilitation, new DateOnly(2025, 2, 28)).RegisteredOn);
    }

    [Fact]
    public void A_prior_evaluation_positions_every_sub_competence_and_accrues_the_Socle_fee()
    {
        var habilitation = Habilitation();
        var candidate = Register(habilitation, Notified);
        var day = Notified.AddDays(5);
        Assert.Equal(EvaluationErrors.ResultsIncomplete, Code(() => candidate.RecordPriorEvaluation(Session(day, 11, ("1.1", true)), Referential(), [habilitation], Team, _organism, Fees)));
        Assert.Equal(EvaluationErrors.UnknownSubCompetence, Code(() => candidate.RecordPriorEvaluation(Session(day, 11, ("9.9", true)), Referential(), [habilitation], Team, _organism, Fees)));
        Assert.Equal(EvaluationErrors.OutOfOrder, Code(() => candidate.RecordPriorEvaluation(Session(Notified.AddDays(-1), 11, ("1.1", true), ("1.2", true), ("2.1", true)), Referential(), [habilitation], Team, _organism, Fees)));
        Assert.Empty(candidate.Evaluations);

        var (evaluation, fee) = candidate.RecordPriorEvaluation(Session(day, 11, ("1.1", true), ("1.2", false), ("2.1", true)), Referential(), [habilitation], Team, _organism, Fees);
        Assert.Equal(EvaluationOutcome.TrainingRecommended, evaluation.Outcome);
        Assert.Equal((FeeKind.PriorEvaluation, 22m), (fee!.Kind, fee.Amount));
        Assert.Equal(day, habilitation.LastUsedOn);
        Assert.Equal(["1"], candidate.DomainsNotValidated(Referential()).Select(d => d.Code));
    }

    [Fact]
    public void Remote_evaluations_need_every_safeguard_and_an_evaluator_competent_for_remote_evaluation()
    {
        var habilitation = Habilitation();
        var candidate = Register(habilitation, Notified);
        var all = new ResultInput[] { new("1.1", true), new("1.2", true), new("2.1", true) };
        var partial = new EvaluationInput(Notified, EvaluationModality.RemoteAsynchronous, 11, true, true, all, new RemoteSafeguards(true, true, false));
        Assert.Equal(EvaluationErrors.RemoteSafeguardsMissing, Code(() => candidate.RecordPriorEvaluation(partial, Referential(), [habilitation], Team, _organism, Fees)));
        var byNonRemote = partial with { EvaluatorId = 13, Remote = new RemoteSafeguards(true, true, true) };
        Assert.Equal(EvaluationErrors.RemoteEvaluatorNotQualified, Code(() => candidate.RecordPriorEvaluation(byNonRemote, Referential(), [habilitation], Team, _organism, Fees)));
        var noIdentity = partial with { Remote = new RemoteSafeguards(true, true, true), IdentityChecked = false };
        Assert.Equal(EvaluationErrors.IdentityNotChecked, Code(() => candidate.RecordPriorEvaluation(noIdentity, Referential(), [habilitation], Team, _organism, Fees)));
        var (evaluation, _) = candidate.RecordPriorEvaluation(partial with { Remote = new RemoteSafeguards(true, true, true) }, Referential(), [habilitation], Team, _organism, Fees);
        Assert.Equal(EvaluationOutcome.Admissible, evaluation.Outcome);
        Assert.True(evaluation.SynchronousPhases);
    }

    [Fact]
    public void A_candidates_trainer_is_never_their_evaluator_in_either_order()
    {
        var habilitation = Habilitation();
        var candidate = Register(habilitation, Notified);
        candidate.RecordPriorEvaluation(Session(Notified, 13, ("1.1", true), ("1.2", false), ("2.1", false)), Referential(), [habilitation], Team, _organism, Fees);
        // 13 evaluated: it cannot train.
        Assert.Equal(EvaluationErrors.TrainerCannotEvaluate, Code(() => candidate.RecordTrainingPath(Notified, [13], Team)));
        Assert.Null(candidate.TrainingPath);
        Assert.Equal(EvaluationErrors.NotATrainer, Code(() => candidate.RecordTrainingPath(Notified, [11], Team)));
        candidate.RecordTrainingPath(Notified, [12], Team);
        // 12 trains: it cannot evaluate (as the session's evaluator or for one result).
        var byTrainer = Session(Notified.AddDays(30), 11, ("1.2", true)) with { Results = [new ResultInput("1.2", true, EvaluatorId: 12)] };
        Assert.Equal(EvaluationErrors.NotAnEvaluator, Code(() => candidate.RecordFinalEvaluation(byTrainer, Referential(), [habilitation], Team)));
        var both = WithId(Intervenant.Declare(_organism, "X", "Y", true, true, [], false, Notified), 14);
        candidate.AddTrainer(14, Notified.AddDays(1), [.. Team, both]);
        Assert.Equal(EvaluationErrors.TrainerCannotEvaluate,
            Code(() => candidate.RecordFinalEvaluation(Session(Notified.AddDays(30), 14, ("1.2", true)), Referential(), [habilitation], [.. Team, both])));
        Assert.Single(candidate.Evaluations);
    }

    [Fact]
    public void A_Socle_final_evaluation_covers_only_what_is_not_acquired_within_five_years_of_the_prior_evaluation()
    {
        var habilitation = Habilitation();
        habilitation.RecordUse(Notified);
        habilitation.RenewAutomatically(); // in force until 2030-01-31
        var candidate = Register(habilitation, Notified);
        var prior = new DateOnly(2024, 6, 3);
        candidate.RecordPriorEvaluation(Session(prior, 11, ("1.1", true), ("1.2", false), ("2.1", false)), Referential(), [habilitation], Team, _organism, Fees);
        Assert.Equal(EvaluationErrors.TrainingPathRequired, Code(() => candidate.RecordFinalEvaluation(Session(prior.AddDays(10), 11, ("1.2", true)), Referential(), [habilitation], Team)));
        candidate.RecordTrainingPath(prior.AddDays(1), [12], Team);

        Assert.Equal(EvaluationErrors.CompetenceAlreadyAcquired, Code(() => candidate.RecordFinalEvaluation(Session(prior.AddDays(10), 11, ("1.1", true), ("1.2", true)), Referential(), [habilitation], Team)));
        Assert.Equal(EvaluationErrors.FinalEvaluationTooLate, Code(() => candidate.RecordFinalEvaluation(Session(new DateOnly(2029, 6, 4), 11, ("1.2", true)), Referential(), [habilitation], Team)));
        candidate.RecordFinalEvaluation(Session(new DateOnly(2029, 6, 3), 11, ("1.2", true)), Referential(), [habilitation], Team);
        // 1.2 is now acquired: a second final evaluation may cover 2.1 only.
        Assert.Equal(EvaluationErrors.CompetenceAlreadyAcquired, Code(() => candidate.RecordFinalEvaluation(Session(new DateOnly(2029, 6, 3), 11, ("1.2", true)), Referential(), [habilitation], Team)));
    }

    [Fact]
    public void Numerique_has_no_five_year_limit_and_no_prior_evaluation_fee()
    {
        var habilitation = Habilitation(CertificationCode.CleaNumerique);
        habilitation.RecordUse(Notified);
        habilitation.RenewAutomatically();
        var candidate = Register(habilitation, Notified);
        var (_, fee) = candidate.RecordPriorEvaluation(Session(Notified, 11, ("1.1", true), ("1.2", false), ("2.1", true)), Referential(CertificationCode.CleaNumerique), [habilitation], Team, _organism, Fees);
        Assert.Null(fee);
        candidate.RecordTrainingPath(Notified, [12], Team);
        candidate.RecordFinalEvaluation(Session(Notified.AddYears(5).AddDays(10), 11, ("1.2", true)), Referential(CertificationCode.CleaNumerique), [habilitation], Team);
        Assert.Empty(candidate.DomainsNotValidated(Referential(CertificationCode.CleaNumerique)));
    }

    [Fact]
    public void Evaluating_needs_a_scope_that_includes_evaluation()
    {
        var habilitation = Habilitation(scope: HabilitationScope.Train);
        var candidate = Register(habilitation, Notified);
        Assert.Equal(EvaluationErrors.ScopeExcludesEvaluation,
            Code(() => candidate.RecordPriorEvaluation(Session(Notified, 11, ("1.1", true), ("1.2", true), ("2.1", true)), Referential(), [habilitation], Team, _organism, Fees)));
    }

    [Fact]
    public void The_certificate_needs_every_domain_and_is_issued_once_with_its_fee()
    {
        var habilitation = Habilitation(CertificationCode.CleaNumerique);
        var candidate = Register(habilitation, Notified);
        var referential = Referential(CertificationCode.CleaNumerique);
        candidate.RecordPriorEvaluation(Session(Notified, 11, ("1.1", true), ("1.2", true), ("2.1", false)), referential, [habilitation], Team, _organism, Fees);
        Assert.Equal(EvaluationErrors.DomainsNotAllValidated, Code(() => candidate.RecordJuryDecision(Notified, true, CertificateDelivery.Pdf, null, referential, [habilitation], _organism, Fees, Jury)));
        Assert.Empty(candidate.JuryDecisions);
        var (decision, none, noFee) = candidate.RecordJuryDecision(Notified, false, CertificateDelivery.Pdf, "PV-1", referential, [habilitation], _organism, Fees, Jury);
        Assert.False(decision.Validated);
        Assert.Null(none);
        Assert.Null(noFee);

        candidate.RecordTrainingPath(Notified, [12], Team);
        candidate.RecordFinalEvaluation(Session(Notified.AddDays(20), 11, ("2.1", true)), referential, [habilitation], Team);
        Assert.Equal(EvaluationErrors.OutOfOrder, Code(() => candidate.RecordJuryDecision(Notified.AddDays(19), true, CertificateDelivery.Pdf, null, referential, [habilitation], _organism, Fees, Jury)));
        var (_, certificate, fee) = candidate.RecordJuryDecision(Notified.AddDays(20), true, CertificateDelivery.Paper, "PV-2", referential, [habilitation], _organism, Fees, Jury);
        Assert.Equal((FeeKind.Certificate, 11m, $"certificate:{certificate!.Number}"), (fee!.Kind, fee.Amount, fee.SourceKey));
        Assert.True(certificate.IsHeldBy("DUPONT"));
        Assert.True(certificate.IsHeldBy("dupônt"));
        Assert.False(certificate.IsHeldBy("Durand"));
        Assert.Equal(EvaluationErrors.CertificateAlreadyIssued, Code(() => candidate.RecordJuryDecision(Notified.AddDays(21), true, CertificateDelivery.Pdf, null, referential, [habilitation], _organism, Fees, Jury)));
    }

    [Fact]
    public void No_certificate_from_an_organism_not_habilitated_on_the_jury_date_but_renounced_ones_follow_up_their_candidates()
    {
        var referential = Referential(CertificationCode.CleaNumerique);
        var all = new[] { ("1.1", true), ("1.2", true), ("2.1", true) };

        var suspended = Habilitation(CertificationCode.CleaNumerique);
        var candidate = Register(suspended, Notified);
        candidate.RecordPriorEvaluation(Session(Notified, 11, all), referential, [suspended], Team, _organism, Fees);
        suspended.Suspend(Notified.AddDays(10));
        Assert.Equal(EvaluationErrors.OrganismNotHabilitated, Code(() => candidate.RecordJuryDecision(Notified.AddDays(10), true, CertificateDelivery.Pdf, null, referential, [suspended], _organism, Fees, Jury)));
        Assert.NotNull(candidate.RecordJuryDecision(Notified.AddDays(9), true, CertificateDelivery.Pdf, null, referential, [suspended], _organism, Fees, Jury).Certificate);

        // Notice of renunciation given on 2025-01-10, effective 2025-04-10 (convention §III.6): candidates registered by the
        // notice day finish their path after it; one registered during the notice only until it ends.
        var renounced = Habilitation(CertificationCode.CleaNumerique);
        var before = Register(renounced, new DateOnly(2025, 1, 10));
        var duringNotice = Register(renounced, new DateOnly(2025, 1, 11));
        renounced.Renounce(new DateOnly(2025, 1, 10));
        Assert.Equal(EvaluationErrors.OrganismNotHabilitated, Code(() => Register(renounced, new DateOnly(2025, 4, 10))));
        before.RecordPriorEvaluation(Session(new DateOnly(2025, 5, 2), 11, all), referential, [renounced], Team, _organism, Fees);
        Assert.NotNull(before.RecordJuryDecision(new DateOnly(2025, 5, 2), true, CertificateDelivery.Pdf, null, referential, [renounced], _organism, Fees, Jury).Certificate);
        Assert.Equal(EvaluationErrors.OrganismNotHabilitated,
            Code(() => duringNotice.RecordPriorEvaluation(Session(new DateOnly(2025, 4, 10), 11, all), referential, [renounced], Team, _organism, Fees)));
        duringNotice.RecordPriorEvaluation(Session(new DateOnly(2025, 4, 9), 11, all), referential, [renounced], Team, _organism, Fees);

        // A withdrawal stops everything.
        var withdrawn = Habilitation(CertificationCode.CleaNumerique);
        var stopped = Register(withdrawn, Notified);
        withdrawn.Withdraw(Notified.AddDays(30), WithdrawalCase.ConformityProcedureEnd, WithdrawalEffect.OnNotification);
        Assert.Equal(EvaluationErrors.OrganismNotHabilitated,
            Code(() => stopped.RecordPriorEvaluation(Session(Notified.AddDays(30), 11, all), referential, [withdrawn], Team, _organism, Fees)));
        Assert.Empty(stopped.Evaluations);
    }

    [Fact]
    public void A_candidate_appeals_within_one_month_of_the_results()
    {
        var habilitation = Habilitation(CertificationCode.CleaNumerique);
        var candidate = Register(habilitation, Notified);
        var referential = Referential(CertificationCode.CleaNumerique);
        Assert.Equal(EvaluationErrors.ResultsNotDecided, Code(() => candidate.FileAppeal(CandidateAppealKind.ConsultMinutes, Notified, null)));
        candidate.RecordPriorEvaluation(Session(Notified, 11, ("1.1", true), ("1.2", true), ("2.1", false)), referential, [habilitation], Team, _organism, Fees);
        var results = new DateOnly(2025, 1, 31);
        candidate.RecordJuryDecision(results, false, CertificateDelivery.Pdf, null, referential, [habilitation], _organism, Fees, Jury);
        Assert.Equal(EvaluationErrors.AppealDeadlinePassed, Code(() => candidate.FileAppeal(CandidateAppealKind.ContestResults, new DateOnly(2025, 3, 1), null)));
        Assert.Equal(EvaluationErrors.OutOfOrder, Code(() => candidate.FileAppeal(CandidateAppealKind.ContestResults, results.AddDays(-1), null)));
        // One month after 31 January is 28 February.
        Assert.Equal(new DateOnly(2025, 2, 28), candidate.FileAppeal(CandidateAppealKind.ContestResults, new DateOnly(2025, 2, 28), "Domaine 2").FiledOn);
    }

    [Fact]
    public void Personal_data_is_erased_only_once_no_habilitation_is_in_force_and_the_certificate_stays_verifiable()
    {
        var habilitation = Habilitation(CertificationCode.CleaNumerique);
        var candidate = Register(habilitation, Notified);
        var referential = Referential(CertificationCode.CleaNumerique);
        candidate.RecordPriorEvaluation(Session(Notified, 11, ("1.1", true), ("1.2", true), ("2.1", true)), referential, [habilitation], Team, _organism, Fees);
        var certificate = candidate.RecordJuryDecision(Notified, true, CertificateDelivery.Pdf, null, referential, [habilitation], _organism, Fees, Jury).Certificate!;
        habilitation.Suspend(Notified.AddDays(40));
        Assert.Equal(EvaluationErrors.ErasureWhileHabilitated,
            Code(() => CandidateDataErasure.Order(_organism, CertificationCode.CleaNumerique, Notified.AddDays(50), [habilitation], [candidate], null)));
        Assert.Equal("Dupont", candidate.LastName);

        habilitation.Withdraw(Notified.AddDays(60), WithdrawalCase.ConformityProcedureEnd, WithdrawalEffect.OnNotification);
        Assert.Equal(EvaluationErrors.ErasureWhileHabilitated,
            Code(() => CandidateDataErasure.Order(_organism, CertificationCode.CleaNumerique, Notified.AddDays(59), [habilitation], [candidate], null)));
        var erasure = CandidateDataErasure.Order(_organism, CertificationCode.CleaNumerique, Notified.AddDays(60), [habilitation], [candidate], "Retrait");
        Assert.Equal(1, erasure.CandidatesErased);
        Assert.Equal((null, null, null, null), (candidate.FirstName, candidate.LastName, candidate.BirthDate, candidate.Email));
        Assert.True(certificate.IsHeldBy("Dupont"));
    }

    [Fact]
    public void Personal_data_is_not_erased_while_candidates_registered_by_a_renunciations_notice_day_are_still_followed()
    {
        var habilitation = Habilitation(CertificationCode.CleaNumerique);
        var notice = Notified.AddDays(100);
        var followed = Register(habilitation, notice);
        var afterNotice = Register(habilitation, notice.AddDays(1));
        habilitation.Renounce(notice);
        var ended = habilitation.EndedOn!.Value;
        Assert.Equal(EvaluationErrors.ErasureWhileCandidatesFollowed,
            Code(() => CandidateDataErasure.Order(_organism, CertificationCode.CleaNumerique, ended, [habilitation], [followed, afterNotice], null)));
        Assert.Equal("Dupont", afterNotice.LastName);

        var referential = Referential(CertificationCode.CleaNumerique);
        followed.RecordPriorEvaluation(Session(ended, 11, ("1.1", true), ("1.2", true), ("2.1", true)), referential, [habilitation], Team, _organism, Fees);
        followed.RecordJuryDecision(ended, true, CertificateDelivery.Pdf, null, referential, [habilitation], _organism, Fees, Jury);
        var erasure = CandidateDataErasure.Order(_organism, CertificationCode.CleaNumerique, ended, [habilitation], [followed, afterNotice], null);
        Assert.Equal(2, erasure.CandidatesErased);
    }

    [Fact]
    public void A_candidate_of_any_age_registers_since_the_evaluation_rules_set_no_prerequisite()
    {
        var habilitation = Habilitation(CertificationCode.CleaNumerique);
        var young = Candidate.Register(_organism, _site, CertificationCode.CleaNumerique, Notified,
            new CandidateIdentity("Léo", "Petit", Notified.AddDays(-1), null, null, FundingScheme.Cpf), [habilitation]);
        Assert.Equal(Notified.AddDays(-1), young.BirthDate);
        Assert.Equal(EvaluationErrors.InvalidCandidate, Code(() => Candidate.Register(_organism, _site, CertificationCode.CleaNumerique, Notified,
            new CandidateIdentity("Léo", "Petit", Notified, null, null, FundingScheme.Cpf), [habilitation])));
    }

    [Fact]
    public void Certificate_numbers_are_random_and_a_single_typing_mistake_is_detected()
    {
        var numbers = Enumerable.Range(0, 1000).Select(_ => CertificateNumber.NewNumber()).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        var number = numbers[0];
        Assert.Equal(number, CertificateNumber.Normalize(number.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)));
        const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        for (var position = 5; position < number.Length - 2; position++)
        {
            if (number[position] == '-') continue;
            foreach (var other in Alphabet.Where(c => c != number[position]))
                Assert.Null(CertificateNumber.Normalize(number[..position] + other + number[(position + 1)..]));
        }
        Assert.Null(CertificateNumber.Normalize("CLEA-0000"));
    }

    private static T WithId<T>(T entity, int id)
    {
        typeof(T).GetProperty("Id", BindingFlags.Instance | BindingFlags.Public)!.SetValue(entity, id);
        return entity;
    }

    [Fact]
    public void A_management_jury_never_includes_the_candidates_trainer_by_intervenant_or_by_name()
    {
        var habilitation = Habilitation(CertificationCode.CleaManagement);
        var referential = Referential(CertificationCode.CleaManagement);
        var candidate = Register(habilitation, Notified);
        candidate.RecordPriorEvaluation(Session(Notified.AddDays(1), _evaluator.Id, ("1.1", true), ("1.2", false), ("2.1", true)), referential, [habilitation], Team, _organism, Fees);
        candidate.RecordTrainingPath(Notified.AddDays(2), [_trainer.Id], Team);
        candidate.RecordFinalEvaluation(Session(Notified.AddDays(30), _evaluator.Id, ("1.2", true)), referential, [habilitation], Team);
        var day = Notified.AddDays(31);
        string Refused(params JuryMemberInput[] members)
            => Code(() => candidate.RecordJuryDecision(day, true, CertificateDelivery.Pdf, null, referential, [habilitation], _organism, Fees, new JuryComposition(members, Team, null)));

        Assert.Equal(EvaluationErrors.JuryMembersRequired, Refused());
        Assert.Equal(EvaluationErrors.JuryMemberIsTrainer, Refused(new JuryMemberInput("Claire Petit", JuryMemberQuality.Other), new JuryMemberInput("Formateur", JuryMemberQuality.Other, _trainer.Id)));
        Assert.Equal(EvaluationErrors.JuryMemberIsTrainer, Refused(new JuryMemberInput("MATEUR For", JuryMemberQuality.EmployerRepresentative)));
        Assert.Equal(EvaluationErrors.InvalidJuryMember, Refused(new JuryMemberInput("Claire Petit", JuryMemberQuality.Other), new JuryMemberInput("claire petit", JuryMemberQuality.Other)));
        Assert.Equal(IntervenantErrors.NotFound, Refused(new JuryMemberInput("Inconnu", JuryMemberQuality.Other, 999)));
        Assert.Empty(candidate.JuryDecisions);

        // The candidate's evaluator may sit (only the trainer may not); the organism issues a Management certificate.
        var (decision, certificate, _) = candidate.RecordJuryDecision(day, true, CertificateDelivery.Pdf, "PV-9", referential, [habilitation], _organism, Fees,
            new JuryComposition([new JuryMemberInput("Eva Luatrice", JuryMemberQuality.Other, _evaluator.Id)], Team, null));
        Assert.True(Assert.Single(decision.Members).LinkedToOrganism);
        Assert.Equal((CertificateIssuerKind.Organism, "Atelier", (string?)null), (certificate!.IssuerKind, certificate.IssuerName, certificate.IssuerRegionCode));
    }

    [Fact]
    public void A_socle_certificate_needs_a_joint_jury_not_linked_to_the_organism_and_is_issued_by_the_transitions_pro_of_the_candidates_region()
    {
        var habilitation = Habilitation();
        var referential = Referential();
        var candidate = Register(habilitation, Notified);
        candidate.RecordPriorEvaluation(Session(Notified.AddDays(1), _evaluator.Id, ("1.1", true), ("1.2", true), ("2.1", true)), referential, [habilitation], Team, _organism, Fees);
        var region = new Region("84", "Auvergne-Rhône-Alpes");
        var day = Notified.AddDays(2);
        JuryMemberInput employer = new JuryMemberInput("Marc Durand", JuryMemberQuality.EmployerRepresentative), employee = new JuryMemberInput("Sofia Benali", JuryMemberQuality.EmployeeRepresentative);
        string Refused(bool validated, params JuryMemberInput[] members)
            => Code(() => candidate.RecordJuryDecision(day, validated, CertificateDelivery.Pdf, null, referential, [habilitation], _organism, Fees, new JuryComposition(members, Team, region)));

        Assert.Equal(EvaluationErrors.JuryNotJoint, Refused(true, employer, new JuryMemberInput("Paul Martin", JuryMemberQuality.Other)));
        Assert.Equal(EvaluationErrors.JuryNotJoint, Refused(false, employer));
        Assert.Equal(EvaluationErrors.JuryNotJoint, Refused(true, employee));
        Assert.Equal(EvaluationErrors.JuryMemberLinkedToOrganism, Refused(true, employer, employee, new JuryMemberInput("Eva Luatrice", JuryMemberQuality.Other, _evaluator.Id)));
        Assert.Equal(EvaluationErrors.JuryMemberLinkedToOrganism, Refused(true, employer, employee with { LinkedToOrganism = true }));
        Assert.Equal(EvaluationErrors.InvalidCandidate, Code(() => candidate.RecordJuryDecision(day, true, CertificateDelivery.Pdf, null, referential, [habilitation],
            _organism, Fees, new JuryComposition([employer, employee], Team, null))));
        Assert.Empty(candidate.JuryDecisions);

        var (decision, certificate, fee) = candidate.RecordJuryDecision(day, true, CertificateDelivery.Paper, "PV-1", referential, [habilitation], _organism, Fees,
            new JuryComposition([employer, employee], Team, region));
        Assert.Equal(2, decision.Members.Count);
        Assert.Equal((CertificateIssuerKind.TransitionsPro, "Transitions Pro Auvergne-Rhône-Alpes", "84"), (certificate!.IssuerKind, certificate.IssuerName, certificate.IssuerRegionCode));
        Assert.Equal(5.50m, fee!.Amount);
    }
}
