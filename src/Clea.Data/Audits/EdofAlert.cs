using Clea.Data.Common;
using Clea.Data.Events;
using Clea.Data.Habilitations;

namespace Clea.Data.Audits;

/// <summary>
/// An alert from the Caisse des Dépôts or France compétences about a non-compliant EDOF listing (§V.3, case 4), and the
/// sanction the Instance chose: a warning, a suspension from the decision's notification, or a withdrawal on it.
/// </summary>
public sealed class EdofAlert : EventSource
{
    public const int ReferenceMaxLength = 64;

    public int Id { get; private set; }
    public int HabilitationId { get; private set; }
    public Habilitation Habilitation { get; private set; } = null!;
    public int OrganismId { get; private set; }
    /// <summary>The alert's reference at the Caisse des Dépôts or France compétences.</summary>
    public string Reference { get; private set; } = null!;
    public EdofAlertSource Source { get; private set; }
    public EdofAlertLevel Level { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    /// <summary>The day the Instance's sanction is notified: a suspension or withdrawal takes effect that day.</summary>
    public DateOnly NotifiedOn { get; private set; }
    public string Reason { get; private set; } = null!;

    private EdofAlert() { }

    public EdofAlert(Habilitation habilitation, string reference, EdofAlertSource source, EdofAlertLevel level, DateOnly receivedOn, DateOnly notifiedOn, string reason)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.Trim().Length > ReferenceMaxLength || string.IsNullOrWhiteSpace(reason) || notifiedOn < receivedOn)
            throw new DomainRuleException(AuditErrors.InvalidEdofAlert,
                $"An EDOF alert has its reference (at most {ReferenceMaxLength} characters), a reason, and is notified on or after it was received.");
        Habilitation = habilitation;
        HabilitationId = habilitation.Id;
        OrganismId = habilitation.OrganismId;
        Reference = reference.Trim();
        Source = source;
        Level = level;
        ReceivedOn = receivedOn;
        NotifiedOn = notifiedOn;
        Reason = reason.Trim();
        var why = $"EDOF alert {Reference} ({source}): {Reason}";
        Raise(new LifecycleEvent(LifecycleEventKind.EdofAlertRecorded, notifiedOn, habilitation, $"{level}: {Reason}", Reference));
        switch (level)
        {
            case EdofAlertLevel.Suspension:
                habilitation.Suspend(notifiedOn, why);
                break;
            case EdofAlertLevel.Withdrawal:
                habilitation.Withdraw(notifiedOn, WithdrawalCase.EdofAlert, WithdrawalEffect.OnNotification, why);
                break;
        }
    }
}
