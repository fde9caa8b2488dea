namespace Clea.Data.Applications;

/// <summary>Who files (convention §III): one organism, a member of a groupement (each member files its own), or a mandataire for a network.</summary>
public enum ApplicationKind
{
    Individual,
    GroupementMember,
    Network,
}

/// <summary>A first application, or the re-application of an organism that held the habilitation for 6 years.</summary>
public enum ApplicationType
{
    First,
    Renewal,
}

/// <summary>Where a file stands in its instruction.</summary>
public enum ApplicationStatus
{
    /// <summary>Filed, awaiting the completeness check.</summary>
    Filed,
    /// <summary>A request for information is open: the organism must answer.</summary>
    InformationRequested,
    /// <summary>Complete: it can be instructed.</summary>
    Complete,
    /// <summary>The reasoned opinion is given: it can be decided.</summary>
    Instructed,
    Accepted,
    Refused,
    /// <summary>A network file decided candidate by candidate: some accepted, others refused.</summary>
    PartlyAccepted,
}

/// <summary>The cumulative criteria of convention §II, plus a CPNE's contextualisation criteria.</summary>
public enum Criterion
{
    /// <summary>Enough qualified intervenants to evaluate all domains with a common method.</summary>
    QualifiedIntervenants,
    /// <summary>An evaluation approach, tools and modalities covering all domains of the référentiel.</summary>
    EvaluationApproach,
    /// <summary>Technical and pedagogical support for each candidate according to autonomy.</summary>
    CandidateSupport,
    /// <summary>Ability to offer training when needed, with a rigorous method, and a quality-assurance approach.</summary>
    TrainingAndQuality,
    /// <summary>A criterion a CPNE adds for its professional field.</summary>
    Contextualisation,
}

/// <summary>National coverage, or the regions the organism serves.</summary>
public enum Coverage
{
    National,
    Regional,
}

public enum AppealOutcome
{
    Pending,
    /// <summary>The refusal is upheld.</summary>
    Upheld,
    /// <summary>The appeal succeeds: the habilitation is accepted.</summary>
    Accepted,
}
