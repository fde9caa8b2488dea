namespace Clea.Data.Habilitations;

// The habilitation's status as computed from its dated facts (decision, validity, suspensions, end), for any date:
// the periods it went through and the status on a day. HabilitationStatusRules is the same rule for SQL.
public sealed partial class Habilitation
{
    /// <summary>
    /// Whether the organism may still evaluate, train and certify on <paramref name="on"/> a candidate registered on
    /// <paramref name="registeredOn"/>: the habilitation was in force at registration and is in force on that day, or it
    /// was renounced and the candidate registered by the day the notice was given (convention §III.6: candidates already
    /// registered finish their path). Never after a withdrawal, a suspension or an expiry.
    /// </summary>
    public bool AllowsFollowUpOf(DateOnly registeredOn, DateOnly on)
    {
        if (on < registeredOn || StatusOn(registeredOn) != HabilitationStatus.Active) return false;
        return StatusOn(on) switch
        {
            HabilitationStatus.Active => true,
            HabilitationStatus.Renounced => registeredOn <= RenunciationNoticeOn,
            _ => false,
        };
    }

    /// <summary>
    /// The history as consecutive dated periods (pending, active, renewed, suspended, then how it ended), computed from
    /// the same facts as <see cref="StatusOn"/>: the period containing a date has that date's status (renewed is active).
    /// </summary>
    public IReadOnlyList<HabilitationPeriod> Periods()
        => [.. FactPeriods().Select(p => p with
        {
            CorrectedOn = _corrections.Where(c => c.Touches(p.From, p.Until)).Select(c => (DateOnly?)c.RecordedOn).Max(),
        })];

