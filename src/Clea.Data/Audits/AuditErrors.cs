namespace Clea.Data.Audits;

/// <summary>Stable error codes of the audit and conformity rules (convention §V; documented in the README).</summary>
public static class AuditErrors
{
    public const string NotFound = "AUDIT_NOT_FOUND";
    public const string ProcedureNotFound = "CONFORMITY_PROCEDURE_NOT_FOUND";
    /// <summary>The person named as auditor is not a user with the auditor role.</summary>
    public const string NotAnAuditor = "NOT_AN_AUDITOR";
    public const string InvalidAuditPeriod = "INVALID_AUDIT_PERIOD";
    /// <summary>The act does not fit the audit's current stage (a report on a refused audit, a decision before the report…).</summary>
    public const string WrongAuditStage = "WRONG_AUDIT_STAGE";
    /// <summary>The opinion does not match the anomalies: favourable has none, reservations only minor ones, unfavourable a blocking one.</summary>
    public const string OpinionInconsistent = "OPINION_INCONSISTENT_WITH_ANOMALIES";
    /// <summary>Written observations come within 15 working days of the report's presentation.</summary>
    public const string ObservationsDeadlinePassed = "OBSERVATIONS_DEADLINE_PASSED";
    /// <summary>The Instance decides once the organism's observations are in or their 15 working days are over.</summary>
    public const string ObservationPeriodRunning = "OBSERVATION_PERIOD_RUNNING";
    public const string NotificationBeforeMeeting = "NOTIFICATION_BEFORE_MEETING";
    /// <summary>A formal notice needs failings, a compliance period and a withdrawal date after the justification deadline.</summary>
    public const string InvalidFormalNotice = "INVALID_FORMAL_NOTICE";
    /// <summary>The act does not fit the procedure's stage (a justification already given, an answer before any justification…).</summary>
    public const string WrongProcedureStage = "WRONG_PROCEDURE_STAGE";
    /// <summary>Justifications come within 30 working days of the notice's notification.</summary>
    public const string JustificationDeadlinePassed = "JUSTIFICATION_DEADLINE_PASSED";
    /// <summary>After 30 working days without an answer to a justification, the measures are deemed sufficient.</summary>
    public const string AnswerDeadlinePassed = "ANSWER_DEADLINE_PASSED";
    /// <summary>Only one conformity procedure runs at a time per habilitation.</summary>
    public const string ProcedureAlreadyOpen = "CONFORMITY_PROCEDURE_ALREADY_OPEN";
    public const string InvalidSample = "INVALID_SAMPLE";
    /// <summary>An auditor reads evidence only through an open audit assigned to them.</summary>
    public const string AuditNotOpenForCaller = "AUDIT_NOT_OPEN_FOR_CALLER";
    public const string InvalidEdofAlert = "INVALID_EDOF_ALERT";
}
