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
}