    private List<HabilitationPeriod> FactPeriods()
    {
        var periods = new List<HabilitationPeriod>();
        void Add(HabilitationPeriodStatus status, DateOnly from, DateOnly? until)
        {
            if (until < from) return;
            if (periods.Count > 0 && periods[^1].Status == status && periods[^1].Until?.AddDays(1) == from)
                periods[^1] = periods[^1] with { Until = until };
            else periods.Add(new HabilitationPeriod(status, from, until));
        }

        switch (Outcome)
        {
            case DecisionOutcome.Pending:
                Add(HabilitationPeriodStatus.Pending, FiledOn, null);
                return periods;
            case DecisionOutcome.Refused:
                Add(HabilitationPeriodStatus.Pending, FiledOn, DecidedOn!.Value.AddDays(-1));
                Add(HabilitationPeriodStatus.Refused, DecidedOn.Value, null);
                return periods;
        }

        var validFrom = ValidFrom!.Value;
        var validUntil = ValidUntil!.Value;
        Add(HabilitationPeriodStatus.Pending, FiledOn, validFrom.AddDays(-1));
        var endOn = EffectiveEndOn;
        var endedEarly = endOn is { } ended && ended <= validUntil.AddDays(1);
        var lastInForce = endedEarly ? endOn!.Value.AddDays(-1) : validUntil;
        var cuts = new SortedSet<DateOnly> { validFrom, lastInForce.AddDays(1), InitialUntil!.Value.AddDays(1) };
        foreach (var s in _suspensions)
        {
            cuts.Add(s.From);
            if (s.Until is { } until) cuts.Add(until.AddDays(1));
        }
        var bounds = cuts.Where(d => d >= validFrom && d <= lastInForce.AddDays(1)).ToList();
        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            var from = bounds[i];
            var status = _suspensions.Any(s => s.Covers(from)) ? HabilitationPeriodStatus.Suspended
                : from > InitialUntil ? HabilitationPeriodStatus.Renewed : HabilitationPeriodStatus.Active;
            Add(status, from, bounds[i + 1].AddDays(-1));
        }
        if (endedEarly)
            Add(EndKind == Habilitations.EndKind.Renounced && EndedOn == endOn ? HabilitationPeriodStatus.Renounced : HabilitationPeriodStatus.Withdrawn, endOn!.Value, null);
        else
            Add(HabilitationPeriodStatus.Expired, validUntil.AddDays(1), null);
        return periods;
    }

    /// <summary>The status on <paramref name="date"/>; null when nothing had been filed yet.</summary>
    public HabilitationStatus? StatusOn(DateOnly date) => StatusAsOf(date, ignorePendingWithdrawal: false);

    /// <summary>The first day no longer in force: a recorded end, or a notice's withdrawal date that applies first.</summary>
    private DateOnly? EffectiveEndOn => PendingWithdrawalOn is { } p && !(EndedOn <= p) ? p : EndedOn;

    /// <summary>True when a formal notice's withdrawal date has applied by <paramref name="date"/> (no justification in time), recorded or not.</summary>
    private bool PendingWithdrawalAppliedBy(DateOnly date) => PendingWithdrawalOn is { } p && p <= date && !(EndedOn <= p);

    /// <summary>
    /// The first day no longer in force as known on <paramref name="date"/>: the recorded end (withdrawal, renunciation),
    /// or a formal notice's withdrawal date once it has applied, before the sweep records it (§V.2: nothing to click).
    /// </summary>
    public DateOnly? EndedOnAsOf(DateOnly date) => PendingWithdrawalAppliedBy(date) ? PendingWithdrawalOn : EndedOn;

    /// <summary>The withdrawal's case of §V.3 as known on <paramref name="date"/> (a notice's date applied: end of a conformity procedure).</summary>
    public WithdrawalCase? WithdrawalCaseAsOf(DateOnly date)
        => PendingWithdrawalAppliedBy(date) ? Habilitations.WithdrawalCase.ConformityProcedureEnd : WithdrawalCase;

    /// <summary>The withdrawal's effective-date rule as known on <paramref name="date"/> (a notice's date applied: on the notice's date).</summary>
    public WithdrawalEffect? WithdrawalEffectAsOf(DateOnly date)
        => PendingWithdrawalAppliedBy(date) ? Habilitations.WithdrawalEffect.OnNoticeDate : WithdrawalEffect;

    private HabilitationStatus? StatusAsOf(DateOnly date, bool ignorePendingWithdrawal)
    {
        if (date < FiledOn) return null;
        if (Outcome == DecisionOutcome.Refused && DecidedOn <= date) return HabilitationStatus.Refused;
        if (Outcome != DecisionOutcome.Accepted || ValidFrom > date) return RefusedOn <= date ? HabilitationStatus.Refused : HabilitationStatus.Pending;
        if (EndedOn <= date) return EndKind == Habilitations.EndKind.Withdrawn ? HabilitationStatus.Withdrawn : HabilitationStatus.Renounced;
        if (!ignorePendingWithdrawal && PendingWithdrawalOn <= date) return HabilitationStatus.Withdrawn;
        if (ValidUntil < date) return HabilitationStatus.Expired;
        foreach (var suspension in _suspensions)
            if (suspension.Covers(date)) return HabilitationStatus.Suspended;
        return HabilitationStatus.Active;
    }

    /// <summary>True when the automatic renewal was in force on <paramref name="date"/>.</summary>
    public bool RenewedOn(DateOnly date) => RenewedUntil is not null && date > InitialUntil;

    /// <summary>The first day in force as it was known on <paramref name="date"/>: null before the acceptance took effect.</summary>
    public DateOnly? ValidFromAsOf(DateOnly date) => ValidFrom <= date ? ValidFrom : null;

    /// <summary>
    /// The last day in force as it was known on <paramref name="date"/>, so that an answer about the past never shows a
    /// later fact: the initial period until the renewal took effect, then the renewed one; shortened by a withdrawal
    /// from its effective date, or by a renunciation from the day its notice was given.
    /// </summary>
    public DateOnly? ValidUntilAsOf(DateOnly date)
    {
        if (ValidFromAsOf(date) is null) return null;
        var until = RenewedUntil is { } renewed && date > InitialUntil ? renewed : InitialUntil!.Value;
        var endKnown = EndKind == Habilitations.EndKind.Withdrawn ? EndedOn <= date : RenunciationNoticeOn <= date;
        // A formal notice's withdrawal date counts from the day it applied, recorded by the sweep or not.
        var end = PendingWithdrawalAppliedBy(date) ? PendingWithdrawalOn : endKnown ? EndedOn : null;
        return end is { } ended && ended.AddDays(-1) < until ? ended.AddDays(-1) : until;
    }

    /// <summary>The professional field stated by the acceptance, once it took effect on <paramref name="date"/>.</summary>
    public string? ProfessionalFieldAsOf(DateOnly date) => ValidFromAsOf(date) is null ? null : ProfessionalField;
}
