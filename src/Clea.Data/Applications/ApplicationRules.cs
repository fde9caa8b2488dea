using Clea.Data.Common;
using Clea.Data.Habilitations;
using Clea.Data.Instances;
using Clea.Data.Registry;

namespace Clea.Data.Applications;

/// <summary>The rules a file must follow at filing, to be complete, and in an opinion or decision (convention §II–III).</summary>
public static class ApplicationRules
{
    /// <summary>The four cumulative criteria of §II: every opinion and refusal judges each of them.</summary>
    public static IReadOnlyList<Criterion> CumulativeCriteria { get; } =
        [Criterion.QualifiedIntervenants, Criterion.EvaluationApproach, Criterion.CandidateSupport, Criterion.TrainingAndQuality];

    /// <summary>Turnover is declared for the last 3 closed years.</summary>
    public const int TurnoverYears = 3;

    /// <summary>
    /// CléA Numérique and CléA Management habilitate "à former et évaluer" (N/M §III.1): any other scope is refused for
    /// them. Only CléA Socle distinguishes training, evaluation or both (public sources, outside the seeds).
    /// </summary>
    public static void EnsureScopeAllowed(Referentials.CertificationCode certification, HabilitationScope scope)
    {
        if (certification != Referentials.CertificationCode.CleaSocle && scope != HabilitationScope.TrainAndEvaluate)
            throw new DomainRuleException(ApplicationErrors.ScopeNotAllowed,
                $"A {certification} habilitation is granted to train and evaluate (convention §III.1): file with scope TRAIN_AND_EVALUATE, not {scope}.");
    }

    /// <summary>
    /// A refused candidate may re-apply "dès la campagne suivante" (N §III.5): not in the campaign of the refusal nor
    /// in one of that Instance and certification that opened no later than it.
    /// </summary>
    public static void EnsureReapplicationAllowed(Campaign campaign, IReadOnlyList<Organism> candidates, IReadOnlyCollection<PreviousRefusal> refusals)
    {
        foreach (var refusal in refusals)
        {
            if (!candidates.Any(c => c.Siren.Value == refusal.Siren) || refusal.InstanceId != campaign.InstanceId
                || refusal.Certification != campaign.Certification)
                continue;
            if (campaign.OpensOn <= refusal.CampaignOpensOn) // the same campaign, or one that opened no later
                throw new DomainRuleException(ApplicationErrors.ReapplyFromNextCampaign,
                    $"Organism {refusal.Siren} was refused in campaign {refusal.CampaignCode}: it may re-apply from the next campaign of the Instance for {campaign.Certification}, not in {campaign.Code}.");
        }
    }

