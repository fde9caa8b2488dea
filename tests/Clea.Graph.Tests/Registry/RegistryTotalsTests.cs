using Clea.Auth.Demo;
using Clea.Data;
using Clea.Data.Habilitations;
using Clea.Data.Persistence;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Clea.Graph.Tests.Habilitations;
using Clea.Graph.Tests.Support;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clea.Graph.Tests.Registry;

/// <summary>
/// The shared search totals (<see cref="RegistryTotals"/>): a total is reused while the registry is unchanged (no COUNT
/// statement), and after each change — a suspension, a correction, a site closing, a new organism, a decision — the next total equals a
/// brute-force count; the public and the callers who see undecided files never share a total. Both providers.
/// </summary>
public sealed class RegistryTotalsTests
{
    private const string Region = "84"; // Auvergne-Rhône-Alpes: DemoFixtures.ActiveQualiopi is in the Rhône
    private const string Total = "query($r: String, $any: Boolean) { organisms(where: { region: $r, anyStatus: $any }, first: 5) { totalCount } }";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_total_is_reused_until_the_registry_changes_and_is_then_recounted_exactly(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);

        var first = await TotalAsync(api, Region, anyStatus: false);
        Assert.Contains(api.Sql.Commands, c => c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(await BruteForceAsync(api, Region, anyStatus: false, includeUndecided: false), first);
        var again = await TotalAsync(api, Region, anyStatus: false);
        Assert.Equal(first, again);
        Assert.DoesNotContain(api.Sql.Commands, c => c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, api.Sql.Count); // the page with the registry version; the total from the cache

        // A suspension (mutation): the organism leaves the region's active organisms unless another habilitation holds.
        var rhone = await BruteForceAsync(api, Region, anyStatus: false, includeUndecided: false);
        var suspended = await api.PostAsAsync(certifPro, """mutation($id: ID!) { suspendHabilitation(id: $id, reason: "Audit défavorable") { status } }""",
            new { id = await api.HabilitationIdAsync(DemoFixtures.ActiveQualiopi) });
        Assert.False(suspended.HasErrors, suspended.Body);
        var afterSuspension = await AssertRecountedAsync(api, "after a suspension");
        Assert.True(afterSuspension <= rhone);

        // A correction (mutation): the suspension in fact starts in three days, so the organism is active today again.
        var corrected = await api.PostAsAsync(certifPro,
            "mutation($id: ID!, $date: Date) { correctHabilitation(id: $id, kind: SUSPENSION_START, date: $date, reason: \"Date de l'audit mal saisie\") { validUntil } }",
            new { id = await api.HabilitationIdAsync(DemoFixtures.ActiveQualiopi), date = api.Today().AddDays(3).ToString("yyyy-MM-dd") });
        Assert.False(corrected.HasErrors, corrected.Body);
        Assert.Equal(rhone, await AssertRecountedAsync(api, "after a correction"));

        // A site closing (mutation, by the organism): its only site, in the Loiret, takes it out of its region.
        var siret = (await api.QueryAsync("query($s: String!) { organism(siren: $s) { sites { siret } } }", new { s = DemoFixtures.NotQualiopi }))
            .GetProperty("organism").GetProperty("sites")[0].GetProperty("siret").GetString();
        var centre = await AssertRecountedAsync(api, "Centre-Val de Loire", "24");
        var closed = await api.PostAsAsync(await api.TokenForAsync(DemoAccounts.Organism2), "mutation($s: String!) { closeSite(siret: $s) { closedOn } }", new { s = siret });
        Assert.False(closed.HasErrors, closed.Body);
        Assert.Equal(centre - 1, await AssertRecountedAsync(api, "after a site closing", "24"));

        // A new organism of the region with an accepted habilitation (the application flow's result): one more.
        var before = await TotalAsync(api, Region, anyStatus: false);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CleaDbContext>();
            var organism = Organism.Register(Siren.Parse("100000017"), "Nouvel Organisme Rhône", qualiopi: true);
            organism.AddSite(Siret.Compose(organism.Siren, 1), "Siège", Address.Create("1 rue Neuve", "69003", "Lyon", "69"), api.Today().AddDays(-30), headOffice: true);
            db.Organisms.Add(organism);
            await db.SaveChangesAsync();
        }
        await api.AcceptedHabilitationAsync("100000017", CertificationCode.CleaNumerique, api.Today().AddDays(-20), api.Today().AddDays(-10), api.Today().AddDays(-9));
        Assert.Equal(before + 1, await AssertRecountedAsync(api, "after a new organism and its acceptance"));

