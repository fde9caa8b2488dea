using Clea.Data.Instances;
using Clea.Data.Persistence;
using Clea.Data.Referentials;
using Clea.Data.Seeding;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clea.Data.Tests.Seeding;

public sealed class ReferenceDataTests
{
    private static async Task<TestDatabase> InitializedAsync(DatabaseProvider provider, bool demo = false)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await DatabaseInitializer.InitializeAsync(db, new SeedOptions { Demo = demo }, new FixedClock(), NullLogger.Instance);
        return database;
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_three_certifications_are_loaded_with_their_full_referentials(DatabaseProvider provider)
    {
        await using var database = await InitializedAsync(provider);
        await using var db = database.NewContext();
        var certifications = await db.Certifications.Include(c => c.Domains).ThenInclude(d => d.SubDomains).AsNoTracking()
            .ToDictionaryAsync(c => c.Code);

        Assert.Equal(3, certifications.Count);
        Assert.All(certifications.Values, c => Assert.Equal("1", c.ReferentialVersion));
        Assert.Equal(("RS7003", 7, 28), Shape(certifications[CertificationCode.CleaSocle]));
        Assert.Equal(("RS5616", 4, 10), Shape(certifications[CertificationCode.CleaNumerique]));
        Assert.Equal(("RS6269", 3, 17), Shape(certifications[CertificationCode.CleaManagement]));

        var management = SubDomains(certifications[CertificationCode.CleaManagement]);
        Assert.Equal(["1-7", "2-5", "2-6", "3-4"], management.Where(s => s.Transversal).Select(s => s.Code));
        Assert.All(management, s => Assert.NotEmpty(s.CertificationRequirements));
        // The convention gives no introductory phrase for these four: it stays null, never invented.
        Assert.Equal(["1-4", "1-6", "3-1", "3-3"], management.Where(s => s.CertificationLead is null).Select(s => s.Code));
        Assert.Equal("A partir d'une situation comme une prise de poste, le candidat sait :", management.Single(s => s.Code == "2-1").CertificationLead);

        var numerique = SubDomains(certifications[CertificationCode.CleaNumerique]);
        Assert.All(numerique, s =>
        {
            Assert.NotEmpty(s.Skills);
            Assert.False(string.IsNullOrWhiteSpace(s.EvaluationModality));
            Assert.NotEmpty(s.Criteria);
        });
        Assert.Equal(["1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3"], numerique.Select(s => s.Code));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Socle_sub_domains_whose_title_no_source_gives_keep_a_null_title(DatabaseProvider provider)
    {
        await using var database = await InitializedAsync(provider);
        await using var db = database.NewContext();
        var socle = await db.Certifications.Include(c => c.Domains).ThenInclude(d => d.SubDomains).AsNoTracking()
            .SingleAsync(c => c.Code == CertificationCode.CleaSocle);
        var subDomains = SubDomains(socle);

        Assert.Equal(["4.1", "4.2", "4.3", "4.4", "6.1", "6.2", "6.3"], subDomains.Where(s => s.Title is null).Select(s => s.Code));
        Assert.Equal("Écouter et comprendre", subDomains.Single(s => s.Code == "1.1").Title);
        Assert.All(subDomains, s => Assert.NotEmpty(s.Criteria));
        Assert.Equal(107, subDomains.Sum(s => s.Criteria.Count));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_18_regions_and_101_departements_are_loaded_each_departement_in_its_region(DatabaseProvider provider)
    {
        await using var database = await InitializedAsync(provider);
        await using var db = database.NewContext();
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code);

        Assert.Equal(18, regions.Count);
        Assert.Equal(13, regions.Keys.Count(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture) >= 11));
        Assert.Equal(101, departments.Count);
        Assert.All(departments.Values, d => Assert.Contains(d.RegionCode, regions.Keys));
        Assert.All(regions.Keys, r => Assert.Contains(departments.Values, d => d.RegionCode == r));
        Assert.Equal("Île-de-France", regions["11"]);
        Assert.Equal("Provence-Alpes-Côte d'Azur", regions["93"]);
        foreach (var (department, region) in new[]
        {
            ("2A", "94"), ("2B", "94"), ("971", "01"), ("972", "02"), ("973", "03"), ("974", "04"), ("976", "06"),
            ("90", "27"), ("58", "27"), ("44", "52"), ("85", "52"), ("59", "32"), ("02", "32"), ("08", "44"), ("88", "44"),
            ("36", "24"), ("28", "24"), ("27", "28"), ("61", "28"), ("23", "75"), ("64", "75"), ("48", "76"), ("09", "76"),
            ("03", "84"), ("43", "84"), ("04", "93"), ("84", "93"), ("56", "53"), ("95", "11"), ("77", "11"),
        })
            Assert.Equal(region, departments[department].RegionCode);
        Assert.Equal("Côte-d'Or", departments["21"].Name);
        Assert.Equal("La Réunion", departments["974"].Name);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Certif_pro_and_the_cpnes_are_loaded_each_cpne_with_its_professional_field(DatabaseProvider provider)
    {
        await using var database = await InitializedAsync(provider);
        await using var db = database.NewContext();
        var instances = await db.Instances.AsNoTracking().ToDictionaryAsync(i => i.Code);

        Assert.Equal(InstanceKind.CertifPro, instances["CERTIF_PRO"].Kind);
        Assert.Null(instances["CERTIF_PRO"].ProfessionalField);
        Assert.Equal("Métallurgie", instances["CPNE_METALLURGIE"].ProfessionalField);
        Assert.Equal("Propreté et services associés", instances["CPNE_PROPRETE"].ProfessionalField);
        Assert.All(instances.Values.Where(i => i.Kind == InstanceKind.Cpne), i => Assert.NotNull(i.ProfessionalField));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Initializing_a_second_time_inserts_nothing(DatabaseProvider provider)
    {
        await using var database = await InitializedAsync(provider, demo: true);
        var sql = new SqlCounter();
        await using var db = database.NewContext(sql);
        var saved = 0;
        db.SavedChanges += (_, e) => saved += e.EntitiesSavedCount;

        var reference = await ReferenceDataSeeder.SeedAsync(db);
        await DatabaseInitializer.InitializeAsync(db, new SeedOptions { Demo = true }, new FixedClock(), NullLogger.Instance);

        Assert.False(reference.InsertedAnything);
        Assert.Equal(0, saved);
        // The migrator's own lock row aside (EF Core takes it on every MigrateAsync), nothing is inserted.
        Assert.DoesNotContain(sql.Commands, c => c.Contains("INSERT", StringComparison.OrdinalIgnoreCase)
            && !c.Contains("__EFMigrationsLock", StringComparison.Ordinal));
        Assert.Equal(101, await db.Departments.CountAsync());
        Assert.Equal(SeededDatabases.Options.DemoOrganisms, await db.Organisms.CountAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reference_data_missing_from_a_database_is_added_without_touching_the_rest(DatabaseProvider provider)
    {
        await using var database = await InitializedAsync(provider);
        await using (var db = database.NewContext())
        {
            await db.Departments.Where(d => d.Code == "976").ExecuteDeleteAsync();
            await db.Regions.Where(r => r.Code == "06").ExecuteDeleteAsync();
            await db.Instances.Where(i => i.Code == "CPNE_PROPRETE").ExecuteDeleteAsync();
        }
        await using var again = database.NewContext();

        var result = await ReferenceDataSeeder.SeedAsync(again);

        Assert.Equal(new ReferenceSeedResult(0, 1, 1, 1), result);
        Assert.Equal("06", (await again.Departments.SingleAsync(d => d.Code == "976")).RegionCode);
    }

    private static (string, int, int) Shape(Certification c) => (c.RsCode, c.Domains.Count, c.Domains.Sum(d => d.SubDomains.Count));

    private static List<SubDomain> SubDomains(Certification c)
        => [.. c.Domains.OrderBy(d => d.Position).SelectMany(d => d.SubDomains.OrderBy(s => s.Position))];
}
