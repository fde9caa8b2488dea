using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Notifications;

/// <summary>
/// The sender's side of the outbox. Delivery is at most once: a message is claimed by one sender run (a conditional
/// update, so two nodes never claim the same row), and one whose delivery was interrupted is given up, never resent.
/// </summary>
public static class NotificationOutbox
{
    /// <summary>Claims up to <paramref name="batchSize"/> due messages for one run and returns them (tracked).</summary>
    public static async Task<List<Notification>> ClaimAsync(CleaDbContext db, DateTime now, int batchSize, TimeSpan lease,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var due = await db.Notifications.Where(n => n.Status == NotificationStatus.Pending && n.NextAttemptAt <= now)
            .OrderBy(n => n.Id).Select(n => n.Id).Take(batchSize).ToListAsync(cancellationToken);
        if (due.Count == 0) return [];
        var token = Guid.NewGuid();
        var until = now + lease;
        // Only rows still Pending are taken: a row another node claimed in between is skipped by the re-checked condition.
        await db.Notifications.Where(n => due.Contains(n.Id) && n.Status == NotificationStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Sending)
                .SetProperty(n => n.ClaimToken, token)
                .SetProperty(n => n.ClaimedUntil, until), cancellationToken);
        return await db.Notifications.Where(n => n.ClaimToken == token).OrderBy(n => n.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Messages still <see cref="NotificationStatus.Sending"/> after their claim expired: the node died mid-delivery and
    /// whether the e-mail left is unknown. They are marked failed (staff see them and resend by hand), never retried.
    /// </summary>
    public static Task<int> AbandonInterruptedAsync(CleaDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Notifications.Where(n => n.Status == NotificationStatus.Sending && n.ClaimedUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Failed)
                .SetProperty(n => n.ClaimToken, (Guid?)null)
                .SetProperty(n => n.SmtpReply, "Delivery interrupted (the sending node stopped): not retried, to never send twice."), cancellationToken);
    }
}
