using Clea.Data.Calendar;
using Clea.Data.Common;
using Clea.Data.Events;
using Clea.Data.Habilitations;

namespace Clea.Data.Audits;

/// <summary>What a formal notice states (§V.2): the failings, the compliance period, the withdrawal date without justification.</summary>
public sealed record FormalNoticeTerms(string Failings, DateOnly ComplianceUntil, DateOnly WithdrawalOn);

/// <summary>One formal notice (mise en demeure) of a procedure: the initial one, then any additional period.</summary>
public sealed class FormalNotice
{
    public const int TextMaxLength = 8000;

    public int Id { get; private set; }
    /// <summary>1 for the initial period, 2… for additional periods.</summary>
    public int Number { get; private set; }
    public string Failings { get; private set; } = null!;
    /// <summary>The day the notice was notified: the 30 working days to justify run from then.</summary>
    public DateOnly NotifiedOn { get; private set; }
    public DateOnly ComplianceUntil { get; private set; }
    /// <summary>The withdrawal date applying without a written justification in time.</summary>
    public DateOnly WithdrawalOn { get; private set; }
    public DateOnly JustificationDueOn { get; private set; }
    public DateOnly? JustifiedOn { get; private set; }
    public string? Justification { get; private set; }
    /// <summary>The last day for the Instance to notify its answer to the justification: 30 working days after it.</summary>
    public DateOnly? AnswerDueOn { get; private set; }

    private FormalNotice() { }

    internal FormalNotice(int number, DateOnly notifiedOn, FormalNoticeTerms terms)
    {
        Number = number;
        NotifiedOn = notifiedOn;
        Failings = terms.Failings.Trim();
        ComplianceUntil = terms.ComplianceUntil;
        WithdrawalOn = terms.WithdrawalOn;
        JustificationDueOn = Deadlines.ConformityJustification.After(notifiedOn);
    }

    internal void Justify(DateOnly on, string text)
    {
        JustifiedOn = on;
        Justification = text.Trim();
        AnswerDueOn = Deadlines.ConformityAnswer.After(on);
    }
}

/// <summary>
/// A conformity procedure (convention §V.2) on one habilitation. A formal notice names the failings, the compliance
/// period and the withdrawal date, and may suspend the habilitation for the whole procedure. Then: no justification
/// within 30 working days → withdrawn from the notice's date (the status applies it by itself, the sweep records it);
/// a justification in time → the Instance has 30 working days to notify a withdrawal or an additional period; silence →
/// the measures are deemed sufficient the day after, the suspension ends, and a 12-month watch starts.
/// </summary>
public sealed class ConformityProcedure : EventSource
{
    private readonly List<FormalNotice> _notices = [];

    public int Id { get; private set; }
    public int HabilitationId { get; private set; }
    public Habilitation Habilitation { get; private set; } = null!;
    public int OrganismId { get; private set; }
    /// <summary>The audit whose decision opened it, if any.</summary>
    public int? AuditId { get; private set; }
    /// <summary>A serious failing: the habilitation is suspended for the whole procedure.</summary>
    public bool Suspends { get; private set; }
    public ProcedureStage Stage { get; private set; }
    public DateOnly OpenedOn { get; private set; }
    /// <summary>The first day the procedure is over (deemed sufficient, or withdrawn).</summary>
    public DateOnly? ClosedOn { get; private set; }
    public IReadOnlyCollection<FormalNotice> Notices => _notices;

    public FormalNotice CurrentNotice => _notices.OrderBy(n => n.Number).Last();
    public string Reference => $"CONFORMITY-{Id}";

    /// <summary>Stated in the formal-notice event of a procedure that suspends (its e-mail says so in words).</summary>
    public const string SuspensionClause = "the habilitation is suspended for the whole procedure";
    /// <summary>Stated in the deemed-sufficient event of a procedure that suspended: the suspension ends.</summary>
    public const string SuspensionEndsClause = "the suspension ends";

    private ConformityProcedure() { }

    /// <summary>Opens the procedure with its initial formal notice, notified on <paramref name="notifiedOn"/>.</summary>
    public ConformityProcedure(Habilitation habilitation, Audit? audit, DateOnly notifiedOn, FormalNoticeTerms terms, bool suspends)
    {
        Habilitation = habilitation;
        HabilitationId = habilitation.Id;
        OrganismId = habilitation.OrganismId;
        AuditId = audit?.Id;
        Suspends = suspends;
        OpenedOn = notifiedOn;
        var notice = NewNotice(notifiedOn, terms);
        if (suspends) habilitation.Suspend(notifiedOn, $"Conformity procedure: {notice.Failings}");
        habilitation.ScheduleWithdrawal(notice.WithdrawalOn);
        Stage = ProcedureStage.AwaitingJustification;
        Raise(LifecycleEventKind.FormalNoticeNotified, notifiedOn, Describe(notice));
    }

