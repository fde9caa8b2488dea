using Clea.Data.Common;
using Clea.Data.Evaluations;
using Clea.Data.Fees;
using Clea.Data.Habilitations;
using Clea.Data.Intervenants;
using Clea.Data.Referentials;
using Clea.Data.Registry;

namespace Clea.Data.Seeding;

/// <summary>
/// Candidates and their paths for the demo organisms, built through the domain methods only (Candidate.Register,
/// RecordPriorEvaluation, RecordTrainingPath, RecordFinalEvaluation, RecordJuryDecision), so the demo obeys the rules:
/// registration only while habilitated, evaluators never the candidate's trainers, final evaluations only on what was
/// not acquired, certificates only when every domain is validated, fee lines accrued for Socle prior evaluations and
/// for certificates. A step the rules refuse on its drawn date (e.g. the habilitation is suspended that day) ends that
/// candidate's path, as it would in real life. Draws come from one <see cref="Random"/> in a fixed order.
/// </summary>
internal sealed class DemoActivityGenerator
{
    private static readonly string[] FirstNames =
    [
        "Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Emma", "Jade", "Nadia", "Fatou", "Sophie", "Aïcha",
        "Lucas", "Hugo", "Nathan", "Karim", "Mamadou", "Julien", "Thomas", "Mehdi", "Kevin", "Yanis", "Éric", "Jérôme",
    ];

