using System.Net.Mail;
using Clea.Data.Calendar;
using Clea.Data.Common;
using Clea.Data.Fees;
using Clea.Data.Habilitations;
using Clea.Data.Intervenants;
using Clea.Data.Referentials;
using Clea.Data.Registry;

namespace Clea.Data.Evaluations;

/// <summary>
/// A candidate registered with an organism for one certification, and the whole path: prior evaluation, training
/// path, final evaluations, jury decisions, certificate, appeals. Personal data (names, birth date, contact,
/// accommodations) is readable only by the organism's staff and the auditors of its open audits, and is erased on the
/// Instance's order once the organism's habilitation has ended (the certificate stays verifiable).
/// </summary>
public sealed class Candidate
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 20;
    public const int AccommodationsMaxLength = 1000;
    /// <summary>Oldest plausible birth year, against typing mistakes (annexe 3 art 1: no prerequisite, so no age limit).</summary>
    public const int EarliestBirthYear = 1900;

    private readonly List<Evaluation> _evaluations = [];
    private readonly List<JuryDecision> _juryDecisions = [];
    private readonly List<CandidateAppeal> _appeals = [];

    public int Id { get; private set; }
    /// <summary>A random, stable reference of the candidate's file (fee lines and exports name it; ids are internal).</summary>
    public Guid Reference { get; private set; }
    public int OrganismId { get; private set; }
    public int SiteId { get; private set; }
    public CertificationCode Certification { get; private set; }
    public DateOnly RegisteredOn { get; private set; }
    /// <summary>The habilitation in force on the registration day.</summary>
    public int HabilitationId { get; private set; }
    public FundingScheme Funding { get; private set; }
    public string? FirstName { get; private set; }
    public string? LastName { get; private set; }
    public DateOnly? BirthDate { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    /// <summary>Disability accommodations (time, access, human or technical aids): never a change of content or level.</summary>
    public string? Accommodations { get; private set; }
    /// <summary>When the personal data was erased (GDPR), on the Instance's order; null while it is kept.</summary>
    public DateOnly? PersonalDataErasedOn { get; private set; }
    public IReadOnlyList<Evaluation> Evaluations => _evaluations;
    public TrainingPath? TrainingPath { get; private set; }
    public IReadOnlyList<JuryDecision> JuryDecisions => _juryDecisions;
    public Certificate? Certificate { get; private set; }
    public IReadOnlyList<CandidateAppeal> Appeals => _appeals;

    public Evaluation? PriorEvaluation => _evaluations.FirstOrDefault(e => e.Kind == EvaluationKind.Prior);

    private Candidate() { }

    /// <summary>
    /// Registers a candidate at one of the organism's open sites; refused unless the organism holds an habilitation
    /// for the certification in force on the registration day.
    /// </summary>
    public static Candidate Register(Organism organism, Site site, CertificationCode certification, DateOnly registeredOn,
        CandidateIdentity identity, IEnumerable<Habilitation> habilitations)
    {
        if (!site.BelongsTo(organism) || !site.IsOpenOn(registeredOn))
            throw new DomainRuleException(RegistryErrors.SiteNotListed,
                $"Site {site.Siret} is not an open site of the organism on {registeredOn:yyyy-MM-dd}.");
        var habilitation = HabilitationUse.ForRegistration(habilitations, certification, registeredOn);
        var candidate = new Candidate
        {
            Reference = Guid.NewGuid(),
            OrganismId = organism.Id,
            SiteId = site.Id,
            Certification = certification,
            RegisteredOn = registeredOn,
            HabilitationId = habilitation.Id,
        };
        candidate.SetIdentity(identity);
        return candidate;
    }

    private void SetIdentity(CandidateIdentity identity)
    {
        FirstName = Required(identity.FirstName, "first name", NameMaxLength);
        LastName = Required(identity.LastName, "last name", NameMaxLength);
        if (identity.BirthDate >= RegisteredOn || identity.BirthDate.Year < EarliestBirthYear)
            throw Invalid($"A birth date between {EarliestBirthYear} and the day before the registration is expected, not {identity.BirthDate:yyyy-MM-dd}.");
        BirthDate = identity.BirthDate;
        var email = string.IsNullOrWhiteSpace(identity.Email) ? null : identity.Email.Trim();
        if (email is not null && (email.Length > EmailMaxLength || !MailAddress.TryCreate(email, out var address) || address.Address != email))
            throw Invalid($"'{email}' is not a usable e-mail address.");
        Email = email;
        var phone = string.IsNullOrWhiteSpace(identity.Phone) ? null : identity.Phone.Trim();
        if (phone is not null && (phone.Length > PhoneMaxLength || !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '-')
            || phone.Count(char.IsAsciiDigit) < 9))
            throw Invalid($"'{phone}' is not a phone number (digits, spaces, '+', '.', '-').");
        Phone = phone;
        Funding = identity.Funding;
        var accommodations = string.IsNullOrWhiteSpace(identity.Accommodations) ? null : identity.Accommodations.Trim();
        if (accommodations?.Length > AccommodationsMaxLength)
            throw Invalid($"Describe the accommodations in at most {AccommodationsMaxLength} characters.");
        Accommodations = accommodations;
    }

    /// <summary>
    /// The prior evaluation: a result on every sub-competence of the référentiel. All acquired: admissible; otherwise a
    /// training path is recommended on the rest. A CléA Socle prior evaluation accrues its fee.
    /// </summary>
    public (Evaluation Evaluation, FeeLine? Fee) RecordPriorEvaluation(EvaluationInput input, Certification referential,
        IEnumerable<Habilitation> habilitations, IReadOnlyCollection<Intervenant> intervenants, Organism organism, FeeSchedule fees)
    {
        if (PriorEvaluation is not null)
            throw new DomainRuleException(EvaluationErrors.PriorEvaluationAlreadyRecorded,
                $"This candidate's prior evaluation was already recorded (held on {PriorEvaluation.HeldOn:yyyy-MM-dd}).");
        var (habilitation, results) = CheckSession(input, referential, habilitations, intervenants);
        var missing = referential.Domains.SelectMany(d => d.SubDomains).Where(s => results.All(r => r.Sub.Id != s.Id)).Select(s => s.Code).ToList();
        if (missing.Count > 0)
            throw new DomainRuleException(EvaluationErrors.ResultsIncomplete,
                $"A prior evaluation positions the candidate on every sub-competence of the référentiel; missing: {string.Join(", ", missing)}.");
        // The fee first: a missing tariff refuses the whole evaluation, before anything changed.
        FeeLine? fee = Certification == CertificationCode.CleaSocle
            ? new FeeLine(organism, FeeKind.PriorEvaluation, Certification, input.HeldOn, fees, $"prior-evaluation:{Reference:N}")
            : null;
        var evaluation = new Evaluation(EvaluationKind.Prior, input, referential.ReferentialVersion, habilitation.Id, results);
        _evaluations.Add(evaluation);
        HabilitationUse.RecordUse(habilitation, input.HeldOn);
        return (evaluation, fee);
    }

    /// <summary>
    /// The training path on what was not acquired, with its trainers (declared trainers of the organism, none of whom
    /// evaluated this candidate).
    /// </summary>
    public TrainingPath RecordTrainingPath(DateOnly startedOn, IReadOnlyCollection<int> trainerIds, IReadOnlyCollection<Intervenant> intervenants)
    {
        var prior = PriorEvaluation ?? throw new DomainRuleException(EvaluationErrors.PriorEvaluationRequired,
            "A training path follows the prior evaluation: record it first.");
        if (TrainingPath is not null)
            throw new DomainRuleException(EvaluationErrors.TrainingPathAlreadyRecorded,
                $"This candidate's training path was already recorded (from {TrainingPath.StartedOn:yyyy-MM-dd}); add trainers to it instead.");
        if (prior.Outcome == EvaluationOutcome.Admissible)
            throw new DomainRuleException(EvaluationErrors.NothingToTrain,
                "The prior evaluation found every sub-competence acquired: the candidate goes straight to the jury.");
        if (startedOn < prior.HeldOn)
            throw new DomainRuleException(EvaluationErrors.OutOfOrder,
                $"A training path starts on or after the prior evaluation ({prior.HeldOn:yyyy-MM-dd}).");
        if (trainerIds.Count == 0)
            throw new DomainRuleException(EvaluationErrors.NotATrainer, "A training path needs at least one trainer.");
        foreach (var trainerId in trainerIds) CheckTrainer(trainerId, startedOn, intervenants);
        var path = new TrainingPath(startedOn);
        foreach (var trainerId in trainerIds) path.AddTrainer(trainerId, startedOn);
        TrainingPath = path;
        return path;
    }

    /// <summary>Adds a trainer to the path: a declared trainer of the organism who never evaluated this candidate.</summary>
    public void AddTrainer(int trainerId, DateOnly from, IReadOnlyCollection<Intervenant> intervenants)
    {
        var path = TrainingPath ?? throw new DomainRuleException(EvaluationErrors.TrainingPathRequired, "Record the training path first.");
        CheckTrainer(trainerId, from, intervenants);
        path.AddTrainer(trainerId, from);
    }

    private void CheckTrainer(int trainerId, DateOnly from, IReadOnlyCollection<Intervenant> intervenants)
    {
        var trainer = Intervenant(trainerId, intervenants);
        if (_evaluations.Any(e => e.EvaluatorIds.Contains(trainerId)))
            throw TrainerIsEvaluator(trainerId);
        if (!trainer.Trainer || !trainer.IsActiveOn(from))
            throw new DomainRuleException(EvaluationErrors.NotATrainer,
                $"Intervenant {trainerId} is not a declared trainer of the organism on {from:yyyy-MM-dd}.");
    }

    /// <summary>
    /// A final evaluation, after training, covering only sub-competences not acquired so far; for CléA Socle within
    /// 5 years of the prior evaluation.
    /// </summary>
    public Evaluation RecordFinalEvaluation(EvaluationInput input, Certification referential, IEnumerable<Habilitation> habilitations,
        IReadOnlyCollection<Intervenant> intervenants)
    {
        var prior = PriorEvaluation ?? throw new DomainRuleException(EvaluationErrors.PriorEvaluationRequired,
            "A final evaluation follows the prior evaluation: record it first.");
        var path = TrainingPath ?? throw new DomainRuleException(EvaluationErrors.TrainingPathRequired,
            "A final evaluation follows the training path: record it first.");
        if (input.HeldOn < path.StartedOn)
            throw new DomainRuleException(EvaluationErrors.OutOfOrder,
                $"A final evaluation follows the training path started on {path.StartedOn:yyyy-MM-dd}.");
        if (Certification == CertificationCode.CleaSocle && input.HeldOn > Deadlines.SocleCandidatePath.After(prior.HeldOn))
            throw new DomainRuleException(EvaluationErrors.FinalEvaluationTooLate,
                $"CléA Socle: the final evaluation takes place within {Deadlines.SocleCandidatePath} of the prior evaluation " +
                $"({prior.HeldOn:yyyy-MM-dd}), so on {Deadlines.SocleCandidatePath.After(prior.HeldOn):yyyy-MM-dd} at the latest.");
        var (habilitation, results) = CheckSession(input, referential, habilitations, intervenants);
        var acquired = AcquiredSubDomains();
        var already = results.Where(r => acquired.ContainsKey(r.Sub.Id)).Select(r => r.Sub.Code).ToList();
        if (already.Count > 0)
            throw new DomainRuleException(EvaluationErrors.CompetenceAlreadyAcquired,
                $"A final evaluation covers only what is not acquired yet; already acquired: {string.Join(", ", already)}.");
        var evaluation = new Evaluation(EvaluationKind.Final, input, referential.ReferentialVersion, habilitation.Id, results);
        _evaluations.Add(evaluation);
        HabilitationUse.RecordUse(habilitation, input.HeldOn);
        return evaluation;
    }

    /// <summary>Each acquired sub-competence (by id) and the result that validated it (the first that acquired it).</summary>
    public IReadOnlyDictionary<int, (Evaluation Evaluation, EvaluationResult Result)> AcquiredSubDomains()
    {
        var acquired = new Dictionary<int, (Evaluation, EvaluationResult)>();
        foreach (var evaluation in _evaluations.OrderBy(e => e.HeldOn).ThenBy(e => e.Kind))
        foreach (var result in evaluation.Results.Where(r => r.Acquired))
            acquired.TryAdd(result.SubDomainId, (evaluation, result));
        return acquired;
    }

    /// <summary>The domains of the référentiel not yet validated (a domain is validated when all its sub-competences are).</summary>
    public IReadOnlyList<ReferentialDomain> DomainsNotValidated(Certification referential)
    {
        var acquired = AcquiredSubDomains();
        return referential.Domains.Where(d => d.SubDomains.Any(s => !acquired.ContainsKey(s.Id))).ToList();
    }

    /// <summary>
    /// The jury's decision, with its members (<see cref="JuryRules"/>: Management without the candidate's trainer, Socle
    /// joint and independent of the organism). Validating needs every domain validated, by an organism habilitated on the
    /// jury's date (or following up its candidates after a renunciation); it issues the certificate (once per candidate;
    /// Socle: by the Transitions Pro of the candidate's region) and accrues its fee.
    /// </summary>
    public (JuryDecision Decision, Certificate? Certificate, FeeLine? Fee) RecordJuryDecision(DateOnly decidedOn, bool validated,
        CertificateDelivery delivery, string? minutesReference, Certification referential, IEnumerable<Habilitation> habilitations,
        Organism organism, FeeSchedule fees, JuryComposition jury)
    {
        if (Certificate is not null)
            throw new DomainRuleException(EvaluationErrors.CertificateAlreadyIssued,
                $"Certificate {Certificate.Number} was already issued to this candidate for {Certification} on {Certificate.IssuedOn:yyyy-MM-dd}.");
        var prior = PriorEvaluation
            ?? throw new DomainRuleException(EvaluationErrors.PriorEvaluationRequired, "The jury decides on an evaluated candidate: record the prior evaluation first.");
        var lastEvaluation = _evaluations.Max(e => e.HeldOn);
        if (decidedOn < lastEvaluation)
            throw new DomainRuleException(EvaluationErrors.OutOfOrder,
                $"The jury decides after the last evaluation ({lastEvaluation:yyyy-MM-dd}).");
        var habilitation = HabilitationUse.ForFollowUp(habilitations, Certification, RegisteredOn, decidedOn, evaluating: false, "hold a jury");
        if (validated)
        {
            var missing = DomainsNotValidated(referential);
            if (missing.Count > 0)
                throw new DomainRuleException(EvaluationErrors.DomainsNotAllValidated,
                    $"A certificate needs every domain validated; not validated: {string.Join(", ", missing.Select(d => d.Code))}.");
        }
        var members = JuryRules.Compose(Certification, OrganismId, jury, TrainingPath);
        var decision = new JuryDecision(decidedOn, validated, minutesReference, habilitation.Id, members);
        if (!validated)
        {
            _juryDecisions.Add(decision);
            return (decision, null, null);
        }
        var lastName = LastName ?? throw new DomainRuleException(EvaluationErrors.CandidateDataAlreadyErased, "This candidate's personal data was erased.");
        var certificate = new Certificate(OrganismId, Certification, decidedOn, delivery, lastName, decision, prior.HeldOn,
            JuryRules.IssuerFor(Certification, organism.Name, jury.CandidateRegion));
        var fee = new FeeLine(organism, FeeKind.Certificate, Certification, decidedOn, fees, $"certificate:{certificate.Number}");
        _juryDecisions.Add(decision);
        Certificate = certificate;
        HabilitationUse.RecordUse(habilitation, decidedOn);
        return (decision, certificate, fee);
    }

    /// <summary>A candidate asks to consult the jury's minutes or contests the results, within 1 month of the results.</summary>
    public CandidateAppeal FileAppeal(CandidateAppealKind kind, DateOnly filedOn, string? reason)
    {
        var decision = _juryDecisions.OrderByDescending(d => d.DecidedOn).FirstOrDefault()
            ?? throw new DomainRuleException(EvaluationErrors.ResultsNotDecided, "No jury decision yet: there are no results to consult or contest.");
        if (filedOn < decision.DecidedOn)
            throw new DomainRuleException(EvaluationErrors.OutOfOrder, $"The results date from {decision.DecidedOn:yyyy-MM-dd}: an appeal cannot precede them.");
        var lastDay = Deadlines.CandidateAppeal.After(decision.DecidedOn);
        if (filedOn > lastDay)
            throw new DomainRuleException(EvaluationErrors.AppealDeadlinePassed,
                $"A candidate consults the minutes or contests the results within {Deadlines.CandidateAppeal} of the results " +
                $"({decision.DecidedOn:yyyy-MM-dd}), so by {lastDay:yyyy-MM-dd}; {filedOn:yyyy-MM-dd} is too late.");
        if (reason?.Trim().Length > CandidateAppeal.ReasonMaxLength)
            throw Invalid($"Give the reason in at most {CandidateAppeal.ReasonMaxLength} characters.");
        var appeal = new CandidateAppeal(kind, filedOn, reason, decision);
        _appeals.Add(appeal);
        return appeal;
    }

    /// <summary>Erases the personal data (GDPR); the path, results and certificate stay, the certificate still verifiable.</summary>
    public void ErasePersonalData(DateOnly on)
    {
        if (PersonalDataErasedOn is not null)
            throw new DomainRuleException(EvaluationErrors.CandidateDataAlreadyErased, $"This candidate's personal data was erased on {PersonalDataErasedOn:yyyy-MM-dd}.");
        FirstName = null;
        LastName = null;
        BirthDate = null;
        Email = null;
        Phone = null;
        Accommodations = null;
        PersonalDataErasedOn = on;
    }

    /// <summary>The checks every evaluation session passes: dates, habilitation, evaluators, safeguards, known sub-competences.</summary>
    private (Habilitation Habilitation, List<(SubDomain Sub, bool Acquired, int EvaluatorId)> Results) CheckSession(EvaluationInput input,
        Certification referential, IEnumerable<Habilitation> habilitations, IReadOnlyCollection<Intervenant> intervenants)
    {
        if (referential.Code != Certification)
            throw new ArgumentException($"The référentiel of {referential.Code} was given for a {Certification} candidate.", nameof(referential));
        if (input.HeldOn < RegisteredOn)
            throw new DomainRuleException(EvaluationErrors.OutOfOrder,
                $"An evaluation takes place on or after the registration ({RegisteredOn:yyyy-MM-dd}), not on {input.HeldOn:yyyy-MM-dd}.");
        if (!input.IdentityChecked)
            throw new DomainRuleException(EvaluationErrors.IdentityNotChecked, "The candidate's identity is checked on the day of the evaluation (annexe 3).");
        if (!input.AttendanceSigned)
            throw new DomainRuleException(EvaluationErrors.AttendanceNotSigned, "The attendance sheet is signed on the day of the evaluation (annexe 3).");
        var remote = input.Modality != EvaluationModality.OnSite;
        if (remote && input.Remote is not { Complete: true })
            throw new DomainRuleException(EvaluationErrors.RemoteSafeguardsMissing,
                "A remote evaluation needs a prior feasibility phase, reinforced support and synchronous phases (annexe 3): record all three.");
        var habilitation = HabilitationUse.ForFollowUp(habilitations, Certification, RegisteredOn, input.HeldOn, evaluating: true, "evaluate");
        if (input.Results.Count == 0)
            throw new DomainRuleException(EvaluationErrors.ResultsIncomplete, "An evaluation records at least one sub-competence's result.");
        var subs = referential.Domains.SelectMany(d => d.SubDomains).ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        var results = new List<(SubDomain, bool, int)>();
        var evaluatorIds = new HashSet<int>();
        foreach (var r in input.Results)
        {
            if (!subs.TryGetValue(r.SubCompetence?.Trim() ?? string.Empty, out var sub))
                throw new DomainRuleException(EvaluationErrors.UnknownSubCompetence,
                    $"'{r.SubCompetence}' is not a sub-competence of the {Certification} référentiel ({referential.ReferentialVersion}).");
            if (results.Any(x => x.Item1.Id == sub.Id))
                throw new DomainRuleException(EvaluationErrors.DuplicateResult, $"Sub-competence {sub.Code} has two results in one evaluation.");
            var evaluatorId = r.EvaluatorId ?? input.EvaluatorId;
            evaluatorIds.Add(evaluatorId);
            results.Add((sub, r.Acquired, evaluatorId));
        }
        evaluatorIds.Add(input.EvaluatorId);
        foreach (var evaluatorId in evaluatorIds)
        {
            var evaluator = Intervenant(evaluatorId, intervenants);
            if (!evaluator.Evaluator || !evaluator.IsActiveOn(input.HeldOn))
                throw new DomainRuleException(EvaluationErrors.NotAnEvaluator,
                    $"Intervenant {evaluatorId} is not a declared evaluator of the organism on {input.HeldOn:yyyy-MM-dd}.");
            if (remote && !evaluator.RemoteEvaluation)
                throw new DomainRuleException(EvaluationErrors.RemoteEvaluatorNotQualified,
                    $"Intervenant {evaluatorId} is not declared competent for remote evaluation.");
            if (TrainingPath?.Trainers.Any(t => t.IntervenantId == evaluatorId) == true)
                throw TrainerIsEvaluator(evaluatorId);
        }
        return (habilitation, results);
    }

    private Intervenant Intervenant(int id, IReadOnlyCollection<Intervenant> intervenants)
        => intervenants.FirstOrDefault(i => i.Id == id && i.OrganismId == OrganismId)
            ?? throw new DomainRuleException(IntervenantErrors.NotFound, $"Intervenant {id} is not declared by the candidate's organism.");

    private static DomainRuleException TrainerIsEvaluator(int intervenantId) => new(EvaluationErrors.TrainerCannotEvaluate,
        $"Intervenant {intervenantId} trains this candidate or evaluated them: a candidate's trainer can never be that candidate's evaluator (annexe 3).");

    private static string Required(string? value, string what, int max)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
            throw Invalid($"A candidate needs a {what} of at most {max} characters.");
        return value.Trim();
    }

    private static DomainRuleException Invalid(string message) => new(EvaluationErrors.InvalidCandidate, message);
}
