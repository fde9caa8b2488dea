using Clea.Data.Notifications;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Clea.Graph.Notifications;

/// <summary>
/// Delivers the outbox (<see cref="NotificationOutbox"/>): every <see cref="MailOptions.PollInterval"/>, claims the due
/// messages, sends each and records its outcome at once (sent with the server's reply, or a retry later with growing
/// delays, or failed). Safe with several nodes: a message is claimed by one run only, and an interrupted delivery is
/// never repeated.
/// </summary>
public sealed class NotificationSender(IServiceScopeFactory scopes, IMailTransport transport, TimeProvider time,
    IOptions<MailOptions> options, ILogger<NotificationSender> logger) : BackgroundService
{
    private MailOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.Enabled) return;
        using var timer = new PeriodicTimer(Options.PollInterval, time);
        do
        {
            try
            {
                while (await RunOnceAsync(stoppingToken) == Options.BatchSize)
                {
                    // A full batch: more may be due, go on without waiting.
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The notification sender failed; it will try again in {Interval}.", Options.PollInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: claims due messages and delivers them. Returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<NotificationOutbox>();
        var now = time.GetUtcNow().UtcDateTime;
        var abandoned = await outbox.AbandonInterruptedAsync(now, cancellationToken);
        if (abandoned > 0) logger.LogWarning("{Count} notification(s) interrupted mid-delivery marked failed (not resent).", abandoned);
        var claimed = await outbox.ClaimAsync(now, Options.BatchSize, Options.ClaimLease, cancellationToken);
        foreach (var notification in claimed)
        {
            string reply;
            try
            {
                reply = await transport.SendAsync(ToMessage(notification), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await outbox.RecordFailedAttemptAsync(notification, $"{e.GetType().Name}: {e.Message}", time.GetUtcNow().UtcDateTime,
                    Options.MaxAttempts, Options.FirstRetryDelay);
                // The notification id, never the address or the text: logs carry no personal data.
                logger.LogWarning("Notification {Id} not delivered (attempt {Attempt}): {Error}", notification.Id, notification.Attempts, e.GetType().Name);
                continue;
            }
            // Outside the try: a failure to record a sent message must never turn it into a retry.
            await outbox.RecordSentAsync(notification, reply, time.GetUtcNow().UtcDateTime);
        }
        return claimed.Count;
    }

    private MimeMessage ToMessage(Notification notification)
    {
        var message = new MimeMessage
        {
            Subject = notification.Subject,
            // Stable per notification: a receiving server or client can recognise a duplicate.
            MessageId = $"notification-{notification.Id}@{DomainOf(Options.From)}",
            Body = new TextPart("plain") { Text = notification.Body },
        };
        message.From.Add(new MailboxAddress(Options.FromName, Options.From ?? "notifications@clea.localhost"));
        message.To.Add(MailboxAddress.Parse(notification.Recipient!)); // claimed messages always have one (no address: failed at creation)
        return message;
    }

    private static string DomainOf(string? address)
        => address is not null && address.IndexOf('@', StringComparison.Ordinal) is var at and > 0 ? address[(at + 1)..] : "clea.localhost";
}

public static class NotificationRegistration
{
    /// <summary>The sender and its transport: SMTP when <c>Mail:Smtp:Host</c> is set, else the pickup folder.</summary>
    public static IServiceCollection AddCleaNotifications(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(MailOptions.Section);
        services.Configure<MailOptions>(section);
        var mail = section.Get<MailOptions>() ?? new MailOptions();
        if (!string.IsNullOrWhiteSpace(mail.Smtp.Host))
            services.AddSingleton<IMailTransport>(new SmtpMailTransport(mail.Smtp));
        else
        {
            var folder = mail.PickupDirectory ?? Path.Combine(environment.ContentRootPath, "data", "mail");
            services.AddSingleton<IMailTransport>(sp => new PickupDirectoryTransport(folder, sp.GetRequiredService<ILogger<PickupDirectoryTransport>>()));
        }
        services.AddSingleton<NotificationSender>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationSender>());
        return services;
    }
}