    /// <summary>The stage as of <paramref name="date"/>: time-based outcomes apply by themselves, before the sweep records them.</summary>
    public ProcedureStage StageOn(DateOnly date) => Stage switch
    {
        ProcedureStage.AwaitingJustification when date > CurrentNotice.JustificationDueOn && date >= CurrentNotice.WithdrawalOn => ProcedureStage.Withdrawn,
        ProcedureStage.AwaitingAnswer when date > CurrentNotice.AnswerDueOn => ProcedureStage.DeemedSufficient,
        _ => Stage,
    };

    /// <summary>
    /// The first day the procedure is over as of <paramref name="date"/>: recorded, or applied by the dates alone before the
    /// sweep records it (the notice's withdrawal date without justification; the day after the answer deadline).
    /// </summary>
    public DateOnly? ClosedOnAsOf(DateOnly date) => StageOn(date) switch
    {
        ProcedureStage.Withdrawn => ClosedOn ?? CurrentNotice.WithdrawalOn,
        ProcedureStage.DeemedSufficient => ClosedOn ?? CurrentNotice.AnswerDueOn!.Value.AddDays(1),
        _ => null,
    };

    /// <summary>The last day of the 12-month watch after the measures were deemed sufficient, as of <paramref name="date"/>; null otherwise.</summary>
    public DateOnly? WatchUntilAsOf(DateOnly date)
        => StageOn(date) == ProcedureStage.DeemedSufficient && ClosedOnAsOf(date) is { } c ? Deadlines.NewFailingsWindow.After(c) : null;

    /// <summary>The organism's written, detailed justification, within 30 working days of the notice's notification.</summary>
    public void Justify(DateOnly on, string justification)
    {
        EnsureStage(ProcedureStage.AwaitingJustification, "receive a justification", on);
        var notice = CurrentNotice;
        if (string.IsNullOrWhiteSpace(justification))
            throw new DomainRuleException(AuditErrors.WrongProcedureStage, "A justification is written and detailed: give its text.");
        if (on < notice.NotifiedOn)
            throw new DomainRuleException(AuditErrors.WrongProcedureStage, $"A justification follows the notice of {notice.NotifiedOn:yyyy-MM-dd}.");
        if (on > notice.JustificationDueOn)
            throw new DomainRuleException(AuditErrors.JustificationDeadlinePassed,
                $"The justification was due by {notice.JustificationDueOn:yyyy-MM-dd} (30 working days after the notice of {notice.NotifiedOn:yyyy-MM-dd}).");
        notice.Justify(on, justification);
        Stage = ProcedureStage.AwaitingAnswer;
        Habilitation.CancelScheduledWithdrawal();
        // Without an answer in time the suspension ends by itself the day after the answer deadline.
        if (Suspends) Habilitation.ScheduleSuspensionEnd(notice.AnswerDueOn!.Value);
        Raise(LifecycleEventKind.CorrectiveMeasuresJustified, on, $"Answer due by {notice.AnswerDueOn:yyyy-MM-dd}");
    }

    /// <summary>The Instance's reasoned withdrawal, effective on its notification, within 30 working days of the justification.</summary>
    public void Withdraw(DateOnly notifiedOn, string reason)
    {
        EnsureAnswerInTime(notifiedOn);
        Habilitation.Withdraw(notifiedOn, WithdrawalCase.ConformityProcedureEnd, WithdrawalEffect.OnNotification, reason);
        Close(ProcedureStage.Withdrawn, notifiedOn);
    }

    /// <summary>The Instance opens an additional compliance period (a new notice, same conditions), within the 30 working days.</summary>
    public void GrantAdditionalPeriod(DateOnly notifiedOn, FormalNoticeTerms terms)
    {
        EnsureAnswerInTime(notifiedOn);
        var notice = NewNotice(notifiedOn, terms);
        if (Suspends) Habilitation.ReopenSuspension(notifiedOn);
        Habilitation.ScheduleWithdrawal(notice.WithdrawalOn);
        Stage = ProcedureStage.AwaitingJustification;
        Raise(LifecycleEventKind.AdditionalPeriodGranted, notifiedOn, Describe(notice));
    }

