using Clea.Data.Notifications;
using Clea.Data.Persistence;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Tests.Notifications;

/// <summary>The sender's side of the outbox on a real database: claims, attempts and interrupted deliveries.</summary>
public sealed class NotificationOutboxTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static async Task<TestDatabase> WithPendingAsync(DatabaseProvider provider, int count)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        for (var i = 0; i < count; i++) db.Notifications.Add(Notification.ForAccount($"user{i}@organisme.fr", "Objet", "Texte", Now));
        await db.SaveChangesAsync();
        return database;
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Two_runs_claiming_at_once_share_the_due_messages_without_overlap(DatabaseProvider provider)
    {
        await using var database = await WithPendingAsync(provider, 12);
        await using var a = database.NewContext();
        await using var b = database.NewContext();

        var runs = await Task.WhenAll(Task.Run(() => new NotificationOutbox(a).ClaimAsync(Now, 12, Lease, CancellationToken.None)),
            Task.Run(() => new NotificationOutbox(b).ClaimAsync(Now, 12, Lease, CancellationToken.None)));

        Assert.Empty(runs[0].Select(n => n.Id).Intersect(runs[1].Select(n => n.Id)));
        Assert.Equal(12, runs.Sum(r => r.Count));
        await using var read = database.NewContext();
        Assert.All(await read.Notifications.ToListAsync(), n => Assert.Equal((NotificationStatus.Sending, Now + Lease), (n.Status, n.ClaimedUntil)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_failed_attempt_is_saved_and_claimed_again_only_once_due_then_recorded_sent(DatabaseProvider provider)
    {
        await using var database = await WithPendingAsync(provider, 1);
        await using (var db = database.NewContext())
        {
            var outbox = new NotificationOutbox(db);
            var claimed = Assert.Single(await outbox.ClaimAsync(Now, 20, Lease, CancellationToken.None));
            await outbox.RecordFailedAttemptAsync(claimed, "SocketException: refused", Now, maxAttempts: 6, TimeSpan.FromMinutes(1));
        }
        Notification row;
        await using (var read = database.NewContext())
            row = await read.Notifications.AsNoTracking().SingleAsync();
        Assert.Equal((NotificationStatus.Pending, 1, Now.AddMinutes(1), (Guid?)null), (row.Status, row.Attempts, row.NextAttemptAt, row.ClaimToken));

        await using (var db = database.NewContext())
        {
            var outbox = new NotificationOutbox(db);
            Assert.Empty(await outbox.ClaimAsync(Now.AddSeconds(59), 20, Lease, CancellationToken.None)); // not due yet
            var claimed = Assert.Single(await outbox.ClaimAsync(Now.AddMinutes(1), 20, Lease, CancellationToken.None));
            await outbox.RecordSentAsync(claimed, "250 2.0.0 OK", Now.AddMinutes(1));
        }
        await using (var read = database.NewContext())
            row = await read.Notifications.AsNoTracking().SingleAsync();
        Assert.Equal((NotificationStatus.Sent, "250 2.0.0 OK", Now.AddMinutes(1), (Guid?)null), (row.Status, row.SmtpReply, row.SentAt, row.ClaimToken));
        await using var again = database.NewContext();
        Assert.Empty(await new NotificationOutbox(again).ClaimAsync(Now.AddDays(1), 20, Lease, CancellationToken.None));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_delivery_interrupted_past_its_lease_is_marked_failed_and_never_claimed_again(DatabaseProvider provider)
    {
        await using var database = await WithPendingAsync(provider, 1);
        await using (var db = database.NewContext())
            Assert.Single(await new NotificationOutbox(db).ClaimAsync(Now, 20, Lease, CancellationToken.None)); // the node dies here

        await using var later = database.NewContext();
        var outbox = new NotificationOutbox(later);
        Assert.Equal(0, await outbox.AbandonInterruptedAsync(Now + Lease, CancellationToken.None)); // the lease still holds
        Assert.Equal(1, await outbox.AbandonInterruptedAsync(Now + Lease + TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.Empty(await outbox.ClaimAsync(Now.AddDays(1), 20, Lease, CancellationToken.None));
        var row = await later.Notifications.AsNoTracking().SingleAsync();
        Assert.Equal((NotificationStatus.Failed, (Guid?)null), (row.Status, row.ClaimToken));
        Assert.StartsWith("Delivery interrupted", row.SmtpReply, StringComparison.Ordinal);
    }
}
