namespace Clea.Data.Evaluations;

/// <summary>How the candidate's path is funded.</summary>
public enum FundingScheme
{
    /// <summary>Compte personnel de formation.</summary>
    Cpf,
    Employer,
    Opco,
    FranceTravail,
    Region,
    TransitionsPro,
    Personal,
    Other,
}

/// <summary>Prior evaluation (positioning on every sub-competence) or final evaluation (after training).</summary>
public enum EvaluationKind
{
    Prior,
    Final,
}

/// <summary>How an evaluation is held (annexe 3: remote evaluation needs reinforced safeguards).</summary>
public enum EvaluationModality
{
    OnSite,
    RemoteSynchronous,
    /// <summary>Remote, asynchronous or automated (e.g. an online test), with synchronous phases around it.</summary>
    RemoteAsynchronous,
}

/// <summary>What an evaluation concluded.</summary>
public enum EvaluationOutcome
{
    /// <summary>Prior evaluation: every sub-competence acquired, the candidate goes to the jury.</summary>
    Admissible,
    /// <summary>Prior evaluation: a training path is recommended on what is not acquired.</summary>
    TrainingRecommended,
    /// <summary>Final evaluation: everything it covered is now acquired.</summary>
    AllAcquired,
    /// <summary>Final evaluation: some of what it covered is still not acquired.</summary>
    PartlyAcquired,
}

/// <summary>The candidate's choice of certificate medium.</summary>
public enum CertificateDelivery
{
    Paper,
    Pdf,
}

/// <summary>What a candidate asks for after the results.</summary>
public enum CandidateAppealKind
{
    /// <summary>Consult the jury's minutes.</summary>
    ConsultMinutes,
    /// <summary>Contest the results.</summary>
    ContestResults,
}
