using Clea.Data.Audits;
using Clea.Data.Common;
using Clea.Data.Habilitations;
using static Clea.Data.Tests.Audits.AuditDeadlineTests;

namespace Clea.Data.Tests.Audits;

/// <summary>The rules of an audit and a conformity procedure (convention §V), and their effect on the habilitation's status by date.</summary>
public sealed class ConformityRulesTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    private static string CodeOf(Action act) => Assert.Throws<DomainRuleException>(act).Code;

    [Fact]
    public void The_opinion_must_match_the_anomalies_and_a_refused_report_changes_nothing()
    {
        var audit = Opened(Day);
        Assert.Equal(AuditErrors.OpinionInconsistent, CodeOf(() => audit.FileReport(Day.AddDays(5), "x", AuditOpinion.Favourable, [new("a", AnomalySeverity.Minor)])));
        Assert.Equal(AuditErrors.OpinionInconsistent, CodeOf(() => audit.FileReport(Day.AddDays(5), "x", AuditOpinion.FavourableWithReservations, [new("a", AnomalySeverity.Blocking)])));
        Assert.Equal(AuditErrors.OpinionInconsistent, CodeOf(() => audit.FileReport(Day.AddDays(5), "x", AuditOpinion.Unfavourable, [new("a", AnomalySeverity.Minor)])));
        Assert.Equal(AuditStage.Scheduled, audit.Stage);
        Assert.True(audit.IsOpenOn(Day.AddDays(5)));
        audit.FileReport(Day.AddDays(5), "x", AuditOpinion.Unfavourable, [new("a", AnomalySeverity.Minor), new("b", AnomalySeverity.Blocking)]);
        Assert.False(audit.IsOpenOn(Day.AddDays(5)));
    }

    [Fact]
    public void A_refusal_in_writing_withdraws_from_its_receipt_and_a_noted_refusal_from_the_day_it_is_noted()
    {
        var written = Opened(Day);
        written.Refuse(Day.AddDays(3), inWriting: true, "Nous refusons");
        Assert.Equal(WithdrawalCase.AuditRefusal, written.Habilitation.WithdrawalCase);
        Assert.Equal(WithdrawalEffect.OnRefusalReceipt, written.Habilitation.WithdrawalEffect);
        Assert.Equal(HabilitationStatus.Active, written.Habilitation.StatusOn(Day.AddDays(2)));
        Assert.Equal(HabilitationStatus.Withdrawn, written.Habilitation.StatusOn(Day.AddDays(3)));

        var noted = Opened(Day);
        noted.Refuse(Day.AddDays(4), inWriting: false, "Auditeur éconduit");
        Assert.Equal(WithdrawalEffect.OnRefusalNoted, noted.Habilitation.WithdrawalEffect);
        Assert.Equal(AuditErrors.WrongAuditStage, CodeOf(() => noted.Refuse(Day.AddDays(5), true, null)));
    }

    [Fact]
    public void Without_justification_the_habilitation_is_withdrawn_from_the_notice_date_by_the_dates_alone_and_the_sweep_records_it_once()
    {
        var p = Procedure(Day, suspends: true);
        var notice = p.CurrentNotice;
        var h = p.Habilitation;
        Assert.Equal(HabilitationStatus.Active, h.StatusOn(Day.AddDays(-1)));
        Assert.Equal(HabilitationStatus.Suspended, h.StatusOn(Day));
        Assert.Equal(HabilitationStatus.Suspended, h.StatusOn(notice.WithdrawalOn.AddDays(-1)));
        // Nothing clicked: the notice's date applies by itself.
        Assert.Equal(HabilitationStatus.Withdrawn, h.StatusOn(notice.WithdrawalOn));
        Assert.Equal(ProcedureStage.Withdrawn, p.StageOn(notice.WithdrawalOn));
        Assert.Contains(h.Periods(), x => x.Status == HabilitationPeriodStatus.Withdrawn && x.From == notice.WithdrawalOn);
        // …and so do the end, its case and rule, and the procedure's closing, before the sweep records them.
        Assert.Null(h.EndedOnAsOf(notice.WithdrawalOn.AddDays(-1)));
        Assert.Null(h.EndedOn);
        Assert.Equal(notice.WithdrawalOn, h.EndedOnAsOf(notice.WithdrawalOn));
        Assert.Equal((WithdrawalCase.ConformityProcedureEnd, WithdrawalEffect.OnNoticeDate), (h.WithdrawalCaseAsOf(notice.WithdrawalOn)!.Value, h.WithdrawalEffectAsOf(notice.WithdrawalOn)!.Value));
        Assert.Null(h.WithdrawalCaseAsOf(notice.WithdrawalOn.AddDays(-1)));
        Assert.Equal(notice.WithdrawalOn.AddDays(-1), h.ValidUntilAsOf(notice.WithdrawalOn));
        Assert.Equal(h.ValidUntil, h.ValidUntilAsOf(notice.WithdrawalOn.AddDays(-1)));
        Assert.Equal(notice.WithdrawalOn, p.ClosedOnAsOf(notice.WithdrawalOn));
        Assert.Null(p.ClosedOnAsOf(notice.WithdrawalOn.AddDays(-1)));

        Assert.False(p.ApplyTime(notice.WithdrawalOn.AddDays(-1)));
        Assert.True(p.ApplyTime(notice.WithdrawalOn.AddDays(3)));
        Assert.False(p.ApplyTime(notice.WithdrawalOn.AddDays(4)));
        Assert.Equal(notice.WithdrawalOn, h.EndedOn);
        Assert.Equal(WithdrawalCase.ConformityProcedureEnd, h.WithdrawalCase);
        Assert.Equal(WithdrawalEffect.OnNoticeDate, h.WithdrawalEffect);
        Assert.Equal(HabilitationStatus.Suspended, h.StatusOn(notice.WithdrawalOn.AddDays(-1)));
        Assert.Equal(HabilitationStatus.Withdrawn, h.StatusOn(notice.WithdrawalOn));
    }

    [Fact]
    public void Silence_after_a_justification_deems_the_measures_sufficient_ends_the_suspension_and_starts_a_12_month_watch()
    {
        var p = Procedure(Day, suspends: true);
        p.Justify(Day.AddDays(10), "Mesures");
        var answerDue = p.CurrentNotice.AnswerDueOn!.Value;
        Assert.Equal(HabilitationStatus.Suspended, p.Habilitation.StatusOn(answerDue));
        Assert.Equal(HabilitationStatus.Active, p.Habilitation.StatusOn(answerDue.AddDays(1)));
        Assert.Equal(HabilitationStatus.Active, p.Habilitation.StatusOn(p.CurrentNotice.WithdrawalOn)); // the notice's withdrawal date no longer applies
        // Before the sweep records anything, the dates already close the procedure and start the watch.
        Assert.Null(p.ClosedOnAsOf(answerDue));
        Assert.Equal(answerDue.AddDays(1), p.ClosedOnAsOf(answerDue.AddDays(1)));
        Assert.Equal(answerDue.AddDays(1).AddMonths(12), p.WatchUntilAsOf(answerDue.AddDays(1)));
        Assert.True(p.WatchCovers(answerDue.AddDays(1).AddMonths(11)));
        Assert.True(p.ApplyTime(answerDue.AddDays(1)));
        Assert.False(p.ApplyTime(answerDue.AddDays(2)));
        Assert.Equal(answerDue.AddDays(1), p.ClosedOn);
        Assert.Equal(answerDue.AddDays(1).AddMonths(12), p.WatchUntilAsOf(answerDue.AddDays(2)));
        Assert.True(p.WatchCovers(answerDue.AddDays(1).AddMonths(11)));
        Assert.False(p.WatchCovers(answerDue.AddDays(1).AddMonths(13)));
    }

    [Fact]
    public void An_additional_period_keeps_the_suspension_and_sets_a_new_withdrawal_date()
    {
        var p = Procedure(Day, suspends: true);
        p.Justify(Day.AddDays(10), "Mesures");
        var second = Day.AddDays(20);
        Assert.Equal(AuditErrors.InvalidFormalNotice, CodeOf(() => p.GrantAdditionalPeriod(second, new FormalNoticeTerms("Encore", second.AddMonths(1), second.AddDays(5)))));
        p.GrantAdditionalPeriod(second, new FormalNoticeTerms("Encore", second.AddMonths(1), second.AddMonths(3)));
        Assert.Equal(2, p.CurrentNotice.Number);
        var afterFirstAnswerDeadline = p.Notices.First().AnswerDueOn!.Value.AddDays(1);
        Assert.Equal(HabilitationStatus.Suspended, p.Habilitation.StatusOn(afterFirstAnswerDeadline));
        Assert.Equal(HabilitationStatus.Withdrawn, p.Habilitation.StatusOn(second.AddMonths(3)));
    }

    [Fact]
    public void New_failings_within_12_months_of_the_end_withdraw_on_notification_and_after_12_months_open_an_ordinary_procedure()
    {
        var first = Procedure(Day, suspends: false);
        first.Justify(Day.AddDays(10), "Mesures");
        var closedOn = first.CurrentNotice.AnswerDueOn!.Value.AddDays(1);
        first.ApplyTime(closedOn);

        var within = new Audit(first.Habilitation, AuditMode.OnDocuments, closedOn, closedOn.AddMonths(11).AddDays(-20), 7, "A", AuditorAffiliation.CertifPro,
            closedOn.AddMonths(11).AddDays(-20), closedOn.AddMonths(11).AddDays(-19), closedOn.AddMonths(11).AddDays(-20));
        within.FileReport(closedOn.AddMonths(11), "Récidive", AuditOpinion.FavourableWithReservations, [new("a", AnomalySeverity.Minor)]);
        var notified = within.ObservationsDueOn!.Value.AddDays(3);
        Assert.Null(AuditDecision.Decide(within, [first], within.ObservationsDueOn!.Value.AddDays(1), notified, true, null, false, "Récidive"));
        Assert.Equal(AuditOutcome.WithdrawnForNewFailings, within.Outcome);
        Assert.Equal(WithdrawalCase.NewFailingsWithinTwelveMonths, first.Habilitation.WithdrawalCase);
        Assert.Equal(notified, first.Habilitation.EndedOn);
    }

    [Theory]
    [InlineData(EdofAlertLevel.Warning, HabilitationStatus.Active)]
    [InlineData(EdofAlertLevel.Suspension, HabilitationStatus.Suspended)]
    [InlineData(EdofAlertLevel.Withdrawal, HabilitationStatus.Withdrawn)]
    public void An_edof_alert_applies_the_level_chosen_from_its_notification(EdofAlertLevel level, HabilitationStatus then)
    {
        var h = Accepted(Day.AddYears(-1));
        _ = new EdofAlert(h, "CDC-2026-118", EdofAlertSource.CaisseDesDepots, level, Day, Day.AddDays(5), "Intitulé non conforme");
        Assert.Equal(HabilitationStatus.Active, h.StatusOn(Day.AddDays(4)));
        Assert.Equal(then, h.StatusOn(Day.AddDays(5)));
        if (level == EdofAlertLevel.Withdrawal) Assert.Equal(WithdrawalCase.EdofAlert, h.WithdrawalCase);
        Assert.Equal(AuditErrors.InvalidEdofAlert, CodeOf(() => new EdofAlert(Accepted(Day.AddYears(-1)), " ", EdofAlertSource.FranceCompetences, level, Day, Day, "x")));
    }
}