    /// <summary>Every listed site is a valid SIRET of its own candidate's SIREN, listed once.</summary>
    public static void EnsureSitesBelongToTheirCandidates(AdministrativePart part)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in part.Candidates)
        foreach (var site in candidate.Sites)
        {
            var siret = Siret.Parse(site.Siret);
            if (siret.Siren.Value != candidate.Siren)
                throw new DomainRuleException(RegistryErrors.SiteOfAnotherSiren,
                    $"Site {siret} belongs to SIREN {siret.Siren}, not to candidate {candidate.Siren}: list each site under its own organism.");
            if (!seen.Add(siret.Value))
                throw new DomainRuleException(RegistryErrors.SiteAlreadyListed, $"Site {siret} is listed twice in the file.");
        }
    }

    /// <summary>Modalities name sub-competences of the certification's référentiel.</summary>
    public static void EnsureKnownSubCompetences(TechnicalPart technical, IReadOnlySet<string> subCompetences)
    {
        var unknown = technical.Modalities.Select(m => m.SubCompetence).Where(c => !subCompetences.Contains(c)).ToList();
        if (unknown.Count > 0)
            throw new DomainRuleException(ApplicationErrors.UnknownSubCompetence,
                $"Not sub-competences of this référentiel: {string.Join(", ", unknown)}.");
        if (technical.Modalities.Any(m => string.IsNullOrWhiteSpace(m.Modality)))
            throw new DomainRuleException(ApplicationErrors.EmptyText, "Each sub-competence names its evaluation modality.");
    }

    /// <summary>What a file lacks to be complete; empty when complete.</summary>
    public static IReadOnlyList<string> CompletenessIssues(Application application, IReadOnlyList<string> subCompetences)
    {
        var issues = new List<string>();
        var part = application.Administrative;
        var technical = application.Technical;
        var covered = technical.Modalities.Select(m => m.SubCompetence).ToHashSet(StringComparer.Ordinal);
        var uncovered = subCompetences.Where(c => !covered.Contains(c)).ToList();
        if (uncovered.Count > 0)
            issues.Add($"No evaluation modality for sub-competence(s) {string.Join(", ", uncovered)}.");
        var evaluates = application.Scope is HabilitationScope.Evaluate or HabilitationScope.TrainAndEvaluate;
        var trains = application.Scope is HabilitationScope.Train or HabilitationScope.TrainAndEvaluate;
        if (evaluates && !part.Intervenants.Any(i => i.Evaluator))
            issues.Add("At least one evaluator is declared among the intervenants.");
        if (trains && !part.Intervenants.Any(i => i.Trainer))
            issues.Add("At least one trainer is declared among the intervenants.");
        if (!string.IsNullOrWhiteSpace(technical.RemoteEvaluation) && !part.Intervenants.Any(i => i.RemoteEvaluation))
            issues.Add("Remote evaluation is offered: at least one evaluator trained for it is declared.");
        if (part.MainContact is null)
            issues.Add("A main contact is given.");
        if (part.Coverage == Coverage.Regional && part.Regions.Count == 0)
            issues.Add("A regional coverage names its regions.");
        var years = Enumerable.Range(application.FiledOn.Year - TurnoverYears, TurnoverYears).ToList();
        foreach (var candidate in part.Candidates)
        {
            if (candidate.Sites.Count == 0)
                issues.Add($"Candidate {candidate.Siren} lists its establishments and sites.");
            var missing = years.Where(y => candidate.Turnover.All(t => t.Year != y)).ToList();
            if (missing.Count > 0)
                issues.Add($"Candidate {candidate.Siren} declares its turnover for {string.Join(", ", missing)}.");
            if (string.IsNullOrWhiteSpace(candidate.DeclarationNumber))
                issues.Add($"Candidate {candidate.Siren} gives its training-body declaration number.");
        }
        if (string.IsNullOrWhiteSpace(technical.EvaluationProcess))
            issues.Add("The evaluation process is described.");
        if (trains && string.IsNullOrWhiteSpace(technical.Training))
            issues.Add("The training engineering is described.");
        if (string.IsNullOrWhiteSpace(technical.Quality))
            issues.Add("The quality-assurance approach is described.");
        if (application.Type == ApplicationType.Renewal && technical.Activity is null)
            issues.Add("A renewal gives the activity figures of the past period.");
        return issues;
    }

    /// <summary>
    /// An opinion or refusal judges each cumulative criterion exactly once, with a comment; a CPNE may add
    /// contextualisation criteria (named); a refusal states at least one criterion not met.
    /// </summary>
    public static IReadOnlyList<CriterionVerdict> CheckVerdicts(IReadOnlyList<CriterionVerdict> verdicts, InstanceKind instance, bool requireUnmetReason)
    {
        var missing = CumulativeCriteria.Where(c => verdicts.Count(v => v.Criterion == c) != 1).ToList();
        if (missing.Count > 0)
            throw new DomainRuleException(ApplicationErrors.OpinionCriteriaMissing,
                $"Each of the 4 cumulative criteria of §II is judged exactly once; not so for {string.Join(", ", missing)}.");
        var context = verdicts.Where(v => v.Criterion == Criterion.Contextualisation).ToList();
        if (context.Count > 0 && instance != InstanceKind.Cpne)
            throw new DomainRuleException(ApplicationErrors.ContextualisationCpneOnly, "Only a CPNE adds contextualisation criteria.");
        if (context.Any(v => string.IsNullOrWhiteSpace(v.Label)))
            throw new DomainRuleException(ApplicationErrors.OpinionCriteriaMissing, "A contextualisation criterion is named (label).");
        var checkedVerdicts = verdicts.Select(v => v with { Comment = Application.Text(v.Comment, $"The verdict on {v.Criterion} is reasoned"), Label = v.Label?.Trim() }).ToList();
        if (requireUnmetReason && checkedVerdicts.All(v => v.Met))
            throw new DomainRuleException(ApplicationErrors.RefusalReasonsRequired,
                "A refusal states its reasons: at least one criterion is judged not met.");
        return checkedVerdicts;
    }
}
