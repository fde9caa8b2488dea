using System.Net;
using System.Text.Json;
using Clea.Data.Persistence;
using Clea.Data.Seeding;
using Clea.Graph.Health;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clea.Graph.Tests.Health;

[Collection(ApiCollection.Name)]
public sealed class HealthTests(ApiFixture fixture)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_started_node_is_live_and_ready_with_a_JSON_report(DatabaseProvider provider)
    {
        var api = await fixture.For(provider);

        using var live = await api.Client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", Json(await live.Content.ReadAsStringAsync()).GetProperty("status").GetString());

        using var ready = await api.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("application/json", ready.Content.Headers.ContentType?.MediaType);
        var database = Json(await ready.Content.ReadAsStringAsync()).GetProperty("checks").GetProperty("database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.Equal(3, database.GetProperty("data").GetProperty("certifications").GetInt32());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Readiness_names_pending_migrations_then_missing_reference_data(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var check = new DatabaseReadinessCheck(new DatabaseReadiness(db));
        // An empty SQLite file, not a missing one (that would be "does not answer").
        await db.Database.OpenConnectionAsync();
        await db.Database.CloseConnectionAsync();

        var empty = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, empty.Status);
        Assert.Contains("migration(s) not applied", empty.Description, StringComparison.Ordinal);

        await db.Database.MigrateAsync();
        var migrated = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, migrated.Status);
        Assert.Equal("Reference data is not loaded.", migrated.Description);

        await ReferenceDataSeeder.SeedAsync(db);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Fact]
    public async Task Readiness_goes_503_while_PostgreSQL_is_down_and_comes_back_with_it_while_liveness_stays_200()
    {
        using var server = PostgresServer.StartDedicated();
        await using var host = HostOn.Database(DatabaseProvider.Postgres, server.ConnectionString);
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        server.Stop();
        using (var down = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            var check = Json(await down.Content.ReadAsStringAsync()).GetProperty("checks").GetProperty("database");
            Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        server.Start();
        // Pooled connections died with the server: the first probe after the restart may still see one.
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 20 && status != HttpStatusCode.OK; attempt++)
        {
            if (attempt > 0) await Task.Delay(250);
            status = (await client.GetAsync("/health/ready")).StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, status);
    }

    private static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement.Clone();
}
