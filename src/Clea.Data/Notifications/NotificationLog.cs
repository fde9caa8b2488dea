using Clea.Data.Access;
using Clea.Data.Common;
using Clea.Data.Registry;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Notifications;

/// <summary>Use cases of the outbox as callers see it: the notifications in their scope, and the recipient's acknowledgement.</summary>
public sealed class NotificationLog(CleaDbContext db, TimeProvider time)
{
    /// <summary>Notifications of the organisms the caller may see (as the event log), filtered; unpaged (the caller pages by id).</summary>
    public async Task<IQueryable<Notification>> VisibleAsync(Siren? siren, NotificationStatus? status, ICurrentCaller caller, CancellationToken ct)
    {
        // Account e-mails carry personal sign-in links: never listed.
        var rows = db.Notifications.AsNoTracking().Where(n => !n.IsAccountMail);
        if ((await OrganismScope.OfAsync(caller, ct)).VisibleOrganismIds(db) is { } visible)
            rows = rows.Where(n => n.OrganismId != null && visible.Contains(n.OrganismId.Value));
        if (siren is { } s) rows = rows.Where(n => db.Organisms.Any(o => o.Id == n.OrganismId && o.Siren == s));
        if (status is { } st) rows = rows.Where(n => n.Status == st);
        return rows;
    }

    /// <summary>The caller's organism acknowledges receipt (deadlines run from notification); the first acknowledgement stands.</summary>
    public async Task<Notification> AcknowledgeAsync(long notificationId, ICurrentCaller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        // Another organism's notification is "not found", never "forbidden": its existence is not disclosed.
        var siren = caller.Role == CallerRole.OrganismStaff ? caller.Siren : null;
        var notification = siren is null ? null : await db.Notifications
            .Where(n => n.Id == notificationId && !n.IsAccountMail && db.Organisms.Any(o => o.Id == n.OrganismId && o.Siren == siren))
            .SingleOrDefaultAsync(ct);
        if (notification is null) throw new DomainRuleException(NotificationErrors.NotFound, "No notification of your organism has this id.");
        notification.Acknowledge(caller.Subject ?? "unknown", time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return notification;
    }
}
