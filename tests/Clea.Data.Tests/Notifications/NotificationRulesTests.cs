using Clea.Data.Common;
using Clea.Data.Events;
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
            LifecycleEventKind.Withdrawn, LifecycleEventKind.Renounced, LifecycleEventKind.InvoiceIssued,
            LifecycleEventKind.AuditScheduled, LifecycleEventKind.AuditReportFiled, LifecycleEventKind.AuditDecided,
            LifecycleEventKind.FormalNoticeNotified, LifecycleEventKind.AdditionalPeriodGranted,
            LifecycleEventKind.EdofAlertRecorded,
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
}
