using System.Net;
using System.Text.Json;
using Clea.Auth.Demo;
using Clea.Data;
using Clea.Data.Persistence;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Graph.Tests.Habilitations;

/// <summary>The integrators' change feed: everything recorded after a cursor, oldest first.</summary>
public sealed class ChangeFeedTests
{
    private const string Feed = """
        query($after: String, $certification: CertificationCode) {
          habilitationChanges(first: 100, after: $after, certification: $certification) {
            totalCount pageInfo { hasNextPage endCursor }
            nodes { sequence kind effectiveOn habilitation { certification status organism { siren } } }
          }
        }
        """;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_integrator_reads_the_whole_feed_in_order_then_only_what_changed_since_its_cursor(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var token = (await api.ClientCredentialsAsync(DemoAccounts.IntegratorClientId, DemoAccounts.IntegratorClientSecret)).AccessToken!;

        var sequences = new List<long>();
        string? cursor = null;
        JsonElement page;
        do
        {
            var response = await api.PostAsAsync(token, Feed, new { after = cursor });
            Assert.False(response.HasErrors, response.Body);
            page = response.Data.GetProperty("habilitationChanges");
            sequences.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => long.Parse(n.GetProperty("sequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
            cursor = page.GetProperty("pageInfo").GetProperty("endCursor").GetString() ?? cursor;
        }
        while (page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(page.GetProperty("totalCount").GetInt32(), sequences.Count);
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());

        // Something happens: the Instance suspends an active habilitation.
        using (var scope = api.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CleaDbContext>();
            var siren = Siren.Parse(DemoFixtures.ActiveQualiopi);
            var habilitation = await db.Habilitations.Include(h => h.Suspensions).Include(h => h.Changes).SingleAsync(h => h.Organism.Siren == siren);
            habilitation.Suspend(new DateOnly(2026, 11, 24));
            await db.SaveChangesAsync();
        }

        var since = await api.PostAsAsync(token, Feed, new { after = cursor });
        var change = Assert.Single(since.Data.GetProperty("habilitationChanges").GetProperty("nodes").EnumerateArray());
        Assert.Equal("SUSPENDED", change.GetProperty("kind").GetString());
        Assert.Equal("2026-11-24", change.GetProperty("effectiveOn").GetString());
        Assert.Equal(DemoFixtures.ActiveQualiopi, change.GetProperty("habilitation").GetProperty("organism").GetProperty("siren").GetString());
        Assert.Equal("SUSPENDED", change.GetProperty("habilitation").GetProperty("status").GetString());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_feed_filters_by_certification_and_is_for_integrators_only(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var token = (await api.ClientCredentialsAsync(DemoAccounts.IntegratorClientId, DemoAccounts.IntegratorClientSecret)).AccessToken!;
        var socle = await api.PostAsAsync(token, Feed, new { certification = "CLEA_SOCLE" });
        var nodes = socle.Data.GetProperty("habilitationChanges").GetProperty("nodes").EnumerateArray().ToList();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, n => Assert.Equal("CLEA_SOCLE", n.GetProperty("habilitation").GetProperty("certification").GetString()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsync(Feed)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.AsAsync(DemoAccounts.Organism, Feed)).Status);
    }
}
