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
}

/// <summary>How an habilitation ended before its term.</summary>
public enum EndKind
{
    Withdrawn,
    Renounced,
}