        // A decision on the pending fixture: it enters the public any-status registry.
        var publicBefore = await TotalAsync(api, null, anyStatus: true);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CleaDbContext>();
            var pending = await db.Habilitations.FirstAsync(h => h.Organism.Siren == Siren.Parse(DemoFixtures.Pending) && h.Outcome == DecisionOutcome.Pending);
            pending.Refuse(api.Today().AddDays(-1));
            await db.SaveChangesAsync();
        }
        var publicAfter = await TotalAsync(api, null, anyStatus: true);
        Assert.Equal(publicBefore + 1, publicAfter);
        Assert.Equal(await BruteForceAsync(api, null, anyStatus: true, includeUndecided: false), publicAfter);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Callers_who_see_undecided_files_never_share_a_total_with_the_public(DatabaseProvider provider)
    {
        await using var api = await CleaApi.StartAsync(provider);
        var certifPro = await api.TokenForAsync(DemoAccounts.CertifPro);
        var publicCount = await BruteForceAsync(api, null, anyStatus: true, includeUndecided: false);
        var staffCount = await BruteForceAsync(api, null, anyStatus: true, includeUndecided: true);
        Assert.True(staffCount > publicCount, "the demo has undecided files");
        foreach (var round in new[] { 1, 2 })
        {
            var staff = await api.PostAsAsync(certifPro, Total, new { r = (string?)null, any = true });
            Assert.Equal(staffCount, staff.Data.GetProperty("organisms").GetProperty("totalCount").GetInt32());
            Assert.Equal(publicCount, await TotalAsync(api, null, anyStatus: true));
        }
    }

    private static async Task<int> TotalAsync(CleaApi api, string? region, bool anyStatus)
    {
        api.Sql.Reset();
        var data = await api.QueryAsync(Total, new { r = region, any = anyStatus });
        return data.GetProperty("organisms").GetProperty("totalCount").GetInt32();
    }

    /// <summary>The region total counted afresh (a COUNT statement) and equal to the brute force; then reused.</summary>
    private static async Task<int> AssertRecountedAsync(CleaApi api, string step, string region = Region)
    {
        var total = await TotalAsync(api, region, anyStatus: false);
        Assert.True(api.Sql.Commands.Any(c => c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase)), $"{step}: the total was not recounted");
        Assert.True(await BruteForceAsync(api, region, anyStatus: false, includeUndecided: false) == total, $"{step}: {total} is not the brute force");
        Assert.Equal(total, await TotalAsync(api, region, anyStatus: false));
        return total;
    }

    /// <summary>The search counted in memory with the domain's own rules (open sites, status on the day).</summary>
    private static async Task<int> BruteForceAsync(CleaApi api, string? region, bool anyStatus, bool includeUndecided)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CleaDbContext>();
        var today = api.Today();
        var regions = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.RegionCode);
        var organisms = await db.Organisms.AsNoTracking().Include(o => o.Sites)
            .Include(o => o.Habilitations).ThenInclude(h => h.Suspensions)
            .Include(o => o.Habilitations).ThenInclude(h => h.Corrections).AsSplitQuery().ToListAsync();
        return organisms.Count(o =>
            (region is null || o.Sites.Any(s => s.IsOpenOn(today) && regions[s.Address.DepartmentCode] == region))
            && o.Habilitations.Any(h => (includeUndecided || h.Outcome != DecisionOutcome.Pending)
                && (anyStatus ? h.FiledOn <= today : h.StatusOn(today) == HabilitationStatus.Active)));
    }
}
