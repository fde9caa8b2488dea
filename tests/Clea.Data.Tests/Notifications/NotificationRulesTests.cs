using Clea.Data.Common;
using Clea.Data.Events;
using Clea.Data.Notifications;

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
}
