using Clea.Data.Habilitations;
using Clea.Data.Persistence;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Clea.Data.Tests.Seeding;

[Collection(SeededDatabaseCollection.Name)]
public sealed class DemoDataTests(SeededDatabases databases, ITestOutputHelper output)
{
    private static readonly DateOnly Today = SeededDatabases.Today;

    private static IReadOnlyList<Organism> Generate(int seed, DateOnly today)
    {
        var departments = ReferenceFiles.Regions()
            .SelectMany(r => r.Departments.Select(d => new DemoDepartment(d.Code, r.Code))).ToList();
        return DemoDataSeeder.Generate(seed, 320, today, ReferenceDataSeeder.DefaultInstances(), departments);
    }

    private static string Fingerprint(Organism o)
        => $"{o.Siren}|{o.Name}|{o.Qualiopi}|{o.DeclarationNumber}|"
            + string.Join(",", o.Sites.Select(s => $"{s.Siret}:{s.Address.Street}:{s.Address.PostalCode}:{s.OpenedOn}:{s.ClosedOn}"))
            + "|" + string.Join(",", o.Habilitations.Select(h => $"{h.Certification}:{h.Scope}:{h.FiledOn}:{h.ValidFrom}:{h.StatusOn(Today)}"));

    private async Task<CleaDbContext> SeededAsync(DatabaseProvider provider) => (await databases.For(provider)).NewContext();

