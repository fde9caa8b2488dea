using Clea.Data.Common;
using Clea.Data.Events;

namespace Clea.Data.Habilitations;

/// <summary>Which recorded fact of an habilitation a correction fixes.</summary>
public enum CorrectionKind
{
    /// <summary>The acceptance's notification date (validity counts from it): the validity period moves with it.</summary>
    NotificationDate,
    /// <summary>The first day of the latest suspension.</summary>
    SuspensionStart,
    /// <summary>The first day back in force after the latest lifted suspension.</summary>
    SuspensionEnd,
    /// <summary>A withdrawal's effective date.</summary>
    WithdrawalDate,
    /// <summary>The automatic renewal, due but not recorded by the day it took effect: applied from that day.</summary>
    MissedRenewal,
}

/// <summary>
/// A correction of an habilitation's recorded facts by its Instance: a separate, visible act, recorded on the day it is
/// made, with its reason. It is the only way an answer about a past day may change: every day whose answer it changes
/// lies in [<see cref="AffectedFrom"/>, <see cref="AffectedUntil"/>], and the periods covering them name it.
/// </summary>
public sealed class HabilitationCorrection
{
    public const int ReasonMaxLength = 2000;

    public int Id { get; private set; }
    public CorrectionKind Kind { get; private set; }
    /// <summary>The day the correction was recorded (never back-dated).</summary>
    public DateOnly RecordedOn { get; private set; }
    public DateOnly? PreviousDate { get; private set; }
    public DateOnly? CorrectedDate { get; private set; }
    /// <summary>The first day whose answer the correction may change.</summary>
    public DateOnly AffectedFrom { get; private set; }
    /// <summary>The last day whose answer the correction may change.</summary>
    public DateOnly AffectedUntil { get; private set; }
    public string Reason { get; private set; } = null!;

    private HabilitationCorrection() { }

    internal HabilitationCorrection(CorrectionKind kind, DateOnly recordedOn, DateOnly? previous, DateOnly? corrected,
        DateOnly affectedFrom, DateOnly affectedUntil, string reason)
    {
        Kind = kind;
        RecordedOn = recordedOn;
        PreviousDate = previous;
        CorrectedDate = corrected;
        AffectedFrom = affectedFrom;
        AffectedUntil = affectedUntil;
        Reason = reason;
    }

    /// <summary>True when the correction changed the answer for a day of [<paramref name="from"/>, <paramref name="until"/>].</summary>
    public bool Touches(DateOnly from, DateOnly? until) => AffectedFrom <= (until ?? DateOnly.MaxValue) && AffectedUntil >= from;
}

