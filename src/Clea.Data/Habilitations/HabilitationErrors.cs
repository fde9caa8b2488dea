namespace Clea.Data.Habilitations;

/// <summary>Stable error codes of the habilitation rules (documented in the README).</summary>
public static class HabilitationErrors
{
    public const string AlreadyDecided = "HABILITATION_ALREADY_DECIDED";
    public const string DecisionBeforeFiling = "DECISION_BEFORE_FILING";
    public const string NotificationBeforeDecision = "NOTIFICATION_BEFORE_DECISION";
    public const string NotActive = "HABILITATION_NOT_ACTIVE";
    public const string NotSuspended = "HABILITATION_NOT_SUSPENDED";
    public const string RenewalNotAllowed = "RENEWAL_NOT_ALLOWED";
    public const string NotRefused = "HABILITATION_NOT_REFUSED";
    /// <summary>The automatic renewal is applied from the last day of the initial period, not before.</summary>
    public const string RenewalNotDue = "RENEWAL_NOT_DUE";
    /// <summary>A withdrawn habilitation is over for good: no renewal, suspension, lifting or renunciation.</summary>
    public const string Withdrawn = "HABILITATION_WITHDRAWN";
    public const string LiftBeforeSuspension = "LIFT_BEFORE_SUSPENSION";
    public const string AlreadyRenounced = "ALREADY_RENOUNCED";
    public const string InvalidActivityPeriod = "INVALID_ACTIVITY_PERIOD";
    public const string InvalidActivityFigures = "INVALID_ACTIVITY_FIGURES";
    /// <summary>A CPNE acts only on the habilitations it decided (its professional field).</summary>
    public const string OutsideInstanceField = "OUTSIDE_INSTANCE_FIELD";
    public const string NotFound = "HABILITATION_NOT_FOUND";
    /// <summary>A correction that does not fit the habilitation's facts (nothing to correct, or an impossible date).</summary>
    public const string InvalidCorrection = "INVALID_CORRECTION";
    /// <summary>A suspension, lifting, withdrawal or renewal cannot take effect before the day it is recorded.</summary>
    public const string BackDated = "EFFECTIVE_DATE_IN_PAST";
}
