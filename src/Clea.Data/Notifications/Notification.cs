using Clea.Data.Common;
using Clea.Data.Events;

namespace Clea.Data.Notifications;

public enum NotificationStatus
{
    /// <summary>Waiting for the sender (first attempt, or a retry after <see cref="Notification.NextAttemptAt"/>).</summary>
    Pending,
    /// <summary>Claimed by one node's sender, being delivered.</summary>
    Sending,
    Sent,
    /// <summary>Given up: attempts exhausted, no address, or a delivery interrupted mid-way (never retried: never twice).</summary>
    Failed,
}

/// <summary>
/// An e-mail of the outbox: the notification of one lifecycle event to the organism, written in the same save as the act
/// (so an act is never saved without its notification, nor a notification without its act), delivered later by the
/// sender, acknowledged by the recipient because the conventions count deadlines from notification.
/// </summary>
public sealed class Notification
{
    public const int SubjectMaxLength = 300;
    public const int BodyMaxLength = 8000;
    public const int ReplyMaxLength = 1000;
    public const int RecipientMaxLength = 254;

    public long Id { get; private set; }
    /// <summary>The act notified; null for an account e-mail (<see cref="IsAccountMail"/>).</summary>
    public long? LifecycleEventId { get; private set; }
    public LifecycleEvent? Event { get; private set; }
    public LifecycleEventKind? Kind { get; private set; }
    /// <summary>
    /// An account e-mail (sign-up confirmation, invitation, a claim on the organism's SIREN): it may carry a personal
    /// single-use link, so it is never listed by <c>notifications</c> and its text is wiped once delivered or given up.
    /// </summary>
    public bool IsAccountMail { get; private set; }
    public int? OrganismId { get; private set; }
    /// <summary>The organism's main contact at the time of the act; null when it had none (then <see cref="NotificationStatus.Failed"/>).</summary>
    public string? Recipient { get; private set; }
    public string Subject { get; private set; } = null!;
    public string Body { get; private set; } = null!;
    public NotificationStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    /// <summary>Which claim (one sender run on one node) holds the message while it is <see cref="NotificationStatus.Sending"/>.</summary>
    public Guid? ClaimToken { get; private set; }
    public DateTime? ClaimedUntil { get; private set; }
    public DateTime? SentAt { get; private set; }
    /// <summary>The SMTP server's last reply (or the reason nothing was sent).</summary>
    public string? SmtpReply { get; private set; }
    public DateTime? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }

    private Notification() { }

    internal Notification(LifecycleEvent @event, string? recipient, string subject, string body, DateTime now)
    {
        Event = @event;
        Kind = @event.Kind;
        OrganismId = @event.OrganismId;
        Recipient = recipient;
        Subject = subject.Length > SubjectMaxLength ? subject[..SubjectMaxLength] : subject;
        Body = body.Length > BodyMaxLength ? body[..BodyMaxLength] : body;
        CreatedAt = NextAttemptAt = now;
        Status = recipient is null ? NotificationStatus.Failed : NotificationStatus.Pending;
        if (recipient is null) SmtpReply = "No e-mail address: the organism has no main contact on file.";
    }

    /// <summary>An account e-mail to <paramref name="recipient"/>, about <paramref name="organismId"/> when there is one.</summary>
    public static Notification ForAccount(string recipient, string subject, string body, DateTime now, int? organismId = null)
        => new()
        {
            IsAccountMail = true,
            OrganismId = organismId,
            Recipient = recipient,
            Subject = subject.Length > SubjectMaxLength ? subject[..SubjectMaxLength] : subject,
            Body = body.Length > BodyMaxLength ? body[..BodyMaxLength] : body,
            CreatedAt = now,
            NextAttemptAt = now,
            Status = NotificationStatus.Pending,
        };

    public const string WipedBody = "(Texte effacé après l'envoi : il contenait un lien personnel.)";

    public void MarkSent(string reply, DateTime at)
    {
        if (IsAccountMail) Body = WipedBody;
        Status = NotificationStatus.Sent;
        SentAt = at;
        SmtpReply = Truncate(reply);
        ClaimToken = null;
        ClaimedUntil = null;
    }

    /// <summary>A refused or failed attempt: retried after a growing delay, until <paramref name="maxAttempts"/>.</summary>
    public void MarkAttemptFailed(string reply, DateTime at, int maxAttempts, TimeSpan firstRetryDelay)
    {
        Attempts++;
        SmtpReply = Truncate(reply);
        ClaimToken = null;
        ClaimedUntil = null;
        if (Attempts >= maxAttempts)
        {
            Status = NotificationStatus.Failed;
            if (IsAccountMail) Body = WipedBody;
            return;
        }
        Status = NotificationStatus.Pending;
        NextAttemptAt = at + firstRetryDelay * Math.Pow(2, Attempts - 1);
    }

    /// <summary>The recipient confirms receipt; the first acknowledgement stands (acknowledging again changes nothing).</summary>
    public void Acknowledge(string by, DateTime at)
    {
        if (Status != NotificationStatus.Sent)
            throw new DomainRuleException(NotificationErrors.NotSent, "Only a notification that was sent can be acknowledged.");
        if (AcknowledgedAt is not null) return;
        AcknowledgedAt = at;
        AcknowledgedBy = by.Length > 200 ? by[..200] : by;
    }

    private static string Truncate(string reply) => reply.Length > ReplyMaxLength ? reply[..ReplyMaxLength] : reply;
}

public static class NotificationErrors
{
    public const string NotFound = "NOTIFICATION_NOT_FOUND";
    public const string NotSent = "NOTIFICATION_NOT_SENT";
}
