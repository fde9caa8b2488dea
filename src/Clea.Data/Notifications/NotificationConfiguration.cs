using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clea.Data.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        // As wide as the event's kind: CorrectiveMeasuresDeemedSufficient outgrows the default enum width.
        builder.Property(n => n.Kind).HasMaxLength(64);
        builder.Property(n => n.Recipient).HasMaxLength(Notification.RecipientMaxLength);
        builder.Property(n => n.Subject).HasMaxLength(Notification.SubjectMaxLength);
        builder.Property(n => n.Body).HasMaxLength(Notification.BodyMaxLength);
        builder.Property(n => n.SmtpReply).HasMaxLength(Notification.ReplyMaxLength);
        builder.Property(n => n.AcknowledgedBy).HasMaxLength(200);
        // UTC instants, so the sender's "due" comparisons work on SQLite and PostgreSQL alike.
        foreach (var property in new[] { nameof(Notification.CreatedAt), nameof(Notification.NextAttemptAt) })
            builder.Property<DateTime>(property).HasConversion(v => DateTime.SpecifyKind(v, DateTimeKind.Utc), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        foreach (var property in new[] { nameof(Notification.ClaimedUntil), nameof(Notification.SentAt), nameof(Notification.AcknowledgedAt) })
            builder.Property<DateTime?>(property).HasConversion(v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc),
                v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
        // One notification per event: the outbox row is the event's, and a second one would be a second e-mail.
        builder.HasOne(n => n.Event).WithMany().HasForeignKey(n => n.LifecycleEventId);
        builder.HasIndex(n => n.LifecycleEventId).IsUnique();
        builder.HasIndex(n => new { n.Status, n.NextAttemptAt });
        builder.HasIndex(n => new { n.OrganismId, n.Id });
        builder.HasIndex(n => n.ClaimToken);
    }
}
