using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Clea.Auth.Demo;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Hosting;
using Clea.Graph.Notifications;
using Clea.Graph.Tests.Habilitations;
using Clea.Graph.Tests.Notifications;
using Clea.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using netDumbster.smtp;

namespace Clea.Graph.Tests.Hosting;

/// <summary>
/// Two API nodes on one PostgreSQL database, as behind a load balancer: same configured certificates and issuer, one
/// Data Protection key ring (in the database). Tokens and refresh tokens cross nodes, the sweep runs on one node only,
/// and the notification sender never delivers a message twice.
/// </summary>
public sealed class TwoNodeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clea-nodes-").FullName;

    [Fact]
    public async Task Two_nodes_share_tokens_run_the_sweep_once_and_send_each_notification_once()
    {
        using var smtp = SimpleSmtpServer.Start(NotificationTests.FreePort());
        var settings = new Dictionary<string, string?>(NotificationTests.Smtp(smtp.Configuration.Port))
        {
            ["Identity:Issuer"] = "https://localhost/",
            ["Identity:SigningCertificatePath"] = Certificate("signing", X509KeyUsageFlags.DigitalSignature),
            ["Identity:EncryptionCertificatePath"] = Certificate("encryption", X509KeyUsageFlags.KeyEncipherment),
            ["Sweep:Enabled"] = "true",
            ["Sweep:Interval"] = "00:00:01",
            ["Mail:BatchSize"] = "1",
        };
        await using var a = await CleaApi.StartAsync(DatabaseProvider.Postgres, settings: settings);
        var b = HostOn.Database(DatabaseProvider.Postgres, a.ConnectionString, settings, services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(a.Clock);
        });
        try
        {
            using var clientB = b.CreateClient();

            // 1. An access token issued by A is accepted by B; a refresh token issued by A is redeemed on B.
            var signIn = await a.PasswordAsync(DemoAccounts.CertifPro, DemoAccounts.Password);
            Assert.NotNull(signIn.AccessToken);
            var onB = await PostAsync(clientB, signIn.AccessToken!, "{ notifications(first: 1) { totalCount } }");
            Assert.False(onB.TryGetProperty("errors", out var errors), errors.ToString());
            using (var refresh = await clientB.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
                   {
                       ["grant_type"] = "refresh_token", ["client_id"] = "demo-web", ["refresh_token"] = signIn.RefreshToken!,
                   })))
            {
                var body = await refresh.Content.ReadAsStringAsync();
                Assert.True(refresh.IsSuccessStatusCode, body);
                Assert.True(JsonDocument.Parse(body).RootElement.TryGetProperty("access_token", out _), body);
            }

            // 2. The sweep: exactly one node holds the lock; when it stops, the other takes over.
            var leaderA = a.Services.GetRequiredService<SweepLeadership>();
            var leaderB = b.Services.GetRequiredService<SweepLeadership>();
            await Eventually(() => leaderA.IsLeader || leaderB.IsLeader);
            await Task.Delay(1500); // a few more ticks on both nodes: the lock does not move while its holder lives
            Assert.True(leaderA.IsLeader ^ leaderB.IsLeader, $"A leads: {leaderA.IsLeader}, B leads: {leaderB.IsLeader}");

            // 3. Six notified acts, delivered by both nodes' senders racing one message at a time: each arrives once.
            await a.AsAsync(DemoAccounts.Organism, """mutation { updateOrganismContacts(mainContact: { name: "Anne Martin", email: "anne.martin@formationplus.fr" }) { siren } }""");
            var id = await a.HabilitationIdAsync(DemoFixtures.ActiveQualiopi);
            for (var i = 0; i < 3; i++)
            {
                // A day passes between a suspension and its lifting: sign in again each time (tokens last an hour).
                var token = (await a.PasswordAsync(DemoAccounts.CertifPro, DemoAccounts.Password)).AccessToken!;
                var suspended = await PostAsync(clientB, token, """mutation($id: ID!) { suspendHabilitation(id: $id, reason: "Audit") { status } }""", new { id });
                Assert.False(suspended.TryGetProperty("errors", out var e1), e1.ToString());
                a.Clock.Advance(TimeSpan.FromDays(1));
                token = (await a.PasswordAsync(DemoAccounts.CertifPro, DemoAccounts.Password)).AccessToken!;
                var lifted = await PostAsync(clientB, token, """mutation($id: ID!) { liftSuspension(id: $id, reason: "Mesures justifiées") { status } }""", new { id });
                Assert.False(lifted.TryGetProperty("errors", out var e2), e2.ToString());
            }
            var senderA = a.Services.GetRequiredService<NotificationSender>();
            var senderB = b.Services.GetRequiredService<NotificationSender>();
            int claimed;
            do
            {
                var runs = await Task.WhenAll(Task.Run(() => senderA.RunOnceAsync(CancellationToken.None)), Task.Run(() => senderB.RunOnceAsync(CancellationToken.None)));
                claimed = runs.Sum();
            }
            while (claimed > 0);
            Assert.Equal(6, smtp.ReceivedEmailCount);
            Assert.Equal(6, smtp.ReceivedEmail.Select(m => m.Headers["Message-ID"]).Distinct().Count());

            // The leader stops: the other node takes the sweep over at its next tick.
            var aLed = leaderA.IsLeader;
            var leader = (aLed ? a.Services : b.Services).GetServices<IHostedService>().OfType<HabilitationSweepService>().Single();
            await leader.StopAsync(CancellationToken.None);
            await Eventually(() => aLed ? leaderB.IsLeader : leaderA.IsLeader);
        }
        finally
        {
            await b.DisposeAsync();
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string token, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(100);
        Assert.True(condition());
    }

    /// <summary>A self-signed PKCS#12 file, as an operator would provision one for every node.</summary>
    private string Certificate(string name, X509KeyUsageFlags usage)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=CleaGraph {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        // Valid whatever day the test clock says.
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var path = Path.Combine(_folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
