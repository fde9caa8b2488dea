using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clea.Auth.Demo;
using Clea.Graph.Http;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Clea.Graph.Tests.Hosting;

/// <summary>
/// Issue 15, finding 6: PostgreSQL stops mid-traffic and comes back. Meanwhile every answer is 200 or a 503 with
/// Retry-After and SERVICE_UNAVAILABLE (never a 500), for GraphQL and /connect/token; afterwards the API answers again
/// without a restart (reference data never keeps a failed load). Runs on a dedicated server so the shared one stays up.
/// </summary>
public sealed class DatabaseOutageTests
{
    private const string Regions = "{ regions { code } }";
    private const string Registry = "query($s: String) { organisms(first: 2, where: { search: $s, anyStatus: true }) { totalCount nodes { siren } } }";

    [Fact]
    public async Task The_api_answers_503_during_a_PostgreSQL_outage_and_recovers_without_a_restart()
    {
        using var server = PostgresServer.StartDedicated();
        var connection = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "clea_outage", Timeout = 3 }.ToString();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("Database:Provider", "Postgres");
            web.UseSetting("Database:ConnectionString", connection);
            web.UseSetting("Seed:Demo", "true");
            web.UseSetting("Seed:DemoOrganisms", "15");
            web.UseSetting("Seed:DemoActivity", "false");
            web.UseSetting("Sweep:Enabled", "false");
            web.UseSetting("RateLimits:AnonymousPerMinute", "1000000");
            web.UseSetting("RateLimits:IntegratorPerMinute", "1000000");
        });
        factory.ClientOptions.BaseAddress = CleaApi.BaseAddress;
        using var client = factory.CreateClient();

        // Down before anything was read: the reference data's first load fails.
        server.Stop();
        await AssertUnavailableAsync(await GraphQLAsync(client, Regions));
        await AssertUnavailableAsync(await TokenAsync(client));

        server.Start();
        await AssertRecoversAsync(client);

        // A blip shorter than the read retries (ReadRetryingExecutionStrategy): a read sent while the server is down
        // waits and answers 200 once it is back, instead of a 503.
        server.Stop();
        var blipClock = System.Diagnostics.Stopwatch.StartNew();
        var duringBlip = Task.Run(() => GraphQLAsync(client, Registry, new { s = "formation" }));
        await Task.Delay(300);
        server.Start();
        using (var blip = await duringBlip)
        {
            var body = await blip.Content.ReadAsStringAsync();
            Assert.True(blip.StatusCode == HttpStatusCode.OK && !body.Contains("\"errors\"", StringComparison.Ordinal), $"{blip.StatusCode}: {body}");
            Assert.True(blipClock.Elapsed >= TimeSpan.FromMilliseconds(300), "answered before the server was back: no retry happened");
        }

        // Down mid-traffic: requests in flight and after answer 200 or 503, never 500.
        using var traffic = new CancellationTokenSource();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<(HttpStatusCode Status, string Body)>();
        var load = Task.Run(async () =>
        {
            while (!traffic.IsCancellationRequested)
            {
                foreach (var response in new[] { await GraphQLAsync(client, Registry, new { s = "formation" }), await TokenAsync(client) })
                    statuses.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
            }
        });
        await Task.Delay(500);
        server.Stop();
        await Task.Delay(1500);
        server.Start();
        await Task.Delay(500);
        await traffic.CancelAsync();
        await load;

        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.True(s.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{s.Status}: {s.Body}"));
        Assert.All(statuses.Where(s => s.Status == HttpStatusCode.ServiceUnavailable), s => Assert.Contains(HttpErrors.ServiceUnavailable, s.Body));
        await AssertRecoversAsync(client);
    }

    private static async Task AssertRecoversAsync(HttpClient client)
    {
        // Within seconds: the first requests may still meet connections the restart broke.
        for (var attempt = 0; ; attempt++)
        {
            var regions = await GraphQLAsync(client, Regions);
            var registry = await GraphQLAsync(client, Registry, new { s = "formation" });
            var token = await TokenAsync(client);
            if (regions.IsSuccessStatusCode && registry.IsSuccessStatusCode && token.IsSuccessStatusCode)
            {
                using var body = JsonDocument.Parse(await registry.Content.ReadAsStringAsync());
                Assert.False(body.RootElement.TryGetProperty("errors", out _), body.RootElement.GetRawText());
                Assert.Equal(18, JsonDocument.Parse(await regions.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("regions").GetArrayLength());
                return;
            }
            Assert.True(attempt < 20, $"not recovered: {regions.StatusCode} {await regions.Content.ReadAsStringAsync()} / {token.StatusCode} {await token.Content.ReadAsStringAsync()}");
            await Task.Delay(500);
        }
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.StatusCode}: {body}");
        Assert.Equal(TimeSpan.FromSeconds(TransientFailures.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.Contains(HttpErrors.ServiceUnavailable, body);
        Assert.DoesNotContain("   at ", body);
    }

    private static Task<HttpResponseMessage> GraphQLAsync(HttpClient client, string query, object? variables = null)
    {
        var content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", CleaApi.GraphQLMediaType);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client)
        => client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = DemoAccounts.IntegratorClientId,
            ["client_secret"] = DemoAccounts.IntegratorClientSecret,
        }));
}
