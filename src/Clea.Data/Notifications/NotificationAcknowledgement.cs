using Clea.Data.Common;
using Clea.Data.Registry;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Notifications;

/// <summary>Use case: the recipient organism acknowledges receipt of a notification (deadlines run from it).</summary>
public static class NotificationAcknowledgement
{
    public const string NotFound = "NOTIFICATION_NOT_FOUND";

    public static async Task<Notification> AcknowledgeAsync(CleaDbContext db, long notificationId, Siren organism, string by,
        DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Another organism's notification is "not found", never "forbidden": its existence is not disclosed.
        var notification = await db.Notifications
            .Where(n => n.Id == notificationId && db.Organisms.Any(o => o.Id == n.OrganismId && o.Siren == organism))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException(NotFound, "No notification of your organism has this id.");
        notification.Acknowledge(by, now);
        await db.SaveChangesAsync(cancellationToken);
        return notification;
    }
}
