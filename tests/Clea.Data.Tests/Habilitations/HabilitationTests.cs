using Clea.Data.Common;
using Clea.Data.Habilitations;
using Clea.Data.Instances;
using Clea.Data.Referentials;
using Clea.Data.Registry;

namespace Clea.Data.Tests.Habilitations;

public sealed class HabilitationTests
{
    private static readonly Instance CertifPro = new("CERTIF_PRO", "Certif Pro", InstanceKind.CertifPro, null);
    private static readonly Instance Cpne = new("CPNE_TEST", "CPNE test", InstanceKind.Cpne, "Métallurgie");
    private static readonly DateOnly Filed = new(2022, 5, 10);
    private static readonly DateOnly Meeting = new(2022, 10, 3);
    private static readonly DateOnly Notified = new(2022, 10, 17);

    private static Habilitation Accepted(Instance? instance = null)
    {
        var organism = Organism.Register(Siren.Parse("732829320"), "Atelier", qualiopi: true);
        var habilitation = organism.File(new Habilitation(organism, CertificationCode.CleaNumerique, instance ?? CertifPro, HabilitationScope.TrainAndEvaluate, Filed));
        habilitation.Accept(Meeting, Notified);
        return habilitation;
    }

    [Fact]
    public void Every_transition_is_recorded_as_a_change_with_the_date_it_takes_effect()
    {
        var h = Accepted();
        h.RecordUse(Notified.AddDays(30));
        h.Suspend(Notified.AddDays(100));
        h.LiftSuspension(Notified.AddDays(120));
        h.Withdraw(Notified.AddDays(200), WithdrawalCase.ConformityProcedureEnd, WithdrawalEffect.OnNotification);
        Assert.Equal(
            [(HabilitationChangeKind.Filed, Filed), (HabilitationChangeKind.Accepted, Notified), (HabilitationChangeKind.Suspended, Notified.AddDays(100)),
             (HabilitationChangeKind.SuspensionLifted, Notified.AddDays(120)), (HabilitationChangeKind.Withdrawn, Notified.AddDays(200))],
            h.Changes.Select(c => (c.Kind, c.EffectiveOn)));

        var renewed = Accepted();
        renewed.RecordUse(Notified.AddDays(1));
        renewed.RenewAutomatically();
        renewed.Renounce(new DateOnly(2026, 1, 15));
        Assert.Equal((HabilitationChangeKind.Renewed, new DateOnly(2025, 10, 17)), (renewed.Changes.ElementAt(2).Kind, renewed.Changes.ElementAt(2).EffectiveOn));
        Assert.Equal((HabilitationChangeKind.Renounced, new DateOnly(2026, 4, 15)), (renewed.Changes.Last().Kind, renewed.Changes.Last().EffectiveOn));
    }

    [Fact]
    public void A_decision_may_be_taken_on_the_filing_day_but_never_before_it()
    {
        var organism = Organism.Register(Siren.Parse("732829320"), "Atelier", qualiopi: true);
        var early = organism.File(new Habilitation(organism, CertificationCode.CleaNumerique, CertifPro, HabilitationScope.TrainAndEvaluate, Filed));
        Assert.Equal(HabilitationErrors.DecisionBeforeFiling, Assert.Throws<DomainRuleException>(() => early.Accept(Filed.AddDays(-1), Filed)).Code);
        Assert.Equal(HabilitationErrors.DecisionBeforeFiling, Assert.Throws<DomainRuleException>(() => early.Refuse(Filed.AddDays(-1))).Code);
        Assert.Equal(DecisionOutcome.Pending, early.Outcome);

        early.Refuse(Filed);
        Assert.Equal(HabilitationStatus.Refused, early.StatusOn(Filed));
    }

    [Fact]
    public void An_accepted_habilitation_is_valid_three_years_from_its_notification_date()
    {
        var h = Accepted();
        Assert.Equal(Notified, h.ValidFrom);
        Assert.Equal(new DateOnly(2025, 10, 16), h.ValidUntil);
        Assert.Null(h.StatusOn(Filed.AddDays(-1)));
        Assert.Equal(HabilitationStatus.Pending, h.StatusOn(Filed));
        Assert.Equal(HabilitationStatus.Pending, h.StatusOn(Notified.AddDays(-1)));
        Assert.Equal(HabilitationStatus.Active, h.StatusOn(Notified));
        Assert.Equal(HabilitationStatus.Active, h.StatusOn(new DateOnly(2025, 10, 16)));
        Assert.Equal(HabilitationStatus.Expired, h.StatusOn(new DateOnly(2025, 10, 17)));
    }

    [Fact]
    public void A_cpne_decision_states_its_professional_field()
        => Assert.Equal("Métallurgie", Accepted(Cpne).ProfessionalField);

    [Fact]
    public void A_decision_cannot_be_taken_twice_nor_notified_before_its_meeting()
    {
        var h = Accepted();
        Assert.Equal(HabilitationErrors.AlreadyDecided, Assert.Throws<DomainRuleException>(() => h.Refuse(Meeting)).Code);
        var organism = Organism.Register(Siren.Parse("732829320"), "Atelier", qualiopi: true);
        var pending = new Habilitation(organism, CertificationCode.CleaSocle, CertifPro, HabilitationScope.Evaluate, Filed);
        Assert.Equal(HabilitationErrors.NotificationBeforeDecision,
            Assert.Throws<DomainRuleException>(() => pending.Accept(Meeting, Meeting.AddDays(-1))).Code);
        Assert.Equal(DecisionOutcome.Pending, pending.Outcome);
    }

