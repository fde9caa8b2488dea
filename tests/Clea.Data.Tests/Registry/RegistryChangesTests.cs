using Clea.Data.Habilitations;
using Clea.Data.Referentials;
using Clea.Data.Persistence;
using Clea.Data.Registry;
using Clea.Data.Tests.Seeding;
using Clea.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Tests.Registry;

/// <summary>
/// The registry's maintained values (<see cref="RegistryChanges"/>): the organisms' earliest filings equal their
/// habilitations after the seed and after each filing and decision, the any-status search answers as a brute
/// force does on the filing day and the day before, and the registry version changes with the registry in the save's
/// transaction only. Both providers.
/// </summary>
[Collection(SeededDatabaseCollection.Name)]
public sealed class RegistryChangesTests(SeededDatabases databases)
{
    private static readonly DateOnly Today = SeededDatabases.Today;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_seeded_organism_s_earliest_filings_equal_its_habilitations(DatabaseProvider provider)
    {
        var database = await databases.For(provider);
        await using var db = database.NewContext();
        await AssertFirstFilingsEqualFactsAsync(db);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Filing_and_deciding_keep_the_any_status_search_equal_to_a_brute_force_on_the_filing_day_and_the_day_before(DatabaseProvider provider)
    {
        var template = await databases.For(provider);
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var database = await TestDatabase.CloneAsync(template);
        var filed = Today.AddDays(-20);
        int organismId;
        await using (var db = database.NewContext())
        {
            var organism = Organism.Register(Siren.Parse("100000009"), "Organisme Frontière", qualiopi: true);
            db.Organisms.Add(organism);
            await db.SaveChangesAsync();
            organismId = organism.Id;
            await AssertSearchAsync(db, organismId, filed, "registered, no habilitation");

            var instance = await db.Instances.FirstAsync(i => i.Kind == Instances.InstanceKind.CertifPro);
            db.Habilitations.Add(new Habilitation(organism, CertificationCode.CleaNumerique, instance, HabilitationScope.TrainAndEvaluate, filed));
            await db.SaveChangesAsync();
            await AssertSearchAsync(db, organismId, filed, "filed, pending");
        }
        await using (var db = database.NewContext())
        {
            var habilitation = await db.Habilitations.SingleAsync(h => h.OrganismId == organismId);
            habilitation.Refuse(filed.AddDays(5));
            await db.SaveChangesAsync();
            await AssertSearchAsync(db, organismId, filed, "pending → refused");

            var organism = await db.Organisms.SingleAsync(o => o.Id == organismId);
            var instance = await db.Instances.FirstAsync(i => i.Kind == Instances.InstanceKind.CertifPro);
            db.Habilitations.Add(new Habilitation(organism, CertificationCode.CleaSocle, instance, HabilitationScope.TrainAndEvaluate, filed.AddDays(-3)));
            await db.SaveChangesAsync();
            await AssertSearchAsync(db, organismId, filed.AddDays(-3), "an earlier pending file");
            await AssertSearchAsync(db, organismId, filed, "an earlier pending file");
            await AssertFirstFilingsEqualFactsAsync(db);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_registry_version_changes_with_the_registry_in_the_same_transaction_and_not_when_the_save_fails(DatabaseProvider provider)
    {
        var template = await databases.For(provider);
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var database = await TestDatabase.CloneAsync(template);
        await using var db = database.NewContext();
        var before = await VersionAsync(db);

        var organism = await db.Organisms.Include(o => o.Sites).FirstAsync(o => o.Sites.Any(s => s.ClosedOn == null && !s.HeadOffice));
        organism.Rename(organism.Name + " (renommé)");
        await db.SaveChangesAsync();
        var renamed = await VersionAsync(db);
        Assert.NotEqual(before, renamed);

        // A failing save (a duplicate SIREN) together with a registry change: nothing saved, the version unchanged.
        organism.Rename(organism.Name + " bis");
        db.Organisms.Add(Organism.Register(organism.Siren, "Doublon", qualiopi: false));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        await using (var fresh = database.NewContext())
        {
            Assert.Equal(renamed, await VersionAsync(fresh));
            Assert.EndsWith("(renommé)", (await fresh.Organisms.SingleAsync(o => o.Id == organism.Id)).Name, StringComparison.Ordinal);
        }
    }

    private static Task<long> VersionAsync(CleaDbContext db) => db.Set<RegistryStamp>().Select(s => s.Version).SingleAsync();

    /// <summary>The any-status search (public and not) on <paramref name="on"/> and the day before, against a brute force.</summary>
    private static async Task AssertSearchAsync(CleaDbContext db, int organismId, DateOnly on, string step)
    {
        var lookups = new RegistryLookups(db, new RegistryTotals(Microsoft.Extensions.Options.Options.Create(new RegistryTotalsOptions())));
        foreach (var day in new[] { on.AddDays(-1), on })
        foreach (var includeUndecided in new[] { true, false })
        {
            var search = new OrganismSearch { Status = null, On = day, IncludeUndecided = includeUndecided };
            var found = await lookups.Search(search).AnyAsync(o => o.Id == organismId);
            var expected = await db.Habilitations.AnyAsync(h => h.OrganismId == organismId && h.FiledOn <= day
                && (includeUndecided || h.Outcome != DecisionOutcome.Pending));
            Assert.True(expected == found, $"{step}: on {day}, undecided {includeUndecided}: expected {expected}");
        }
        await AssertFirstFilingsEqualFactsAsync(db, organismId);
    }

    private static async Task AssertFirstFilingsEqualFactsAsync(CleaDbContext db, int? organismId = null)
    {
        var organisms = await db.Organisms.AsNoTracking().Where(o => organismId == null || o.Id == organismId)
            .Select(o => new { o.Id, o.FirstFiledOn, o.FirstDecidedFiledOn }).ToListAsync();
        var habilitations = (await db.Habilitations.AsNoTracking().Where(h => organismId == null || h.OrganismId == organismId)
            .Select(h => new { h.OrganismId, h.FiledOn, h.Outcome }).ToListAsync()).ToLookup(h => h.OrganismId);
        foreach (var o in organisms)
        {
            var files = habilitations[o.Id].ToList();
            Assert.Equal(files.Count == 0 ? null : files.Min(h => h.FiledOn), o.FirstFiledOn);
            var decided = files.Where(h => h.Outcome != DecisionOutcome.Pending).ToList();
            Assert.Equal(decided.Count == 0 ? null : decided.Min(h => h.FiledOn), o.FirstDecidedFiledOn);
        }
    }
}
