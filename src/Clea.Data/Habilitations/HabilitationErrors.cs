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
}
