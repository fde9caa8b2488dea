using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Clea.Graph.Notifications;

/// <summary>Delivers one message and returns the server's reply (kept on the notification); throws when refused.</summary>
public interface IMailTransport
{
    Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>SMTP through MailKit, one connection per message (notifications are few; no idle connection to keep alive).</summary>
public sealed class SmtpMailTransport(SmtpOptions options) : IMailTransport
{
    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(options.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.StartTls;
        await client.ConnectAsync(options.Host ?? "localhost", options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.User)) await client.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken);
        var reply = await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return reply;
    }
}

/// <summary>Development: each message becomes an .eml file in a folder (open it with any mail client); the path is logged.</summary>
public sealed class PickupDirectoryTransport(string folder, ILogger<PickupDirectoryTransport> logger) : IMailTransport
{
    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml");
        await message.WriteToAsync(path, cancellationToken);
        logger.LogInformation("Notification written to {Path}", path);
        return "Written to " + path;
    }
}
