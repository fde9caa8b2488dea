using System.Linq.Expressions;

namespace Clea.Data.Habilitations;

/// <summary>
/// <see cref="Habilitation.StatusOn"/> as SQL-translatable predicates, so the registry filters by status in the
/// database. A test checks both agree on every demo habilitation and many dates.
/// </summary>
public static class HabilitationStatusRules
{
    public static Expression<Func<Habilitation, bool>> HasStatusOn(HabilitationStatus status, DateOnly d) => status switch
    {
        HabilitationStatus.Pending => h => h.FiledOn <= d
            && !(h.Outcome == DecisionOutcome.Refused && h.DecidedOn <= d)
            && !(h.RefusedOn != null && h.RefusedOn <= d)
            && !(h.Outcome == DecisionOutcome.Accepted && h.ValidFrom <= d),
        // A refusal later overturned on appeal stays the status from its meeting until the acceptance is in force.
        HabilitationStatus.Refused => h => (h.Outcome == DecisionOutcome.Refused && h.DecidedOn <= d)
            || (h.RefusedOn != null && h.RefusedOn <= d && !(h.Outcome == DecisionOutcome.Accepted && h.ValidFrom <= d)),
        // A formal notice's withdrawal date applies by itself, before any recorded end (Habilitation.PendingWithdrawalOn).
        HabilitationStatus.Withdrawn => h => h.Outcome == DecisionOutcome.Accepted && h.ValidFrom <= d
            && ((h.EndKind == EndKind.Withdrawn && h.EndedOn <= d)
                || (h.PendingWithdrawalOn != null && h.PendingWithdrawalOn <= d && (h.EndedOn == null || h.EndedOn > d))),
        HabilitationStatus.Renounced => h => h.Outcome == DecisionOutcome.Accepted && h.ValidFrom <= d
            && h.EndKind == EndKind.Renounced && h.EndedOn <= d,
        HabilitationStatus.Expired => h => h.Outcome == DecisionOutcome.Accepted && h.ValidFrom <= d
            && (h.EndedOn == null || h.EndedOn > d)
            && (h.PendingWithdrawalOn == null || h.PendingWithdrawalOn > d)
            && (h.RenewedUntil ?? h.InitialUntil) < d,
        HabilitationStatus.Suspended => h => h.Outcome == DecisionOutcome.Accepted && h.ValidFrom <= d
            && (h.EndedOn == null || h.EndedOn > d)
            && (h.PendingWithdrawalOn == null || h.PendingWithdrawalOn > d)
            && (h.RenewedUntil ?? h.InitialUntil) >= d
            && h.Suspensions.Any(s => s.From <= d && (s.Until == null || s.Until >= d)),
        HabilitationStatus.Active => h => h.Outcome == DecisionOutcome.Accepted && h.ValidFrom <= d
            && (h.EndedOn == null || h.EndedOn > d)
            && (h.PendingWithdrawalOn == null || h.PendingWithdrawalOn > d)
            && (h.RenewedUntil ?? h.InitialUntil) >= d
            && !h.Suspensions.Any(s => s.From <= d && (s.Until == null || s.Until >= d)),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