// Corrections: the one visible way to change a recorded fact after the day it took effect.
public sealed partial class Habilitation
{
    /// <summary>
    /// Corrects a wrongly recorded date (or records the automatic renewal missed on its day), as the Instance's visible
    /// act of <paramref name="recordedOn"/>: the facts change, the correction is kept with the days it affects, a
    /// <see cref="LifecycleEventKind.HabilitationCorrected"/> event (public, dated from the first affected day) and a
    /// change in the integrators' feed tell that answers for those days changed, and why.
    /// </summary>
    public HabilitationCorrection Correct(CorrectionKind kind, DateOnly? date, string reason, DateOnly recordedOn)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > HabilitationCorrection.ReasonMaxLength)
            throw new DomainRuleException(InputErrors.ReasonRequired, $"A correction states its reason (1 to {HabilitationCorrection.ReasonMaxLength} characters).");
        if (kind != CorrectionKind.MissedRenewal && date is null)
            throw Invalid($"A {kind} correction gives the corrected date.");
        var (previous, from, until) = kind switch
        {
            CorrectionKind.NotificationDate => CorrectNotification(date!.Value, recordedOn),
            CorrectionKind.SuspensionStart => CorrectSuspensionStart(date!.Value),
            CorrectionKind.SuspensionEnd => CorrectSuspensionEnd(date!.Value),
            CorrectionKind.WithdrawalDate => CorrectWithdrawal(date!.Value),
            _ => CorrectMissedRenewal(recordedOn),
        };
        var corrected = kind == CorrectionKind.MissedRenewal ? InitialUntil!.Value.AddDays(1) : date;
        var correction = new HabilitationCorrection(kind, recordedOn, previous, corrected, from, until, reason.Trim());
        _corrections.Add(correction);
        Record(HabilitationChangeKind.Corrected, from,
            $"Correction recorded on {recordedOn:yyyy-MM-dd} ({kind}{(previous is null ? "" : $": {previous:yyyy-MM-dd}")}{(corrected is null ? "" : $" → {corrected:yyyy-MM-dd}")}), " +
            $"changing the answers from {from:yyyy-MM-dd} to {until:yyyy-MM-dd}: {correction.Reason}");
        return correction;
    }

    /// <summary>The day of the latest correction that changed the answer for <paramref name="date"/>; null when none did.</summary>
    public DateOnly? CorrectedOnFor(DateOnly date) => _corrections.Where(c => c.Touches(date, date)).Select(c => (DateOnly?)c.RecordedOn).Max();

    private (DateOnly?, DateOnly, DateOnly) CorrectNotification(DateOnly notifiedOn, DateOnly recordedOn)
    {
        if (Outcome != DecisionOutcome.Accepted || ValidFrom is not { } previous)
            throw Invalid("Only an accepted habilitation has a notification date to correct.");
        if (notifiedOn < DecidedOn)
            throw new DomainRuleException(HabilitationErrors.NotificationBeforeDecision,
                $"A decision is notified on or after its meeting ({DecidedOn:yyyy-MM-dd}), not on {notifiedOn:yyyy-MM-dd}.");
        if (notifiedOn > recordedOn)
            throw Invalid($"A notification is a past fact: {notifiedOn:yyyy-MM-dd} is after today ({recordedOn:yyyy-MM-dd}).");
        EnsureChanged(previous, notifiedOn);
        if (_suspensions.Any(s => s.From < notifiedOn) || EndedOn < notifiedOn || LastUsedOn < notifiedOn)
            throw Invalid($"A suspension, end or use of the habilitation precedes {notifiedOn:yyyy-MM-dd}: correct those first.");
        var previousEnd = ValidUntil!.Value;
        ValidFrom = notifiedOn;
        InitialUntil = notifiedOn.AddYears(ValidityYears).AddDays(-1);
        if (RenewedUntil is not null) RenewedUntil = InitialUntil.Value.AddYears(ValidityYears);
        var end = ValidUntil!.Value;
        return (previous, Min(previous, notifiedOn), (previousEnd > end ? previousEnd : end).AddDays(1));
    }

    private (DateOnly?, DateOnly, DateOnly) CorrectSuspensionStart(DateOnly from)
    {
        var latest = _suspensions.OrderBy(s => s.From).LastOrDefault() ?? throw Invalid("This habilitation was never suspended.");
        var earlier = _suspensions.Where(s => s != latest).Max(s => s.Until);
        if (from < ValidFrom || from <= earlier || (latest.Until is { } last && from > last) || from >= EndedOn)
            throw Invalid($"A suspension starts while in force, after any earlier suspension and before its own end; {from:yyyy-MM-dd} is not such a day.");
        var previous = latest.From;
        EnsureChanged(previous, from);
        latest.MoveStart(from);
        return (previous, Min(previous, from), Max(previous, from).AddDays(-1));
    }

    private (DateOnly?, DateOnly, DateOnly) CorrectSuspensionEnd(DateOnly resumedOn)
    {
        var latest = _suspensions.Where(s => s.Until is not null).OrderBy(s => s.From).LastOrDefault()
            ?? throw Invalid("This habilitation has no lifted suspension.");
        var previous = latest.Until!.Value.AddDays(1);
        if (resumedOn <= latest.From || resumedOn > EndedOn || _suspensions.Any(s => s.From > latest.From && s.From < resumedOn))
            throw new DomainRuleException(HabilitationErrors.LiftBeforeSuspension,
                $"A suspension ends after it started ({latest.From:yyyy-MM-dd}) and before any later one or the end; {resumedOn:yyyy-MM-dd} is not such a day.");
        EnsureChanged(previous, resumedOn);
        latest.Lift(resumedOn.AddDays(-1));
        return (previous, Min(previous, resumedOn), Max(previous, resumedOn).AddDays(-1));
    }

    private (DateOnly?, DateOnly, DateOnly) CorrectWithdrawal(DateOnly effectiveOn)
    {
        if (EndKind != Habilitations.EndKind.Withdrawn || EndedOn is not { } previous)
            throw Invalid("This habilitation was not withdrawn.");
        if (effectiveOn <= ValidFrom || effectiveOn > ValidUntil!.Value.AddDays(1) || _suspensions.Any(s => s.From >= effectiveOn))
            throw Invalid($"A withdrawal takes effect while the habilitation is in force, after its suspensions started; {effectiveOn:yyyy-MM-dd} is not such a day.");
        EnsureChanged(previous, effectiveOn);
        // The suspension the withdrawal closed now closes the day before the corrected date.
        foreach (var cut in _suspensions.Where(s => s.Until == previous.AddDays(-1))) cut.Lift(effectiveOn.AddDays(-1));
        EndedOn = effectiveOn;
        return (previous, Min(previous, effectiveOn), Max(previous, effectiveOn).AddDays(-1));
    }

    private (DateOnly?, DateOnly, DateOnly) CorrectMissedRenewal(DateOnly recordedOn)
    {
        // Every condition of the renewal holds; only its day has passed (answered EXPIRED since), which this act owns.
        if (RenewalRefusal(recordedOn) is { } refusal && refusal.Code != HabilitationErrors.BackDated)
            throw new DomainRuleException(refusal.Code, refusal.Message);
        if (RenewalRefusal(recordedOn) is null)
            throw Invalid($"The renewal is not late: renewHabilitation applies it (on time until {InitialUntil!.Value.AddDays(1):yyyy-MM-dd}).");
        RenewedUntil = InitialUntil!.Value.AddYears(ValidityYears);
        Record(HabilitationChangeKind.Renewed, InitialUntil.Value.AddDays(1), "Automatic renewal recorded late, by correction.");
        return (null, InitialUntil.Value.AddDays(1), recordedOn.AddDays(-1));
    }

    private static void EnsureChanged(DateOnly previous, DateOnly corrected)
    {
        if (previous == corrected) throw Invalid($"The recorded date is already {corrected:yyyy-MM-dd}: nothing to correct.");
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DomainRuleException Invalid(string message) => new(HabilitationErrors.InvalidCorrection, message);
}
