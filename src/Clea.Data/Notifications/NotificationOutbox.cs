using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Notifications;

/// <summary>
/// The sender's side of the outbox, one instance per sender run. Delivery is at most once: a message is claimed by one
/// run (a conditional update, so two nodes never claim the same row), each attempt is saved on its own as soon as it is
/// known, and a message whose delivery was interrupted is given up, never resent.
/// </summary>
public sealed class NotificationOutbox(CleaDbContext db)
{
    /// <summary>Claims up to <paramref name="batchSize"/> due messages for this run and returns them (tracked).</summary>
    public async Task<List<Notification>> ClaimAsync(DateTime now, int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
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
    public Task<int> AbandonInterruptedAsync(DateTime now, CancellationToken cancellationToken)
        => db.Notifications.Where(n => n.Status == NotificationStatus.Sending && n.ClaimedUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Failed)
                .SetProperty(n => n.ClaimToken, (Guid?)null)
                .SetProperty(n => n.SmtpReply, "Delivery interrupted (the sending node stopped): not retried, to never send twice."), cancellationToken);

    /// <summary>A claimed message left: recorded as sent with the server's <paramref name="reply"/>.</summary>
    public Task RecordSentAsync(Notification notification, string reply, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(notification);
        notification.MarkSent(reply, at);
        return SaveAttemptAsync();
    }

    /// <summary>
    /// A claimed message did not leave: back to pending after 1, 2, 4… × <paramref name="firstRetryDelay"/>, or failed at
    /// the <paramref name="maxAttempts"/>th attempt (<see cref="Notification.MarkAttemptFailed"/>).
    /// </summary>
    public Task RecordFailedAttemptAsync(Notification notification, string error, DateTime at, int maxAttempts, TimeSpan firstRetryDelay)
    {
        ArgumentNullException.ThrowIfNull(notification);
        notification.MarkAttemptFailed(error, at, maxAttempts, firstRetryDelay);
        return SaveAttemptAsync();
    }

    // One message at a time and never cancelled once it left: a crash after a send loses at most this message's status
    // (it stays Sending, then is abandoned), never resends the others.
    private Task SaveAttemptAsync() => db.SaveChangesAsync(CancellationToken.None);
}
