namespace Clea.Data.Habilitations;

/// <summary>Where an habilitation stands on a given date.</summary>
public enum HabilitationStatus
{
    /// <summary>Filed, not decided yet (or decided but not yet notified).</summary>
    Pending,
    /// <summary>In force: the organism may train and/or evaluate.</summary>
    Active,
    /// <summary>Temporarily suspended: all activity under the habilitation must stop.</summary>
    Suspended,
    /// <summary>Withdrawn by the Instance: all activity stops for good.</summary>
    Withdrawn,
    /// <summary>The validity period (3 years, or 6 once renewed) is over.</summary>
    Expired,
    /// <summary>Given up by the organism, effective at the end of the 3-month notice.</summary>
    Renounced,
    /// <summary>The application was refused.</summary>
    Refused,
}

/// <summary>What the habilitation allows: training, evaluating, or both ("former et évaluer").</summary>
public enum HabilitationScope
{
    Train,
    Evaluate,
    TrainAndEvaluate,
}

/// <summary>The Instance's decision on the application.</summary>
public enum DecisionOutcome
{
    Pending,
    Accepted,
    Refused,
    /// <summary>
    /// Only the decision on a network file as a whole: some candidates accepted, others refused (each candidate's
    /// habilitation is decided individually, F §1). An habilitation is never partly accepted.
    /// </summary>
    PartlyAccepted,
}

/// <summary>How an habilitation ended before its term.</summary>
public enum EndKind
{
    Withdrawn,
    Renounced,
}

/// <summary>The four cases in which an habilitation is withdrawn (convention §V.3).</summary>
public enum WithdrawalCase
{
    /// <summary>At the end of a conformity procedure.</summary>
    ConformityProcedureEnd,
    /// <summary>New failings found within 12 months of the end of a conformity procedure.</summary>
    NewFailingsWithinTwelveMonths,
    /// <summary>The organism refused to take part in an audit.</summary>
    AuditRefusal,
    /// <summary>An alert from the Caisse des Dépôts or France compétences about a non-compliant EDOF listing.</summary>
    EdofAlert,
}

/// <summary>The rule that fixes a withdrawal's effective date (convention §V.3).</summary>
public enum WithdrawalEffect
{
    /// <summary>The day the decision is notified to the organism.</summary>
    OnNotification,
    /// <summary>The date stated in the formal notice, without a written justification in time.</summary>
    OnNoticeDate,
    /// <summary>The day the Instance received the organism's written refusal of an audit.</summary>
    OnRefusalReceipt,
    /// <summary>Without a written refusal, the day the Instance noted the refusal.</summary>
    OnRefusalNoted,
}