    private static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
        "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard",
        "André", "Mercier", "Benali", "Diallo", "Nguyen", "Traoré", "Da Silva", "Ferreira", "Hoarau", "Payet",
    ];

    private static readonly FundingScheme[] Fundings =
    [
        FundingScheme.Cpf, FundingScheme.Cpf, FundingScheme.Employer, FundingScheme.Opco, FundingScheme.FranceTravail,
        FundingScheme.FranceTravail, FundingScheme.Region, FundingScheme.TransitionsPro, FundingScheme.Personal,
    ];

    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly IReadOnlyDictionary<CertificationCode, Certification> _referentials;
    private readonly FeeSchedule _fees;
    private readonly DateOnly _feesFrom;
    private readonly List<Plan> _plans = [];
    private readonly IReadOnlyDictionary<string, Region> _regions;

    /// <summary>A CléA Socle jury is joint and independent of the organism; the others sit an outside chair.</summary>
    private static readonly JuryMemberInput[] SocleJury =
        [new("Représentant employeur", JuryMemberQuality.EmployerRepresentative), new("Représentant salarié", JuryMemberQuality.EmployeeRepresentative)];
    private static readonly JuryMemberInput[] OrganismJury = [new("Président du jury", JuryMemberQuality.Other, LinkedToOrganism: true)];

    /// <param name="random">The draws (a generator of its own, so the organisms' draws are unchanged).</param>
    /// <param name="today">The demo's day: nothing is dated after it.</param>
    /// <param name="referentials">Each certification with its domains and sub-domains (saved: their ids are used).</param>
    /// <param name="tariffs">The fee grid: activity starts on the first day a fee is set, since every fee must be priced.</param>
    /// <param name="regions">The region of each département (a CléA Socle certificate's issuer is the candidate's region's Transitions Pro).</param>
    public DemoActivityGenerator(Random random, DateOnly today, IReadOnlyDictionary<CertificationCode, Certification> referentials,
        IReadOnlyCollection<FeeTariff> tariffs, IReadOnlyDictionary<string, Region>? regions = null)
    {
        _regions = regions ?? new Dictionary<string, Region>();
        _random = random;
        _today = today;
        _referentials = referentials;
        _fees = new FeeSchedule(tariffs);
        _feesFrom = new DateOnly(tariffs.Count == 0 ? today.Year : tariffs.Min(t => t.FromYear), 1, 1);
    }

    /// <summary>
    /// Phase 1, once the organisms are saved: each active organism that may evaluate gets a team (evaluators, trainers who
    /// never evaluate) and a number of candidates to come; the rich dashboard fixture gets many.
    /// </summary>
    public IReadOnlyList<Intervenant> DeclareTeams(IReadOnlyList<Organism> organisms)
    {
        var declared = new List<Intervenant>();
        foreach (var organism in organisms)
        {
            var rich = organism.Siren.Value == DemoFixtures.RichDashboard;
            var isFixture = DemoFixtures.All.Contains(organism.Siren.Value);
            // Other fixtures stay without candidates or intervenants: their documented state is what tests rely on.
            var candidates = rich ? RichDashboardCandidates : isFixture ? 0 : _random.NextDouble() < 0.4 ? _random.Next(2, 10) : 0;
            var habilitations = organism.Habilitations.Where(Usable).ToList();
            if (candidates == 0 || habilitations.Count == 0) continue;

            var since = Max(habilitations.Min(h => h.ValidFrom!.Value).AddDays(-30), _feesFrom.AddDays(-30));
            var team = new Team();
            var evaluators = rich ? 4 : 2 + _random.Next(2);
            for (var i = 0; i < evaluators; i++)
                team.Evaluators.Add(Declare(organism, evaluator: true, remote: i == 0, since));
            var trainers = rich ? 3 : 1 + _random.Next(2);
            for (var i = 0; i < trainers; i++)
                team.Trainers.Add(Declare(organism, evaluator: false, remote: false, since));
            declared.AddRange(team.Evaluators);
            declared.AddRange(team.Trainers);
            _plans.Add(new Plan(organism, habilitations, team, candidates));
        }
        return declared;
    }

    /// <summary>Candidates of the rich dashboard fixture (over a thousand evaluations over its years of activity).</summary>
    public const int RichDashboardCandidates = 600;

    /// <summary>Phase 2, once the teams are saved: the candidates, registered while their organism is habilitated.</summary>
    public IReadOnlyList<Candidate> RegisterCandidates()
    {
        var registered = new List<Candidate>();
        foreach (var plan in _plans)
        {
            if (plan.Organism.Siren.Value == DemoFixtures.RichDashboard)
            {
                // The named certificate holder of the README: admissible at once, certified 12 days after the prior evaluation.
                var holder = Register(plan, plan.Habilitations[0], _today.AddDays(-120),
                    new CandidateIdentity("Inès", DemoFixtures.CertificateHolderLastName, new DateOnly(1991, 3, 14), null, null, FundingScheme.Cpf));
                if (holder is not null)
                {
                    plan.Candidates.Add((holder, Path.Named));
                    registered.Add(holder);
                }
            }
            for (var i = 0; i < plan.CandidateCount; i++)
            {
                var habilitation = Pick(plan.Habilitations);
                var first = Max(habilitation.ValidFrom!.Value, _feesFrom);
                var last = Min(habilitation.EndedOn?.AddDays(-1) ?? _today, Min(habilitation.ValidUntil!.Value, _today));
                if (last < first) continue;
                var on = first.AddDays(_random.Next(last.DayNumber - first.DayNumber + 1));
                var candidate = Register(plan, habilitation, on, NextIdentity(on));
                if (candidate is null) continue;
                plan.Candidates.Add((candidate, DrawPath()));
                registered.Add(candidate);
            }
        }
        return registered;
    }

    /// <summary>
    /// Phase 3, once the candidates are saved: prior evaluations, training paths, final evaluations, jury decisions and
    /// certificates as far as the demo's day; returns the fee lines they accrued.
    /// </summary>
    public IReadOnlyList<FeeLine> RunPaths()
    {
        var fees = new List<FeeLine>();
        foreach (var plan in _plans)
        foreach (var (candidate, path) in plan.Candidates)
        {
            try
            {
                RunPath(plan, candidate, path, fees);
            }
            catch (DomainRuleException)
            {
                // The rules refused this step on its drawn date (suspension, end of the habilitation…): the path stops here.
            }
        }
        return fees;
    }

    /// <summary>The certificate of the named holder, to give it the documented number.</summary>
    public Certificate? NamedCertificate { get; private set; }

    private void RunPath(Plan plan, Candidate candidate, Path path, List<FeeLine> fees)
    {
        var referential = _referentials[candidate.Certification];
        var subs = referential.Domains.SelectMany(d => d.SubDomains).ToList();
        var habilitations = plan.Organism.Habilitations;
        var team = plan.Team;

        var priorOn = path == Path.Named ? candidate.RegisteredOn.AddDays(3) : candidate.RegisteredOn.AddDays(_random.Next(0, 22));
        if (priorOn > _today) return;
        var admissible = path is Path.Named or Path.Admissible;
        var priorResults = subs.Select(s => new ResultInput(s.Code, admissible || _random.NextDouble() < 0.55)).ToList();
        if (!admissible && priorResults.All(r => r.Acquired))
        {
            var missed = _random.Next(priorResults.Count);
            priorResults[missed] = priorResults[missed] with { Acquired = false };
        }
        var (_, priorFee) = candidate.RecordPriorEvaluation(Session(team, priorOn, priorResults), referential, habilitations, team.All, plan.Organism, _fees);
        if (priorFee is not null) fees.Add(priorFee);

        var lastOn = priorOn;
        if (!admissible)
        {
            if (path == Path.DropsAfterPrior) return;
            var startedOn = priorOn.AddDays(_random.Next(1, 21));
            if (startedOn > _today) return;
            var trainers = team.Trainers.OrderBy(_ => _random.Next()).Take(1 + _random.Next(team.Trainers.Count)).Select(t => t.Id).ToList();
            candidate.RecordTrainingPath(startedOn, trainers, team.All);
            lastOn = startedOn;
            for (var attempt = 0; attempt < 3 && candidate.DomainsNotValidated(referential).Count > 0; attempt++)
            {
                var finalOn = lastOn.AddDays(_random.Next(25, 160));
                if (finalOn > _today || path == Path.DropsInTraining) return;
                var acquired = candidate.AcquiredSubDomains();
                var open = subs.Where(s => !acquired.ContainsKey(s.Id)).Select(s => new ResultInput(s.Code, _random.NextDouble() < 0.8)).ToList();
                candidate.RecordFinalEvaluation(Session(team, finalOn, open), referential, habilitations, team.All);
                lastOn = finalOn;
            }
        }

        var juryOn = lastOn.AddDays(path == Path.Named ? 9 : _random.Next(5, 31));
        if (juryOn > _today) return;
        var validated = candidate.DomainsNotValidated(referential).Count == 0;
        var department = plan.Organism.Sites.First(s => s.Id == candidate.SiteId).Address.DepartmentCode;
        var jury = new JuryComposition(candidate.Certification == CertificationCode.CleaSocle ? SocleJury : OrganismJury, team.All,
            _regions.GetValueOrDefault(department));
        var (_, certificate, certificateFee) = candidate.RecordJuryDecision(juryOn, validated,
            _random.NextDouble() < 0.7 ? CertificateDelivery.Pdf : CertificateDelivery.Paper, $"PV-{juryOn:yyyyMMdd}", referential,
            habilitations, plan.Organism, _fees, jury);
        if (certificateFee is not null) fees.Add(certificateFee);
        if (path == Path.Named) NamedCertificate = certificate;
    }

    private EvaluationInput Session(Team team, DateOnly on, List<ResultInput> results)
    {
        // One session in ten is remote: held by the evaluator trained for it, with every safeguard recorded.
        var remote = _random.NextDouble() < 0.1;
        var evaluator = remote ? team.Evaluators[0] : Pick(team.Evaluators);
        return new EvaluationInput(on, remote ? EvaluationModality.RemoteSynchronous : EvaluationModality.OnSite, evaluator.Id,
            IdentityChecked: true, AttendanceSigned: true, results, remote ? new RemoteSafeguards(true, true, true) : null);
    }

    private Candidate? Register(Plan plan, Habilitation habilitation, DateOnly on, CandidateIdentity identity)
    {
        if (habilitation.StatusOn(on) != HabilitationStatus.Active) return null;
        var sites = plan.Organism.Sites.Where(s => s.IsOpenOn(on)).ToList();
        if (sites.Count == 0) return null;
        // Most candidates come to the head office; the others to another open site.
        var site = sites.Count == 1 || _random.NextDouble() < 0.6 ? sites[0] : sites[1 + _random.Next(sites.Count - 1)];
        return Candidate.Register(plan.Organism, site, habilitation.Certification, on, identity, plan.Organism.Habilitations);
    }

    private CandidateIdentity NextIdentity(DateOnly registeredOn)
        => new(Pick(FirstNames), Pick(LastNames), registeredOn.AddYears(-_random.Next(18, 62)).AddDays(-_random.Next(365)),
            null, null, Pick(Fundings), _random.NextDouble() < 0.04 ? "Temps majoré d'un tiers (tiers-temps)." : null);

    private Intervenant Declare(Organism organism, bool evaluator, bool remote, DateOnly on)
        => Intervenant.Declare(organism, Pick(FirstNames), Pick(LastNames), evaluator, trainer: !evaluator,
            evaluator ? ["Évaluateur CléA habilité", "Master Sciences de l'éducation"] : ["Formateur d'adultes (titre professionnel FPA)"],
            remote, on);

    /// <summary>Habilitations the demo uses: accepted, allowing evaluation, and not left unused until they expired.</summary>
    private bool Usable(Habilitation h)
        => h.Outcome == DecisionOutcome.Accepted && h.ValidFrom <= _today
            && h.Scope is HabilitationScope.Evaluate or HabilitationScope.TrainAndEvaluate
            // Expired without renewal means never used (the renewal rule): it must stay so.
            && !(h.StatusOn(_today) == HabilitationStatus.Expired && h.RenewedUntil is null)
            && Min(h.ValidUntil!.Value, _today) >= _feesFrom;

    private Path DrawPath()
    {
        var draw = _random.NextDouble();
        return draw < 0.15 ? Path.Admissible : draw < 0.25 ? Path.DropsAfterPrior : draw < 0.32 ? Path.DropsInTraining : Path.Trained;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private enum Path { Named, Admissible, DropsAfterPrior, DropsInTraining, Trained }

    private sealed class Team
    {
        public List<Intervenant> Evaluators { get; } = [];
        public List<Intervenant> Trainers { get; } = [];
        public IReadOnlyCollection<Intervenant> All => [.. Evaluators, .. Trainers];
    }

    private sealed record Plan(Organism Organism, List<Habilitation> Habilitations, Team Team, int CandidateCount)
    {
        public List<(Candidate Candidate, Path Path)> Candidates { get; } = [];
    }
}
