using Clea.Data.Calendar;
using Clea.Data.Common;
using Clea.Data.Events;
using Clea.Data.Fees;
using Clea.Data.Habilitations;
using Clea.Data.Instances;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Data.Situations;

namespace Clea.Data.Tests.Habilitations;

/// <summary>The life of an habilitation after its decision, at the boundaries of each rule.</summary>
public sealed class HabilitationLifeTests
{
    private static readonly Instance CertifPro = new("CERTIF_PRO", "Certif Pro", InstanceKind.CertifPro, null);
    private static readonly DateOnly Filed = new(2022, 5, 10);
    private static readonly DateOnly Meeting = new(2022, 10, 3);
    private static readonly DateOnly Notified = new(2022, 10, 17);
    private static readonly DateOnly InitialEnd = new(2025, 10, 16);

    private static Habilitation Accepted(Organism? organism = null)
    {
        organism ??= Organism.Register(Siren.Parse("732829320"), "Atelier", qualiopi: true);
        var habilitation = organism.File(new Habilitation(organism, CertificationCode.CleaNumerique, CertifPro, HabilitationScope.TrainAndEvaluate, Filed));
        habilitation.Accept(Meeting, Notified);
        return habilitation;
    }

    private static Habilitation Used()
    {
        var h = Accepted();
        h.DeclareActivity(new DateOnly(2023, 7, 3), new DateOnly(2023, 1, 1), new DateOnly(2023, 6, 30), new ActivityFigures(12, 10, 4, 3));
        return h;
    }

    [Fact]
    public void The_renewal_is_due_on_the_last_day_of_the_initial_period_and_not_the_day_before()
    {
        var h = Used();
        Assert.False(h.IsDueForRenewal(InitialEnd.AddDays(-1)));
        Assert.Equal(HabilitationErrors.RenewalNotDue, Assert.Throws<DomainRuleException>(() => h.RenewAutomatically(InitialEnd.AddDays(-1))).Code);
        Assert.Null(h.RenewedUntil);

        Assert.True(h.IsDueForRenewal(InitialEnd));
        h.RenewAutomatically(InitialEnd);
        Assert.Equal(new DateOnly(2028, 10, 16), h.ValidUntil);
        Assert.False(h.IsDueForRenewal(InitialEnd));
    }

    [Fact]
    public void After_six_years_the_habilitation_expires_the_next_day_and_is_never_renewed_again()
    {
        var h = Used();
        h.RenewAutomatically(InitialEnd);
        var lastDay = Notified.AddYears(6).AddDays(-1);
        Assert.Equal(HabilitationStatus.Active, h.StatusOn(lastDay));
        Assert.Equal(HabilitationStatus.Expired, h.StatusOn(lastDay.AddDays(1)));
        Assert.Equal(HabilitationErrors.RenewalNotAllowed, Assert.Throws<DomainRuleException>(() => h.RenewAutomatically(lastDay)).Code);
        Assert.Equal(
            [new HabilitationPeriod(HabilitationPeriodStatus.Pending, Filed, Notified.AddDays(-1)),
             new HabilitationPeriod(HabilitationPeriodStatus.Active, Notified, InitialEnd),
             new HabilitationPeriod(HabilitationPeriodStatus.Renewed, InitialEnd.AddDays(1), lastDay),
             new HabilitationPeriod(HabilitationPeriodStatus.Expired, lastDay.AddDays(1), null)],
            h.Periods());
    }

