using Clea.Data.Audits;
using Clea.Data.Common;
using Clea.Data.Events;
using Clea.Data.Habilitations;
using Clea.Data.Notifications;
using Clea.Data.Registry;

namespace Clea.Data.Tests.Notifications;

public sealed class NotificationRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);

    private static Notification Pending()
        => new(new LifecycleEvent(LifecycleEventKind.Suspended, new DateOnly(2026, 11, 24), organism: null), "contact@organisme.fr", "Objet", "Texte", Now);

    [Fact]
    public void A_failed_attempt_is_retried_after_a_doubling_delay_until_the_last_allowed_attempt_then_marked_failed()
    {
        var notification = Pending();
        notification.MarkAttemptFailed("421 busy", Now, maxAttempts: 3, TimeSpan.FromMinutes(1));
        Assert.Equal((NotificationStatus.Pending, Now.AddMinutes(1)), (notification.Status, notification.NextAttemptAt));
        notification.MarkAttemptFailed("421 busy", Now.AddMinutes(1), maxAttempts: 3, TimeSpan.FromMinutes(1));
        Assert.Equal((NotificationStatus.Pending, Now.AddMinutes(3)), (notification.Status, notification.NextAttemptAt)); // the last retry
        notification.MarkAttemptFailed("550 refused", Now.AddMinutes(3), maxAttempts: 3, TimeSpan.FromMinutes(1));
        Assert.Equal((NotificationStatus.Failed, 3, "550 refused"), (notification.Status, notification.Attempts, notification.SmtpReply));
    }

    [Fact]
    public void Only_a_sent_notification_is_acknowledged_and_the_first_acknowledgement_stands()
    {
        var notification = Pending();
        Assert.Equal(NotificationErrors.NotSent, Assert.Throws<DomainRuleException>(() => notification.Acknowledge("user-1", Now)).Code);
        notification.MarkSent("250 OK", Now);
        notification.Acknowledge("user-1", Now.AddHours(1));
        notification.Acknowledge("user-2", Now.AddHours(2));
        Assert.Equal((Now.AddHours(1), "user-1"), (notification.AcknowledgedAt, notification.AcknowledgedBy));
    }

    [Fact]
    public void An_organism_without_a_contact_gets_a_failed_notification_that_says_why()
    {
        var notification = new Notification(new LifecycleEvent(LifecycleEventKind.Withdrawn, new DateOnly(2026, 11, 24), organism: null), null, "Objet", "Texte", Now);
        Assert.Equal(NotificationStatus.Failed, notification.Status);
        Assert.Contains("No e-mail address", notification.SmtpReply, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_in_the_templates_are_spelled_in_French()
        => Assert.Equal(["1er janvier 2027", "24 novembre 2026"], [NotificationTemplates.Date(new DateOnly(2027, 1, 1)), NotificationTemplates.Date(new DateOnly(2026, 11, 24))]);

    [Fact]
    public void Every_act_notified_to_the_organism_has_a_template_and_internal_acts_and_evidence_reads_have_none()
    {
        LifecycleEventKind[] notified =
        [
            LifecycleEventKind.ApplicationFiled, LifecycleEventKind.InformationRequested, LifecycleEventKind.HearingScheduled,
            LifecycleEventKind.DecisionAccepted, LifecycleEventKind.DecisionRefused, LifecycleEventKind.AppealAcknowledged,
            LifecycleEventKind.AppealDecided, LifecycleEventKind.Renewed, LifecycleEventKind.Suspended, LifecycleEventKind.SuspensionLifted,
            LifecycleEventKind.Withdrawn, LifecycleEventKind.HabilitationCorrected, LifecycleEventKind.Renounced, LifecycleEventKind.InvoiceIssued,
            LifecycleEventKind.AuditScheduled, LifecycleEventKind.AuditReportFiled, LifecycleEventKind.AuditDecided,
            LifecycleEventKind.FormalNoticeNotified, LifecycleEventKind.AdditionalPeriodGranted,
            LifecycleEventKind.CorrectiveMeasuresDeemedSufficient, LifecycleEventKind.EdofAlertRecorded,
        ];
        Assert.Equal(notified.Order(), Enum.GetValues<LifecycleEventKind>().Where(NotificationTemplates.IsNotified).Order());
        Assert.False(NotificationTemplates.IsNotified(LifecycleEventKind.AuditEvidenceRead));
    }

    [Theory]
    // Notified Friday 27 November 2026: 30 working days skip the weekends, Christmas and New Year's Day.
    [InlineData(LifecycleEventKind.FormalNoticeNotified, "CléA — Mise en demeure", "30 jours ouvrés, soit au plus tard le 12 janvier 2027")]
    [InlineData(LifecycleEventKind.AdditionalPeriodGranted, "CléA — Délai supplémentaire de mise en conformité", "30 jours ouvrés, soit au plus tard le 12 janvier 2027")]
    [InlineData(LifecycleEventKind.AuditReportFiled, "CléA — Rapport d'audit", "15 jours ouvrés, soit au plus tard le 18 décembre 2026")]
    public void A_conformity_act_is_written_with_its_subject_facts_and_working_day_deadline(LifecycleEventKind kind, string subject, string deadline)
    {
        var organism = Organism.Register(Siren.Parse("732829320"), "Atelier", qualiopi: true);
        var @event = new LifecycleEvent(kind, new DateOnly(2026, 11, 27), organism, "Notice 1: évaluateurs non qualifiés; withdrawal on 2027-03-01");
        var notification = NotificationTemplates.For(@event, organism, Now)!;
        Assert.Equal(subject, notification.Subject);
        Assert.Contains(deadline, notification.Body, StringComparison.Ordinal);
        Assert.Contains("évaluateurs non qualifiés", notification.Body, StringComparison.Ordinal);
    }

    private static Notification Written(LifecycleEventKind kind, DateOnly on, string? reason, string? reference = null)
    {
        var organism = Organism.Register(Siren.Parse("732829320"), "Atelier", qualiopi: true);
        return NotificationTemplates.For(new LifecycleEvent(kind, on, organism, reason, reference), organism, Now)!;
    }

    [Theory]
    [InlineData(WithdrawalCase.ConformityProcedureEnd, WithdrawalEffect.OnNoticeDate, "à l'issue d'une procédure de mise en conformité", "au jour indiqué dans la mise en demeure")]
    [InlineData(WithdrawalCase.ConformityProcedureEnd, WithdrawalEffect.OnNotification, "à l'issue d'une procédure de mise en conformité", "au jour de la notification de la décision")]
    [InlineData(WithdrawalCase.NewFailingsWithinTwelveMonths, WithdrawalEffect.OnNotification, "dans les 12 mois suivant la fin", "au jour de la notification")]
    [InlineData(WithdrawalCase.AuditRefusal, WithdrawalEffect.OnRefusalReceipt, "refus de participer à un audit", "réception de votre refus écrit")]
    [InlineData(WithdrawalCase.AuditRefusal, WithdrawalEffect.OnRefusalNoted, "refus de participer à un audit", "constatation du refus")]
    [InlineData(WithdrawalCase.EdofAlert, WithdrawalEffect.OnNotification, "EDOF", "au jour de la notification")]
    public void A_withdrawal_e_mail_states_its_case_and_effective_date_rule(WithdrawalCase withdrawalCase, WithdrawalEffect effect, string why, string when)
    {
        var reference = WithdrawalGrounds.Reference(withdrawalCase, effect);
        Assert.True(WithdrawalGrounds.TryParse(reference, out var c, out var e));
        Assert.Equal((withdrawalCase, effect), (c, e));
        var body = Written(LifecycleEventKind.Withdrawn, new DateOnly(2027, 3, 15), "Manquements", reference).Body;
        Assert.Contains("Cas de retrait (convention, §V.3) : ", body, StringComparison.Ordinal);
        Assert.Contains(why, body, StringComparison.Ordinal);
        Assert.Contains(when, body, StringComparison.Ordinal);
        Assert.Contains("soit le 15 mars 2027", body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_withdrawal_reference_uses_the_schema_enum_names()
        => Assert.Equal("NEW_FAILINGS_WITHIN_TWELVE_MONTHS/ON_NOTIFICATION", WithdrawalGrounds.Reference(WithdrawalCase.NewFailingsWithinTwelveMonths, WithdrawalEffect.OnNotification));

    [Fact]
    public void A_formal_notice_says_in_words_whether_the_habilitation_is_suspended()
    {
        var suspended = Written(LifecycleEventKind.FormalNoticeNotified, new DateOnly(2027, 1, 12), $"Notice 1: x; {ConformityProcedure.SuspensionClause}").Body;
        Assert.Contains("votre habilitation est suspendue à compter du 12 janvier 2027 et pendant toute la durée de la procédure", suspended, StringComparison.Ordinal);
        Assert.Contains("cesser toute activité", suspended, StringComparison.Ordinal);
        var notSuspended = Written(LifecycleEventKind.FormalNoticeNotified, new DateOnly(2027, 1, 12), "Notice 1: x; no suspension").Body;
        Assert.Contains("n'entraîne pas de suspension", notSuspended, StringComparison.Ordinal);
        Assert.DoesNotContain("est suspendue", notSuspended, StringComparison.Ordinal);
    }

    [Fact]
    public void Measures_deemed_sufficient_are_notified_with_the_end_of_the_suspension_and_the_12_month_watch()
    {
        var notification = Written(LifecycleEventKind.CorrectiveMeasuresDeemedSufficient, new DateOnly(2027, 4, 2),
            $"No answer…: habilitation maintained; {ConformityProcedure.SuspensionEndsClause} on 2027-04-02; new failings until 2028-04-02 lead to withdrawal");
        Assert.Equal("CléA — Mesures correctives réputées suffisantes", notification.Subject);
        Assert.Contains("habilitation CléA est maintenue", notification.Body, StringComparison.Ordinal);
        Assert.Contains("prend fin le 2 avril 2027", notification.Body, StringComparison.Ordinal);
        Assert.Contains("12 mois suivant la fin de la procédure, soit jusqu'au 2 avril 2028", notification.Body, StringComparison.Ordinal);
        Assert.Equal(LifecycleEventKind.CorrectiveMeasuresDeemedSufficient.ToString(), notification.Kind.ToString());
    }
}
