namespace Clea.Graph.Notifications;

/// <summary>Configuration section <c>Mail</c>: the notification sender.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>Runs the sender (on in appsettings.json; the test hosts turn it off and run it themselves).</summary>
    public bool Enabled { get; set; }

    /// <summary>The sender address of every notification (required outside Development).</summary>
    public string? From { get; set; }
    public string FromName { get; set; } = "CléA — Certif Pro";

    /// <summary>SMTP relay; when <see cref="SmtpOptions.Host"/> is empty in Development, messages go to <see cref="PickupDirectory"/>.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Folder for .eml files instead of SMTP (Development default: <c>data/mail</c> beside the database).</summary>
    public string? PickupDirectory { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
    public int BatchSize { get; set; } = 20;
    /// <summary>Attempts before a message is marked failed; retries wait 1, 2, 4, 8… × <see cref="FirstRetryDelay"/>.</summary>
    public int MaxAttempts { get; set; } = 6;
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How long a claimed message may stay "sending" before it is deemed interrupted (and failed, never resent).</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c>, <c>Auto</c> or <c>None</c> (tests, a local relay).</summary>
    public string Security { get; set; } = "StartTls";
    public string? User { get; set; }
    public string? Password { get; set; }
}
