namespace Clea.Data.Audits;

/// <summary>How an audit is carried out (convention §V.1).</summary>
public enum AuditMode
{
    OnDocuments,
    OnSite,
}

/// <summary>Who the auditor belongs to: Certif Pro, a CPNE, the Instance's service or a contracted provider (§V.1).</summary>
public enum AuditorAffiliation
{
    CertifPro,
    Cpne,
    InstanceService,
    ContractedProvider,
}

/// <summary>Where an audit stands. The auditor's access runs while it is <see cref="Scheduled"/>: until the report is final.</summary>
public enum AuditStage
{
    Scheduled,
    /// <summary>The organism refused the audit (in writing, or noted by the Instance): withdrawal, case 3 of §V.3.</summary>
    Refused,
    /// <summary>The final report was presented to the organism; its observations run for 15 working days.</summary>
    Reported,
    /// <summary>The Instance decided at a meeting: maintained, conformity procedure, or withdrawal for new failings.</summary>
    Decided,
}

/// <summary>The auditor's opinion, one of three (§V.1).</summary>
public enum AuditOpinion
{
    /// <summary>No anomaly: maintained for the remaining period, no procedure.</summary>
    Favourable,
    /// <summary>Minor anomalies: corrective measures in a conformity procedure without suspension.</summary>
    FavourableWithReservations,
    /// <summary>Blocking anomalies (serious breach): a conformity procedure with suspension.</summary>
    Unfavourable,
}

public enum AnomalySeverity
{
    Minor,
    Blocking,
}

/// <summary>What the Instance decided on an audit (sovereign, §V.1).</summary>
public enum AuditOutcome
{
    Maintained,
    ConformityProcedure,
    /// <summary>New failings within 12 months of the end of a conformity procedure: withdrawal on notification (§V.2).</summary>
    WithdrawnForNewFailings,
}

/// <summary>The stages of a conformity procedure (§V.2).</summary>
public enum ProcedureStage
{
    /// <summary>A formal notice is notified; the organism has 30 working days to justify its corrective measures.</summary>
    AwaitingJustification,
    /// <summary>Justified in time; the Instance has 30 working days to notify a withdrawal or an additional period.</summary>
    AwaitingAnswer,
    /// <summary>No answer in time: the measures are deemed sufficient, the habilitation maintained (12-month watch).</summary>
    DeemedSufficient,
    Withdrawn,
}

public enum EdofAlertSource
{
    CaisseDesDepots,
    FranceCompetences,
}

/// <summary>The sanction the Instance chooses on an EDOF alert (§V.3, "plusieurs niveaux de sanctions").</summary>
public enum EdofAlertLevel
{
    Warning,
    Suspension,
    Withdrawal,
}
