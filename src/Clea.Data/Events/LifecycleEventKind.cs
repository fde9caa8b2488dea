namespace Clea.Data.Events;

/// <summary>Every kind of state change the event log records (issue "habilitation lifecycle", item 10).</summary>
public enum LifecycleEventKind
{
    ApplicationFiled,
    InformationRequested,
    InformationProvided,
    ApplicationCompleted,
    OpinionGiven,
    HearingScheduled,
    DecisionAccepted,
    DecisionRefused,
    DecisionNotified,
    AppealFiled,
    AppealAcknowledged,
    AppealDecided,
    Renewed,
    Suspended,
    SuspensionLifted,
    Withdrawn,
    Renounced,
    ChangeDeclared,
    InvoiceIssued,
    InvoicePaid,
    CandidateDataErased,
    /// <summary>The organism declared activity figures under an habilitation (a use when they count evaluations).</summary>
    ActivityDeclared,
    /// <summary>The fee grid of a year was set by an administrator.</summary>
    FeeTariffSet,
    AuditScheduled,
    /// <summary>The organism refused an audit in writing (withdrawal on receipt, §V.3).</summary>
    AuditRefused,
    /// <summary>The Instance noted a refusal of an audit without a writing (withdrawal on that day, §V.3).</summary>
    AuditRefusalNoted,
    AuditReportFiled,
    AuditObservationsSubmitted,
    AuditDecided,
    /// <summary>An auditor read evidence of an audit (which records, through which channel).</summary>
    AuditEvidenceRead,
    FormalNoticeNotified,
    CorrectiveMeasuresJustified,
    AdditionalPeriodGranted,
    /// <summary>No answer within 30 working days of a justification: the habilitation is maintained (§V.2).</summary>
    CorrectiveMeasuresDeemedSufficient,
    EdofAlertRecorded,
    /// <summary>An organism came into the registry (declared by a person, or imported).</summary>
    OrganismRegistered,
    /// <summary>Certif Pro corrected a field of a registration (the field in the reference, old and new values and why in the reason).</summary>
    RegistrationCorrected,
    /// <summary>Certif Pro blocked a fraudulent registration.</summary>
    OrganismBlocked,
    OrganismUnblocked,
    /// <summary>This duplicate record was merged into another (its SIREN in the reference).</summary>
    OrganismMergedInto,
    /// <summary>A duplicate record was merged into this one (the duplicate's SIREN in the reference).</summary>
    DuplicateMerged,
    /// <summary>The Instance corrected a recorded fact of an habilitation (a visible act: answers about past days changed).</summary>
    HabilitationCorrected,
}