    /// <summary>
    /// Applies what time decides, as of <paramref name="today"/> (the sweep): no justification by the deadline → withdrawn
    /// from the notice's date; no answer to a justification → deemed sufficient the day after the 30th working day.
    /// Idempotent; returns true when it changed something.
    /// </summary>
    public bool ApplyTime(DateOnly today)
    {
        var notice = CurrentNotice;
        switch (StageOn(today))
        {
            case ProcedureStage.Withdrawn when Stage == ProcedureStage.AwaitingJustification:
                Habilitation.Withdraw(notice.WithdrawalOn, WithdrawalCase.ConformityProcedureEnd, WithdrawalEffect.OnNoticeDate,
                    $"No written justification by {notice.JustificationDueOn:yyyy-MM-dd} ({Reference})");
                Close(ProcedureStage.Withdrawn, notice.WithdrawalOn);
                return true;
            case ProcedureStage.DeemedSufficient when Stage == ProcedureStage.AwaitingAnswer:
                var closedOn = notice.AnswerDueOn!.Value.AddDays(1);
                Close(ProcedureStage.DeemedSufficient, closedOn);
                Raise(LifecycleEventKind.CorrectiveMeasuresDeemedSufficient, closedOn,
                    $"No answer notified by {notice.AnswerDueOn:yyyy-MM-dd} to the justification of {notice.JustifiedOn:yyyy-MM-dd}: habilitation maintained{(Suspends ? $"; {SuspensionEndsClause} on {closedOn:yyyy-MM-dd}" : "")}; new failings until {WatchUntilAsOf(closedOn):yyyy-MM-dd} lead to withdrawal");
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// True when new failings found on <paramref name="foundOn"/> fall within this procedure's 12-month watch, whether or
    /// not the sweep has recorded the measures deemed sufficient yet.
    /// </summary>
    public bool WatchCovers(DateOnly foundOn) => WatchUntilAsOf(foundOn) is { } until && ClosedOnAsOf(foundOn) <= foundOn && foundOn <= until;

    private FormalNotice NewNotice(DateOnly notifiedOn, FormalNoticeTerms terms)
    {
        var justificationDue = Deadlines.ConformityJustification.After(notifiedOn);
        if (string.IsNullOrWhiteSpace(terms.Failings) || terms.ComplianceUntil < notifiedOn
            || terms.WithdrawalOn <= justificationDue || terms.WithdrawalOn > Habilitation.ValidUntil)
            throw new DomainRuleException(AuditErrors.InvalidFormalNotice,
                $"A formal notice names the failings, a compliance period ending on or after its notification, and a withdrawal date after the justification deadline ({justificationDue:yyyy-MM-dd}) and within the habilitation's validity ({Habilitation.ValidUntil:yyyy-MM-dd}).");
        var notice = new FormalNotice(_notices.Count + 1, notifiedOn, terms);
        _notices.Add(notice);
        return notice;
    }

    private void EnsureAnswerInTime(DateOnly notifiedOn)
    {
        EnsureStage(ProcedureStage.AwaitingAnswer, "be answered", notifiedOn);
        var notice = CurrentNotice;
        if (notifiedOn < notice.JustifiedOn)
            throw new DomainRuleException(AuditErrors.WrongProcedureStage, $"The answer follows the justification of {notice.JustifiedOn:yyyy-MM-dd}.");
        if (notifiedOn > notice.AnswerDueOn)
            throw new DomainRuleException(AuditErrors.AnswerDeadlinePassed,
                $"The answer was due by {notice.AnswerDueOn:yyyy-MM-dd} (30 working days after the justification): the corrective measures are deemed sufficient.");
    }

    /// <summary>The recorded stage must be the expected one; the deadline checks that follow give the time-based refusals their own codes.</summary>
    private void EnsureStage(ProcedureStage expected, string action, DateOnly on)
    {
        if (Stage != expected)
            throw new DomainRuleException(AuditErrors.WrongProcedureStage,
                $"Only a procedure {Words(expected)} can {action}; on {on:yyyy-MM-dd} this one is {Words(StageOn(on))}.");
    }

    private static string Words(ProcedureStage stage) => stage switch
    {
        ProcedureStage.AwaitingJustification => "awaiting a justification",
        ProcedureStage.AwaitingAnswer => "awaiting the Instance's answer",
        ProcedureStage.DeemedSufficient => "closed (measures deemed sufficient)",
        _ => "closed (withdrawn)",
    };

    private void Close(ProcedureStage stage, DateOnly on)
    {
        Stage = stage;
        ClosedOn = on;
    }

    private string Describe(FormalNotice n)
        => $"Notice {n.Number}: {n.Failings}; comply by {n.ComplianceUntil:yyyy-MM-dd}; justify by {n.JustificationDueOn:yyyy-MM-dd}; withdrawal on {n.WithdrawalOn:yyyy-MM-dd} without justification; {(Suspends ? SuspensionClause : "no suspension")}";

    private void Raise(LifecycleEventKind kind, DateOnly on, string? reason)
        => Raise(new LifecycleEvent(kind, on, Habilitation, reason, Id == 0 ? null : Reference));
}