    [Fact]
    public void The_same_seed_on_the_same_day_generates_the_same_organisms()
    {
        var first = Generate(SeededDatabases.Options.DemoSeed, Today).Select(Fingerprint).ToList();
        var second = Generate(SeededDatabases.Options.DemoSeed, Today).Select(Fingerprint).ToList();
        var otherSeed = Generate(SeededDatabases.Options.DemoSeed + 1, Today).Select(Fingerprint).ToList();

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void Demo_organisms_have_valid_identifiers_and_addresses_in_their_departement()
    {
        var organisms = Generate(SeededDatabases.Options.DemoSeed, Today);

        Assert.Equal(320, organisms.Count);
        Assert.Equal(organisms.Count, organisms.Select(o => o.Siren).Distinct().Count());
        Assert.All(organisms, o =>
        {
            Assert.True(o.IsDemo);
            Assert.True(Siren.TryParse(o.Siren.Value, out _, out _));
            Assert.InRange(o.Sites.Count, 1, 8);
            Assert.True(o.Sites.First().HeadOffice);
            Assert.Single(o.Sites, s => s.HeadOffice);
            Assert.Equal(Siret.Compose(o.Siren, 1), o.Sites.First().Siret);
            Assert.All(o.Sites, s => Assert.StartsWith(s.Address.DepartmentCode is "2A" or "2B" ? "20" : s.Address.DepartmentCode,
                s.Address.PostalCode, StringComparison.Ordinal));
            Assert.Equal(11, o.DeclarationNumber!.Length);
        });
        Assert.Contains(organisms, o => o.Name != Clea.Data.Common.SearchText.Normalize(o.Name) && o.Name.Any(c => c > 127));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_status_is_present_on_the_demo_day(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        var habilitations = await db.Habilitations.AsNoTracking().ToListAsync();
        var statuses = habilitations.Select(h => h.StatusOn(Today)).ToHashSet();

        Assert.All(Enum.GetValues<HabilitationStatus>(), s => Assert.Contains(s, statuses));
        Assert.Contains(habilitations, h => h.StatusOn(Today) == HabilitationStatus.Active && h.RenewedOn(Today));
        Assert.Contains(habilitations, h => h.StatusOn(Today) == HabilitationStatus.Expired && h.RenewedUntil is not null);
        Assert.Contains(habilitations, h => h.StatusOn(Today) == HabilitationStatus.Active && h.Suspensions.Count > 0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_demo_mixes_certifications_scopes_instances_and_qualiopi(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        var habilitations = await db.Habilitations.Include(h => h.Instance).AsNoTracking().ToListAsync();
        var organisms = await db.Organisms.AsNoTracking().ToListAsync();

        Assert.InRange(organisms.Count, 300, int.MaxValue);
        Assert.All(organisms, o => Assert.True(o.IsDemo));
        Assert.Equal(3, habilitations.Select(h => h.Certification).Distinct().Count());
        Assert.Equal(3, habilitations.Select(h => h.Scope).Distinct().Count());
        Assert.Contains(habilitations, h => h.Instance.Kind == Clea.Data.Instances.InstanceKind.Cpne && h.ProfessionalField is not null);
        Assert.Contains(organisms, o => o.Qualiopi);
        Assert.Contains(organisms, o => !o.Qualiopi);
        Assert.Contains(habilitations.GroupBy(h => h.OrganismId), g => g.Count() >= 2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_region_has_an_organism_with_an_open_site(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        var regions = await db.Regions.Select(r => r.Code).ToListAsync();
        var sites = await db.Sites.AsNoTracking().ToListAsync();
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.RegionCode);
        var regionsWithOpenSite = sites.Where(s => s.IsOpenOn(Today)).Select(s => departments[s.Address.DepartmentCode]).ToHashSet();

        Assert.Equal(18, regions.Count);
        Assert.All(regions, r => Assert.Contains(r, regionsWithOpenSite));
        Assert.Contains(sites, s => !s.IsOpenOn(Today));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Each_named_fixture_has_its_documented_status_on_the_demo_day(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        var sirens = DemoFixtures.All.Select(Siren.Parse).ToList();
        var fixtures = await db.Organisms.Include(o => o.Sites).Include(o => o.Habilitations).ThenInclude(h => h.Instance)
            .AsNoTracking().Where(o => sirens.Contains(o.Siren)).ToDictionaryAsync(o => o.Siren.Value);
        HabilitationStatus? StatusOf(string siren, DateOnly on) => fixtures[siren].Habilitations.Single().StatusOn(on);

        Assert.Equal(DemoFixtures.All.Count, fixtures.Count);
        Assert.All(fixtures.Values, o => Assert.Equal(CertificationCode.CleaNumerique, o.Habilitations.Single().Certification));
        Assert.Equal(HabilitationStatus.Active, StatusOf(DemoFixtures.ActiveQualiopi, Today));
        Assert.True(fixtures[DemoFixtures.ActiveQualiopi].Qualiopi);
        Assert.Equal(HabilitationScope.TrainAndEvaluate, fixtures[DemoFixtures.ActiveQualiopi].Habilitations.Single().Scope);
        Assert.Equal(Today.AddDays(-1), fixtures[DemoFixtures.ExpiredYesterday].Habilitations.Single().ValidUntil);
        Assert.Equal(HabilitationStatus.Expired, StatusOf(DemoFixtures.ExpiredYesterday, Today));
        Assert.Equal(HabilitationStatus.Active, StatusOf(DemoFixtures.ExpiredYesterday, Today.AddDays(-1)));
        Assert.Equal(Today, fixtures[DemoFixtures.ValidUntilToday].Habilitations.Single().ValidUntil);
        Assert.Equal(HabilitationStatus.Active, StatusOf(DemoFixtures.ValidUntilToday, Today));
        Assert.Equal(HabilitationStatus.Expired, StatusOf(DemoFixtures.ValidUntilToday, Today.AddDays(1)));
        Assert.Equal(HabilitationStatus.Suspended, StatusOf(DemoFixtures.Suspended, Today));
        Assert.Equal(HabilitationStatus.Withdrawn, StatusOf(DemoFixtures.Withdrawn, Today));
        Assert.Equal(HabilitationStatus.Renounced, StatusOf(DemoFixtures.Renounced, Today));
        Assert.Equal(HabilitationStatus.Refused, StatusOf(DemoFixtures.Refused, Today));
        Assert.Equal(HabilitationStatus.Pending, StatusOf(DemoFixtures.Pending, Today));
        Assert.Equal(HabilitationStatus.Active, StatusOf(DemoFixtures.Renewed, Today));
        Assert.True(fixtures[DemoFixtures.Renewed].Habilitations.Single().RenewedOn(Today));
        Assert.Equal(HabilitationStatus.Active, StatusOf(DemoFixtures.CpneScoped, Today));
        Assert.Equal("CPNE_METALLURGIE", fixtures[DemoFixtures.CpneScoped].Habilitations.Single().Instance.Code);
        Assert.Equal("Métallurgie", fixtures[DemoFixtures.CpneScoped].Habilitations.Single().ProfessionalField);
        Assert.Equal(HabilitationStatus.Active, StatusOf(DemoFixtures.NotQualiopi, Today));
        Assert.False(fixtures[DemoFixtures.NotQualiopi].Qualiopi);
        Assert.Equal(HabilitationStatus.Active, StatusOf(DemoFixtures.ClosedSite, Today));
        var closed = Assert.Single(fixtures[DemoFixtures.ClosedSite].Sites, s => !s.IsOpenOn(Today));
        Assert.Equal(DemoFixtures.ClosedSiteSiret, closed.Siret.Value);
        Assert.All(fixtures.Values.Where(o => o.Siren.Value != DemoFixtures.ClosedSite), o => Assert.True(o.Sites.Single().IsOpenOn(Today)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_sql_status_rules_agree_with_the_in_memory_rule_on_every_demo_habilitation(DatabaseProvider provider)
    {
        await using var db = await SeededAsync(provider);
        var habilitations = await db.Habilitations.AsNoTracking().ToListAsync();
        int[] offsets = [0, -1, 1, -30, 30, -365, 365, -1096, 1096, -2000, 2000, -3000, 3000];

        foreach (var date in offsets.Select(Today.AddDays))
        {
            foreach (var status in Enum.GetValues<HabilitationStatus>())
            {
                var inSql = await db.Habilitations.Where(HabilitationStatusRules.HasStatusOn(status, date)).Select(h => h.Id).ToListAsync();
                var inMemory = habilitations.Where(h => h.StatusOn(date) == status).Select(h => h.Id);
                Assert.True(inMemory.Order().SequenceEqual(inSql.Order()),
                    $"{status} on {date:yyyy-MM-dd}: SQL {inSql.Count} rows, in memory {inMemory.Count()}.");
            }
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Seeding_the_default_demo_inserts_every_demo_organism_and_reports_its_duration(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        await ReferenceDataSeeder.SeedAsync(db);

        var result = await DemoDataSeeder.SeedAsync(db, new FixedClock(), SeededDatabases.Options.DemoSeed, SeededDatabases.Options.DemoOrganisms);

        output.WriteLine($"{provider}: {result.Organisms} organisms, {result.Sites} sites, {result.Habilitations} habilitations in {result.Elapsed.TotalMilliseconds:F0} ms");
        Assert.False(result.Skipped);
        Assert.Equal(320, result.Organisms);
        // The duration is reported, not asserted: timings on a shared CI machine are not a test (see bench/).
        Assert.True(result.Elapsed > TimeSpan.Zero);
    }
}
