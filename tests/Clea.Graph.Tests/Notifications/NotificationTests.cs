using System.Net;
using System.Net.Sockets;
using Clea.Auth.Demo;
using Clea.Data;
using Clea.Data.Notifications;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Notifications;
using Clea.Graph.Tests.Habilitations;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace Clea.Graph.Tests.Notifications;

/// <summary>The outbox: an act writes its notification in its own save; the sender delivers it by SMTP (netDumbster) once.</summary>
public sealed class NotificationTests
{
    private const string Suspend = """mutation($id: ID!) { suspendHabilitation(id: $id, reason: "Audit défavorable : évaluateurs non qualifiés") { status } }""";
    private const string List = """
        query($siren: String) { notifications(siren: $siren, first: 5) { totalCount nodes { id kind recipient subject status attempts smtpReply sentAt acknowledgedAt } } }
        """;

    internal static Dictionary<string, string?> Smtp(int port) => new()
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:From"] = "notifications@clea.example",
    };

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_suspension_is_e_mailed_once_in_French_then_listed_as_sent_and_acknowledged_by_the_organism(DatabaseProvider provider)
    {
        using var smtp = SimpleSmtpServer.Start(FreePort());
        await using var api = await CleaApi.StartAsync(provider, settings: Smtp(smtp.Configuration.Port));
        await api.AsAsync(DemoAccounts.Organism, """mutation { updateOrganismContacts(mainContact: { name: "Anne Martin", email: "anne.martin@formationplus.fr" }) { siren } }""");
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);
        var id = await api.HabilitationIdAsync(DemoFixtures.ActiveQualiopi);
        var suspended = await api.PostAsAsync(certifPro, Suspend, new { id });
        Assert.False(suspended.HasErrors, suspended.Body);

        // Written with the act, not yet sent.
        var pending = (await api.PostAsAsync(certifPro, List, new { siren = DemoFixtures.ActiveQualiopi })).Data.GetProperty("notifications");
        var notification = Assert.Single(pending.GetProperty("nodes").EnumerateArray());
        Assert.Equal("SUSPENDED", notification.GetProperty("kind").GetString());
        Assert.Equal("PENDING", notification.GetProperty("status").GetString());
        Assert.Equal("anne.martin@formationplus.fr", notification.GetProperty("recipient").GetString());

        var sender = api.Services.GetRequiredService<NotificationSender>();
        Assert.Equal(1, await sender.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await sender.RunOnceAsync(CancellationToken.None)); // nothing twice

        var mail = Assert.Single(smtp.ReceivedEmail);
        Assert.Equal("anne.martin@formationplus.fr", mail.ToAddresses.Single().Address);
        Assert.Equal("CléA — Suspension de votre habilitation", mail.Subject);
        var body = mail.MessageParts[0].BodyData;
        Assert.Contains("Formation Plus Lyon", body, StringComparison.Ordinal);
        Assert.Contains("Audit défavorable", body, StringComparison.Ordinal);

        var listed = await api.PostAsAsync(certifPro, List, new { siren = DemoFixtures.ActiveQualiopi });
        Assert.False(listed.HasErrors, listed.Body);
        var sent = Assert.Single(listed.Data.GetProperty("notifications").GetProperty("nodes").EnumerateArray());
        Assert.Equal("SENT", sent.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(sent.GetProperty("smtpReply").GetString())); // the server's reply to DATA, recorded

        const string Acknowledge = "mutation($id: ID!) { acknowledgeNotification(id: $id) { status acknowledgedAt } }";
        var acknowledged = await api.AsAsync(DemoAccounts.Organism, Acknowledge, new { id = sent.GetProperty("id").GetString() });
        Assert.True(acknowledged.Body.Contains("\"acknowledgedAt\":\"", StringComparison.Ordinal), acknowledged.Body);
        // Another organism's staff cannot acknowledge it (nor learn it exists).
        var other = await api.AsAsync(DemoAccounts.Organism2, Acknowledge, new { id = sent.GetProperty("id").GetString() });
        Assert.Equal(["NOTIFICATION_NOT_FOUND"], other.ErrorCodes);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_refusing_server_is_retried_with_growing_delays_then_the_message_is_marked_failed(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider, settings: new Dictionary<string, string?>(Smtp(FreePort())) { ["Mail:MaxAttempts"] = "2" });
        await api.AsAsync(DemoAccounts.Organism, """mutation { updateOrganismContacts(mainContact: { name: "Anne Martin", email: "anne.martin@formationplus.fr" }) { siren } }""");
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);
        await api.PostAsAsync(certifPro, Suspend, new { id = await api.HabilitationIdAsync(DemoFixtures.ActiveQualiopi) });
        var sender = api.Services.GetRequiredService<NotificationSender>();

        Assert.Equal(1, await sender.RunOnceAsync(CancellationToken.None)); // nobody listens on that port
        Notification row;
        await using (var scope = api.Services.CreateAsyncScope())
            row = await scope.ServiceProvider.GetRequiredService<CleaDbContext>().Notifications.AsNoTracking().SingleAsync();
        Assert.Equal((NotificationStatus.Pending, 1), (row.Status, row.Attempts));
        Assert.Equal(row.CreatedAt.AddMinutes(1), row.NextAttemptAt, TimeSpan.FromSeconds(5));
        Assert.Equal(0, await sender.RunOnceAsync(CancellationToken.None)); // not due before the delay

        api.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await sender.RunOnceAsync(CancellationToken.None));
        await using (var scope = api.Services.CreateAsyncScope())
            row = await scope.ServiceProvider.GetRequiredService<CleaDbContext>().Notifications.AsNoTracking().SingleAsync();
        Assert.Equal((NotificationStatus.Failed, 2), (row.Status, row.Attempts));
        Assert.NotNull(row.SmtpReply);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
