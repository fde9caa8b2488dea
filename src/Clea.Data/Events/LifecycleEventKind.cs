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
}