    [Fact]
    public void A_suspension_is_a_period_of_its_own_never_extends_validity_and_rules_out_the_renewal()
    {
        var h = Used();
        h.Suspend(new DateOnly(2024, 2, 1), "Unfavourable audit");
        h.LiftSuspension(new DateOnly(2024, 3, 1));
        Assert.Equal(InitialEnd, h.ValidUntil);
        Assert.Equal(HabilitationStatus.Expired, h.StatusOn(InitialEnd.AddDays(1)));
        Assert.False(h.IsDueForRenewal(InitialEnd));
        Assert.Equal(
            [new HabilitationPeriod(HabilitationPeriodStatus.Pending, Filed, Notified.AddDays(-1)),
             new HabilitationPeriod(HabilitationPeriodStatus.Active, Notified, new DateOnly(2024, 1, 31)),
             new HabilitationPeriod(HabilitationPeriodStatus.Suspended, new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29)),
             new HabilitationPeriod(HabilitationPeriodStatus.Active, new DateOnly(2024, 3, 1), InitialEnd),
             new HabilitationPeriod(HabilitationPeriodStatus.Expired, InitialEnd.AddDays(1), null)],
            h.Periods());
    }

    [Fact]
    public void A_lift_is_dated_after_the_suspension_started()
    {
        var h = Accepted();
        h.Suspend(new DateOnly(2024, 2, 1));
        Assert.Equal(HabilitationErrors.LiftBeforeSuspension, Assert.Throws<DomainRuleException>(() => h.LiftSuspension(new DateOnly(2024, 2, 1))).Code);
        h.LiftSuspension(new DateOnly(2024, 2, 2));
        Assert.Equal(HabilitationStatus.Active, h.StatusOn(new DateOnly(2024, 2, 2)));
    }

    [Fact]
    public void A_withdrawn_habilitation_is_refused_renewal_suspension_and_renunciation_with_its_own_code()
    {
        var h = Used();
        h.Withdraw(new DateOnly(2024, 5, 1), WithdrawalCase.ConformityProcedureEnd, WithdrawalEffect.OnNotification, "Refusal of an audit");
        Assert.Equal(HabilitationErrors.Withdrawn, Assert.Throws<DomainRuleException>(() => h.RenewAutomatically(InitialEnd)).Code);
        Assert.Equal(HabilitationErrors.Withdrawn, Assert.Throws<DomainRuleException>(() => h.Suspend(new DateOnly(2024, 4, 1))).Code);
        Assert.Equal(HabilitationErrors.Withdrawn, Assert.Throws<DomainRuleException>(() => h.Renounce(new DateOnly(2024, 4, 1))).Code);
        Assert.Equal(HabilitationPeriodStatus.Withdrawn, h.Periods()[^1].Status);
        Assert.Equal(new DateOnly(2024, 5, 1), h.Periods()[^1].From);
    }

    [Fact]
    public void A_renunciation_ends_on_the_notice_end_day_and_lets_candidates_registered_by_the_notice_day_finish()
    {
        var h = Accepted();
        var notice = new DateOnly(2024, 1, 15);
        h.Renounce(notice, "Closing the activity");
        var end = Deadlines.RenunciationNotice.After(notice);
        Assert.Equal(new DateOnly(2024, 4, 15), end);
        Assert.Equal(HabilitationStatus.Active, h.StatusOn(end.AddDays(-1)));
        Assert.Equal(HabilitationStatus.Renounced, h.StatusOn(end));
        Assert.Equal(new HabilitationPeriod(HabilitationPeriodStatus.Renounced, end, null), h.Periods()[^1]);

        Assert.True(h.AllowsFollowUpOf(notice, end.AddDays(60)));
        Assert.False(h.AllowsFollowUpOf(notice.AddDays(1), end));
        Assert.True(h.AllowsFollowUpOf(notice.AddDays(1), end.AddDays(-1)));
        Assert.False(h.AllowsFollowUpOf(Notified.AddDays(-1), Notified.AddDays(10)));
        Assert.Equal(HabilitationErrors.AlreadyRenounced, Assert.Throws<DomainRuleException>(() => h.Renounce(notice.AddDays(1))).Code);
    }

    [Fact]
    public void Follow_up_stops_with_a_suspension_a_withdrawal_or_the_expiry()
    {
        var h = Accepted();
        var registered = new DateOnly(2023, 1, 10);
        h.Suspend(new DateOnly(2023, 3, 1));
        Assert.True(h.AllowsFollowUpOf(registered, new DateOnly(2023, 2, 28)));
        Assert.False(h.AllowsFollowUpOf(registered, new DateOnly(2023, 3, 1)));
        Assert.False(Accepted().AllowsFollowUpOf(registered, InitialEnd.AddDays(1)));
        Assert.True(Accepted().AllowsFollowUpOf(registered, InitialEnd));
    }

    [Fact]
    public void Every_day_of_the_history_lies_in_the_period_that_says_its_status()
    {
        var a = Used();
        a.RenewAutomatically(InitialEnd);
        a.Renounce(new DateOnly(2027, 2, 1));
        var b = Accepted();
        b.Suspend(new DateOnly(2023, 5, 5));
        b.LiftSuspension(new DateOnly(2023, 6, 1));
        b.Suspend(new DateOnly(2024, 1, 1));
        b.Withdraw(new DateOnly(2024, 2, 1), WithdrawalCase.ConformityProcedureEnd, WithdrawalEffect.OnNotification);
        var c = Accepted();
        c.Suspend(new DateOnly(2025, 9, 1));
        // Notice given in the last three months of validity, on the last day it still ends the habilitation and the day after.
        var lastOnTime = Accepted();
        lastOnTime.Renounce(new DateOnly(2025, 7, 17));
        var late = Accepted();
        late.Renounce(new DateOnly(2025, 7, 18));
        foreach (var h in new[] { a, b, c, lastOnTime, late })
        {
            var periods = h.Periods();
            for (var d = Filed.AddDays(-3); d < new DateOnly(2030, 1, 1); d = d.AddDays(1))
            {
                var status = h.StatusOn(d);
                var period = periods.SingleOrDefault(p => p.Covers(d));
                if (status is null) { Assert.Null(period); continue; }
                Assert.NotNull(period);
                var expected = period.Status == HabilitationPeriodStatus.Renewed ? "Active" : period.Status.ToString();
                Assert.Equal(expected, status.ToString());
            }
        }
    }

    [Fact]
    public void A_renunciation_whose_notice_ends_after_the_validity_lets_the_habilitation_expire_first()
    {
        var onTime = Accepted();
        onTime.Renounce(new DateOnly(2025, 7, 17));
        Assert.Equal(InitialEnd.AddDays(1), onTime.EndedOn);
        Assert.Equal(HabilitationStatus.Renounced, onTime.StatusOn(InitialEnd.AddDays(1)));

        var late = Accepted();
        late.Renounce(new DateOnly(2025, 7, 18));
        Assert.Null(late.EndedOn);
        Assert.Equal(HabilitationStatus.Active, late.StatusOn(InitialEnd));
        Assert.Equal(HabilitationStatus.Expired, late.StatusOn(InitialEnd.AddDays(1)));
        Assert.Equal(HabilitationStatus.Expired, late.StatusOn(new DateOnly(2025, 10, 18)));
        Assert.Equal(HabilitationPeriodStatus.Expired, late.Periods()[^1].Status);
        Assert.False(late.IsDueForRenewal(InitialEnd));
    }

    [Fact]
    public void Validity_dates_are_answered_as_they_were_known_on_the_day_asked()
    {
        var renewed = Used();
        renewed.RenewAutomatically(InitialEnd);
        Assert.Equal((null, null), (renewed.ValidFromAsOf(Notified.AddDays(-1)), renewed.ValidUntilAsOf(Notified.AddDays(-1))));
        Assert.Equal((Notified, InitialEnd), (renewed.ValidFromAsOf(Notified), renewed.ValidUntilAsOf(Notified)));
        Assert.Equal(InitialEnd, renewed.ValidUntilAsOf(InitialEnd));
        Assert.Equal(new DateOnly(2028, 10, 16), renewed.ValidUntilAsOf(InitialEnd.AddDays(1)));

        var withdrawn = Accepted();
        withdrawn.Withdraw(new DateOnly(2024, 2, 1), WithdrawalCase.ConformityProcedureEnd, WithdrawalEffect.OnNotification);
        Assert.Equal(InitialEnd, withdrawn.ValidUntilAsOf(new DateOnly(2024, 1, 31)));
        Assert.Equal(new DateOnly(2024, 1, 31), withdrawn.ValidUntilAsOf(new DateOnly(2024, 2, 1)));

        var renounced = Accepted();
        renounced.Renounce(new DateOnly(2024, 2, 1));
        Assert.Equal(InitialEnd, renounced.ValidUntilAsOf(new DateOnly(2024, 1, 31)));
        Assert.Equal(new DateOnly(2024, 4, 30), renounced.ValidUntilAsOf(new DateOnly(2024, 2, 1)));
    }

    [Fact]
    public void A_suspension_a_lifting_or_a_withdrawal_takes_effect_on_the_day_it_is_recorded_or_later_never_before()
    {
        var today = new DateOnly(2024, 3, 4);
        var h = Accepted();
        Assert.Equal(HabilitationErrors.BackDated, Assert.Throws<DomainRuleException>(() => h.Suspend(today.AddDays(-1), "audit", today)).Code);
        Assert.Empty(h.Suspensions);
        h.Suspend(today, "audit", today);
        Assert.Equal(HabilitationErrors.BackDated, Assert.Throws<DomainRuleException>(() => h.LiftSuspension(today.AddDays(1), null, today.AddDays(2))).Code);
        h.LiftSuspension(today.AddDays(2), null, today.AddDays(2));
        Assert.Equal(HabilitationErrors.BackDated, Assert.Throws<DomainRuleException>(() => h.Withdraw(today.AddDays(9), WithdrawalCase.ConformityProcedureEnd, WithdrawalEffect.OnNotification, "failings", today.AddDays(10))).Code);
        h.Withdraw(today.AddDays(11), WithdrawalCase.ConformityProcedureEnd, WithdrawalEffect.OnNotification, "failings", today.AddDays(10));
        Assert.Equal(HabilitationStatus.Active, h.StatusOn(today.AddDays(10)));
        Assert.Equal(HabilitationStatus.Withdrawn, h.StatusOn(today.AddDays(11)));
    }

    [Fact]
    public void An_activity_declaration_with_evaluations_is_a_use_and_one_without_is_not()
    {
        var h = Accepted();
        h.DeclareActivity(new DateOnly(2023, 1, 5), new DateOnly(2022, 11, 1), new DateOnly(2022, 12, 31), new ActivityFigures(3, 0, 0, 0));
        Assert.Null(h.LastUsedOn);
        h.DeclareActivity(new DateOnly(2023, 7, 5), new DateOnly(2023, 1, 1), new DateOnly(2023, 6, 30), new ActivityFigures(3, 2, 0, 1));
        Assert.Equal(new DateOnly(2023, 6, 30), h.LastUsedOn);
        Assert.Equal(HabilitationErrors.InvalidActivityPeriod,
            Assert.Throws<DomainRuleException>(() => h.DeclareActivity(new DateOnly(2023, 7, 5), new DateOnly(2023, 7, 1), new DateOnly(2023, 7, 6), new ActivityFigures(1, 1, 0, 0))).Code);
        Assert.Equal(HabilitationErrors.InvalidActivityFigures,
            Assert.Throws<DomainRuleException>(() => h.DeclareActivity(new DateOnly(2023, 7, 5), new DateOnly(2023, 1, 1), new DateOnly(2023, 6, 30), new ActivityFigures(1, 0, 0, 1))).Code);
        Assert.Equal(HabilitationErrors.NotActive,
            Assert.Throws<DomainRuleException>(() => h.DeclareActivity(new DateOnly(2026, 1, 5), new DateOnly(2025, 10, 1), InitialEnd.AddDays(1), new ActivityFigures(1, 1, 0, 0))).Code);
        Assert.Equal(2, h.ActivityDeclarations.Count);
    }

    [Fact]
    public void A_change_of_situation_is_late_from_the_thirty_first_day()
    {
        var organism = Organism.Register(Siren.Parse("732829320"), "Atelier", qualiopi: true);
        var occurred = new DateOnly(2026, 1, 31);
        Assert.False(SituationChange.Declare(organism, SituationChangeKind.Name, occurred, occurred.AddDays(30), null).Late);
        var late = SituationChange.Declare(organism, SituationChangeKind.Name, occurred, occurred.AddDays(31), "Renamed");
        Assert.True(late.Late);
        Assert.Equal(new DateOnly(2026, 3, 2), late.DeclarationDueOn);
        Assert.Equal(SituationErrors.ChangeInFuture,
            Assert.Throws<DomainRuleException>(() => SituationChange.Declare(organism, SituationChangeKind.Name, occurred, occurred.AddDays(-1), null)).Code);
    }

    [Fact]
    public void A_declared_loss_of_qualiopi_ends_edof_eligibility_from_the_day_it_occurred()
    {
        var organism = Organism.Register(Siren.Parse("732829320"), "Atelier", qualiopi: true);
        var h = Accepted(organism);
        var lost = new DateOnly(2024, 3, 10);
        SituationChange.Declare(organism, SituationChangeKind.QualiopiLoss, lost, lost.AddDays(3), null);
        Assert.True(HabilitationVerification.Check(CertificationCode.CleaNumerique, lost.AddDays(-1), organism, null, [h], "?").EdofEligible);
        var after = HabilitationVerification.Check(CertificationCode.CleaNumerique, lost, organism, null, [h], "?");
        Assert.True(after.Habilitated);
        Assert.False(after.EdofEligible);
    }

    [Fact]
    public void An_invoice_is_due_forty_five_calendar_days_after_issue_and_overdue_the_day_after()
    {
        var organism = Organism.Register(Siren.Parse("732829320"), "Atelier", qualiopi: true);
        var schedule = new FeeSchedule(FeeTariff.Annexe2Grid());
        var line = new FeeLine(organism, FeeKind.SiteYearly, CertificationCode.CleaNumerique, new DateOnly(2026, 2, 1), schedule, "site:1:CleaNumerique:2026");
        Assert.Equal(FeeErrors.QuarterNotEnded, Assert.Throws<DomainRuleException>(() => Invoice.Issue(organism, 2026, 1, new DateOnly(2026, 3, 31), [line])).Code);
        var invoice = Invoice.Issue(organism, 2026, 1, new DateOnly(2026, 4, 1), [line]);
        Assert.Equal("2026-T1-732829320", invoice.Number);
        Assert.Equal(new DateOnly(2026, 5, 16), invoice.DueOn);
        Assert.Equal(33m, invoice.Total);
        Assert.False(invoice.IsOverdueOn(new DateOnly(2026, 5, 16)));
        Assert.True(invoice.IsOverdueOn(new DateOnly(2026, 5, 17)));
        Assert.Equal(FeeErrors.PaymentBeforeIssue, Assert.Throws<DomainRuleException>(() => invoice.MarkPaid(new DateOnly(2026, 3, 31))).Code);
        invoice.MarkPaid(new DateOnly(2026, 5, 20));
        Assert.False(invoice.IsOverdueOn(new DateOnly(2026, 6, 1)));
        Assert.Equal(FeeErrors.InvoiceAlreadyPaid, Assert.Throws<DomainRuleException>(() => invoice.MarkPaid(new DateOnly(2026, 5, 21))).Code);
        Assert.Equal(FeeErrors.InvalidQuarter, Assert.Throws<DomainRuleException>(() => Invoice.QuarterEnd(2026, 5)).Code);
        Assert.Equal((2025, 4), Invoice.PreviousQuarter(new DateOnly(2026, 1, 1)));
        Assert.Equal((2026, 1), Invoice.PreviousQuarter(new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void A_fee_takes_the_amount_of_its_own_year_of_the_grid()
    {
        var schedule = new FeeSchedule([.. FeeTariff.Annexe2Grid(2024), new FeeTariff(FeeKind.SiteYearly, CertificationCode.CleaNumerique, 2027, 35m)]);
        Assert.Equal(33m, schedule.AmountFor(FeeKind.SiteYearly, CertificationCode.CleaNumerique, new DateOnly(2026, 12, 31)));
        Assert.Equal(35m, schedule.AmountFor(FeeKind.SiteYearly, CertificationCode.CleaNumerique, new DateOnly(2027, 1, 1)));
        Assert.Equal(55m, schedule.AmountFor(FeeKind.SiteYearly, CertificationCode.CleaSocle, new DateOnly(2027, 1, 1)));
        Assert.Equal(FeeErrors.NoTariff, Assert.Throws<DomainRuleException>(() => schedule.AmountFor(FeeKind.Certificate, CertificationCode.CleaSocle, new DateOnly(2023, 12, 31))).Code);
    }

    [Fact]
    public void Suspensions_withdrawals_and_renunciations_raise_public_events_with_their_reasons()
    {
        var h = Used();
        h.Suspend(new DateOnly(2024, 2, 1), "Unfavourable audit");
        h.Withdraw(new DateOnly(2024, 5, 1), WithdrawalCase.ConformityProcedureEnd, WithdrawalEffect.OnNotification, "No corrective measures");
        var events = h.TakePendingEvents();
        Assert.Contains(events, e => e.Kind == LifecycleEventKind.Suspended && e.Reason == "Unfavourable audit" && e.IsPublic);
        Assert.Contains(events, e => e.Kind == LifecycleEventKind.Withdrawn && e.Reason == "No corrective measures" && e.EffectiveOn == new DateOnly(2024, 5, 1));
        Assert.Contains(events, e => e.Kind == LifecycleEventKind.ActivityDeclared && !e.IsPublic);
    }

    [Fact]
    public void The_renewal_is_recorded_by_the_day_it_takes_effect_never_later_and_a_late_one_only_by_a_visible_correction()
    {
        // Last day on time: the day after the initial period, when the renewal takes effect.
        var onTime = Used();
        Assert.True(onTime.IsDueForRenewal(InitialEnd.AddDays(1)));
        onTime.RenewAutomatically(InitialEnd.AddDays(1));
        Assert.Equal(HabilitationStatus.Active, onTime.StatusOn(InitialEnd.AddDays(1)));

        // The day after: the day of effect was answered EXPIRED; renewing would back-date, the sweep leaves it.
        var late = Used();
        var today = InitialEnd.AddDays(2);
        Assert.False(late.IsDueForRenewal(today));
        Assert.True(late.IsRenewalOverdue(today));
        Assert.Equal(HabilitationErrors.BackDated, Assert.Throws<DomainRuleException>(() => late.RenewAutomatically(today)).Code);
        Assert.Equal(HabilitationStatus.Expired, late.StatusOn(InitialEnd.AddDays(1)));
        Assert.False(Used().IsRenewalOverdue(InitialEnd.AddDays(1)));

        // The Instance renews it by correction: recorded today, naming the days whose answers changed.
        var correction = late.Correct(CorrectionKind.MissedRenewal, null, "Sweep stopped on 17-18 October.", today);
        Assert.Equal((InitialEnd.AddDays(1), InitialEnd.AddDays(1), today, (DateOnly?)InitialEnd.AddDays(1)),
            (correction.AffectedFrom, correction.AffectedUntil, correction.RecordedOn, correction.CorrectedDate));
        Assert.Equal(HabilitationStatus.Active, late.StatusOn(InitialEnd.AddDays(1)));
        Assert.Equal(new DateOnly(2028, 10, 16), late.ValidUntil);
        var periods = late.Periods();
        Assert.Equal(new HabilitationPeriod(HabilitationPeriodStatus.Renewed, InitialEnd.AddDays(1), new DateOnly(2028, 10, 16), today), periods[^2]);
        Assert.Null(periods[1].CorrectedOn); // the initial period's answers did not change
        var events = late.TakePendingEvents();
        Assert.Contains(events, e => e.Kind == LifecycleEventKind.HabilitationCorrected && e.IsPublic && e.EffectiveOn == InitialEnd.AddDays(1));
        Assert.Contains(events, e => e.Kind == LifecycleEventKind.Renewed);
        Assert.Contains(late.Changes, c => c.Kind == HabilitationChangeKind.Corrected);

        // Nothing to correct: a renewal on time, or an unused habilitation, is refused with its own code.
        Assert.Equal(HabilitationErrors.InvalidCorrection, Assert.Throws<DomainRuleException>(() => Used().Correct(CorrectionKind.MissedRenewal, null, "x", InitialEnd)).Code);
        Assert.Equal(HabilitationErrors.RenewalNotAllowed, Assert.Throws<DomainRuleException>(() => Accepted().Correct(CorrectionKind.MissedRenewal, null, "x", today)).Code);
    }

    [Fact]
    public void A_correction_of_a_suspension_or_withdrawal_date_is_recorded_today_and_names_the_periods_whose_answers_changed()
    {
        var h = Accepted();
        var today = new DateOnly(2024, 3, 20);
        h.Suspend(new DateOnly(2024, 3, 1), "Audit défavorable", new DateOnly(2024, 3, 1));
        h.LiftSuspension(new DateOnly(2024, 3, 15), "Mesures justifiées", new DateOnly(2024, 3, 15));
        Assert.Equal(HabilitationStatus.Suspended, h.StatusOn(new DateOnly(2024, 3, 4)));

        // The suspension was decided from 5 March, not 1 March: answers for 1–4 March change, visibly.
        var start = h.Correct(CorrectionKind.SuspensionStart, new DateOnly(2024, 3, 5), "Date de notification mal saisie", today);
        Assert.Equal((new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 4)), (start.AffectedFrom, start.AffectedUntil));
        Assert.Equal(HabilitationStatus.Active, h.StatusOn(new DateOnly(2024, 3, 4)));
        Assert.Equal(HabilitationStatus.Suspended, h.StatusOn(new DateOnly(2024, 3, 5)));
        var periods = h.Periods();
        // 1–4 March changed (now active); the suspended days kept their answer.
        Assert.Null(periods.Single(p => p.Status == HabilitationPeriodStatus.Suspended).CorrectedOn);
        Assert.Equal(today, periods.Single(p => p.Status == HabilitationPeriodStatus.Active && p.Covers(new DateOnly(2024, 3, 4))).CorrectedOn);
        Assert.Null(periods.Single(p => p.Status == HabilitationPeriodStatus.Active && p.Covers(new DateOnly(2024, 3, 20))).CorrectedOn);

        // A suspension end after a later fact, an unchanged date or no reason: refused with a code, nothing changes.
        Assert.Equal(HabilitationErrors.InvalidCorrection, Assert.Throws<DomainRuleException>(() => h.Correct(CorrectionKind.SuspensionStart, new DateOnly(2024, 3, 5), "x", today)).Code);
        Assert.Equal(HabilitationErrors.LiftBeforeSuspension, Assert.Throws<DomainRuleException>(() => h.Correct(CorrectionKind.SuspensionEnd, new DateOnly(2024, 3, 5), "x", today)).Code);
        Assert.Equal(InputErrors.ReasonRequired, Assert.Throws<DomainRuleException>(() => h.Correct(CorrectionKind.SuspensionEnd, new DateOnly(2024, 3, 12), " ", today)).Code);
        Assert.Equal(HabilitationErrors.InvalidCorrection, Assert.Throws<DomainRuleException>(() => h.Correct(CorrectionKind.WithdrawalDate, new DateOnly(2024, 3, 12), "x", today)).Code);
        Assert.Single(h.Corrections);

        h.Withdraw(new DateOnly(2024, 4, 1), WithdrawalCase.EdofAlert, WithdrawalEffect.OnNotification, "Alerte", new DateOnly(2024, 3, 25));
        var withdrawal = h.Correct(CorrectionKind.WithdrawalDate, new DateOnly(2024, 4, 15), "Notifié le 15 avril", new DateOnly(2024, 4, 20));
        Assert.Equal((new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 14)), (withdrawal.AffectedFrom, withdrawal.AffectedUntil));
        Assert.Equal(HabilitationStatus.Active, h.StatusOn(new DateOnly(2024, 4, 14)));
        Assert.Equal(HabilitationStatus.Withdrawn, h.StatusOn(new DateOnly(2024, 4, 15)));
        Assert.Equal(2, h.Corrections.Count);
    }
}