    [Fact]
    public void A_refused_application_is_pending_until_its_decision_then_refused()
    {
        var organism = Organism.Register(Siren.Parse("732829320"), "Atelier", qualiopi: true);
        var h = new Habilitation(organism, CertificationCode.CleaSocle, CertifPro, HabilitationScope.Evaluate, Filed);
        h.Refuse(Meeting);
        Assert.Equal(HabilitationStatus.Pending, h.StatusOn(Meeting.AddDays(-1)));
        Assert.Equal(HabilitationStatus.Refused, h.StatusOn(Meeting));
    }

    [Fact]
    public void A_used_habilitation_is_renewed_once_for_three_more_years()
    {
        var h = Accepted();
        h.RecordUse(new DateOnly(2023, 3, 1));
        h.RenewAutomatically();
        Assert.Equal(new DateOnly(2028, 10, 16), h.ValidUntil);
        Assert.False(h.RenewedOn(new DateOnly(2025, 10, 16)));
        Assert.True(h.RenewedOn(new DateOnly(2025, 10, 17)));
        Assert.Equal(HabilitationStatus.Active, h.StatusOn(new DateOnly(2028, 10, 16)));
        Assert.Equal(HabilitationStatus.Expired, h.StatusOn(new DateOnly(2028, 10, 17)));
        Assert.Equal(HabilitationErrors.RenewalNotAllowed, Assert.Throws<DomainRuleException>(h.RenewAutomatically).Code);
    }

    [Fact]
    public void An_unused_or_suspended_habilitation_is_not_renewed()
    {
        var unused = Accepted();
        Assert.Equal(HabilitationErrors.RenewalNotAllowed, Assert.Throws<DomainRuleException>(unused.RenewAutomatically).Code);

        var suspended = Accepted();
        suspended.RecordUse(new DateOnly(2023, 1, 5));
        suspended.Suspend(new DateOnly(2023, 2, 1));
        suspended.LiftSuspension(new DateOnly(2023, 3, 1));
        Assert.Equal(HabilitationErrors.RenewalNotAllowed, Assert.Throws<DomainRuleException>(suspended.RenewAutomatically).Code);
        Assert.Equal(new DateOnly(2025, 10, 16), suspended.ValidUntil);
    }

    [Fact]
    public void A_suspension_covers_its_days_and_never_extends_validity()
    {
        var h = Accepted();
        h.Suspend(new DateOnly(2023, 2, 1));
        Assert.Equal(HabilitationStatus.Active, h.StatusOn(new DateOnly(2023, 1, 31)));
        Assert.Equal(HabilitationStatus.Suspended, h.StatusOn(new DateOnly(2023, 2, 1)));
        h.LiftSuspension(new DateOnly(2023, 3, 1));
        Assert.Equal(HabilitationStatus.Suspended, h.StatusOn(new DateOnly(2023, 2, 28)));
        Assert.Equal(HabilitationStatus.Active, h.StatusOn(new DateOnly(2023, 3, 1)));
        Assert.Equal(new DateOnly(2025, 10, 16), h.ValidUntil);
        Assert.Equal(HabilitationErrors.NotSuspended, Assert.Throws<DomainRuleException>(() => h.LiftSuspension(new DateOnly(2023, 4, 1))).Code);
    }

    [Fact]
    public void A_withdrawal_ends_the_habilitation_on_its_effective_date_and_closes_a_suspension()
    {
        var h = Accepted();
        h.Suspend(new DateOnly(2023, 2, 1));
        h.Withdraw(new DateOnly(2023, 5, 1), WithdrawalCase.ConformityProcedureEnd, WithdrawalEffect.OnNotification);
        Assert.Equal(HabilitationStatus.Suspended, h.StatusOn(new DateOnly(2023, 4, 30)));
        Assert.Equal(HabilitationStatus.Withdrawn, h.StatusOn(new DateOnly(2023, 5, 1)));
        Assert.Equal(HabilitationStatus.Withdrawn, h.StatusOn(new DateOnly(2030, 1, 1)));
        Assert.Equal(HabilitationErrors.Withdrawn, Assert.Throws<DomainRuleException>(() => h.Withdraw(new DateOnly(2023, 6, 1), WithdrawalCase.ConformityProcedureEnd, WithdrawalEffect.OnNotification)).Code);
    }

    [Fact]
    public void A_renunciation_takes_effect_after_three_months_notice()
    {
        var h = Accepted();
        h.Renounce(new DateOnly(2024, 1, 15));
        Assert.Equal(HabilitationStatus.Active, h.StatusOn(new DateOnly(2024, 4, 14)));
        Assert.Equal(HabilitationStatus.Renounced, h.StatusOn(new DateOnly(2024, 4, 15)));
    }

    [Fact]
    public void An_expired_habilitation_cannot_be_suspended_used_or_withdrawn()
    {
        var h = Accepted();
        var after = new DateOnly(2026, 1, 1);
        Assert.Equal(HabilitationErrors.NotActive, Assert.Throws<DomainRuleException>(() => h.Suspend(after)).Code);
        Assert.Equal(HabilitationErrors.NotActive, Assert.Throws<DomainRuleException>(() => h.RecordUse(after)).Code);
        Assert.Equal(HabilitationErrors.NotActive, Assert.Throws<DomainRuleException>(() => h.Withdraw(after, WithdrawalCase.ConformityProcedureEnd, WithdrawalEffect.OnNotification)).Code);
        Assert.Empty(h.Suspensions);
    }
}
