using Clea.Data.Referentials;

namespace Clea.Data.Evaluations;

/// <summary>What an organism records about an evaluation session (the resolver's and the bulk recorder's input).</summary>
public sealed record EvaluationInput(
    DateOnly HeldOn,
    EvaluationModality Modality,
    int EvaluatorId,
    bool IdentityChecked,
    bool AttendanceSigned,
    IReadOnlyList<ResultInput> Results,
    RemoteSafeguards? Remote = null,
    string? ReferentialContext = null);

/// <summary>One sub-competence's result; its evaluator defaults to the session's.</summary>
public sealed record ResultInput(string SubCompetence, bool Acquired, int? EvaluatorId = null);

/// <summary>
/// The safeguards of a remote evaluation (annexe 3): a prior feasibility phase, reinforced support, and synchronous
/// phases (identity check, rules reminder) even around an asynchronous or automated test.
/// </summary>
public sealed record RemoteSafeguards(bool FeasibilityChecked, bool ReinforcedSupport, bool SynchronousPhases)
{
    public bool Complete => FeasibilityChecked && ReinforcedSupport && SynchronousPhases;
}

/// <summary>A prior or final evaluation of a candidate: per sub-competence results, how it was held, who evaluated.</summary>
public sealed class Evaluation
{
    public const int ReferentialContextMaxLength = 200;

    private readonly List<EvaluationResult> _results = [];

    public int Id { get; private set; }
    public int CandidateId { get; private set; }
    public EvaluationKind Kind { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public EvaluationModality Modality { get; private set; }
    /// <summary>The evaluator responsible for the session (a declared intervenant of the organism).</summary>
    public int EvaluatorId { get; private set; }
    public bool IdentityChecked { get; private set; }
    public bool AttendanceSigned { get; private set; }
    public bool FeasibilityChecked { get; private set; }
    public bool ReinforcedSupport { get; private set; }
    public bool SynchronousPhases { get; private set; }
    /// <summary>The version of the référentiel the results refer to.</summary>
    public string ReferentialVersion { get; private set; } = null!;
    /// <summary>The contextualisation of the référentiel used, if any (a sector, a company).</summary>
    public string? ReferentialContext { get; private set; }
    public EvaluationOutcome Outcome { get; private set; }
    /// <summary>The habilitation the evaluation was held under.</summary>
    public int HabilitationId { get; private set; }
    public IReadOnlyList<EvaluationResult> Results => _results;

    private Evaluation() { }

    internal Evaluation(EvaluationKind kind, EvaluationInput input, string referentialVersion, int habilitationId,
        IEnumerable<(SubDomain Sub, bool Acquired, int EvaluatorId)> results)
    {
        Kind = kind;
        HeldOn = input.HeldOn;
        Modality = input.Modality;
        EvaluatorId = input.EvaluatorId;
        IdentityChecked = input.IdentityChecked;
        AttendanceSigned = input.AttendanceSigned;
        FeasibilityChecked = input.Remote?.FeasibilityChecked ?? false;
        ReinforcedSupport = input.Remote?.ReinforcedSupport ?? false;
        SynchronousPhases = input.Remote?.SynchronousPhases ?? false;
        ReferentialVersion = referentialVersion;
        ReferentialContext = string.IsNullOrWhiteSpace(input.ReferentialContext) ? null : input.ReferentialContext.Trim();
        HabilitationId = habilitationId;
        foreach (var (sub, acquired, evaluatorId) in results)
            _results.Add(new EvaluationResult(sub.DomainId, sub.Id, acquired, evaluatorId));
        var allAcquired = _results.All(r => r.Acquired);
        Outcome = kind == EvaluationKind.Prior
            ? allAcquired ? EvaluationOutcome.Admissible : EvaluationOutcome.TrainingRecommended
            : allAcquired ? EvaluationOutcome.AllAcquired : EvaluationOutcome.PartlyAcquired;
    }

    /// <summary>Every intervenant who evaluated in this session.</summary>
    public IEnumerable<int> EvaluatorIds => _results.Select(r => r.EvaluatorId).Append(EvaluatorId).Distinct();
}

/// <summary>One sub-competence's result in an evaluation.</summary>
public sealed class EvaluationResult
{
    public long Id { get; private set; }
    public int EvaluationId { get; private set; }
    /// <summary>The sub-competence's domain, kept beside it so per-domain figures need no join to the référentiel.</summary>
    public int DomainId { get; private set; }
    public int SubDomainId { get; private set; }
    public bool Acquired { get; private set; }
    public int EvaluatorId { get; private set; }

    private EvaluationResult() { }

    internal EvaluationResult(int domainId, int subDomainId, bool acquired, int evaluatorId)
    {
        DomainId = domainId;
        SubDomainId = subDomainId;
        Acquired = acquired;
        EvaluatorId = evaluatorId;
    }
}
