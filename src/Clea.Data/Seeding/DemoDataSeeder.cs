using Clea.Data.Common;
using Clea.Data.Instances;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Seeding;

/// <summary>What one run of <see cref="DemoDataSeeder"/> did.</summary>
public sealed record DemoSeedResult(bool Skipped, int Organisms, int Sites, int Habilitations, TimeSpan Elapsed,
    int Candidates = 0, int Evaluations = 0, int Certificates = 0);

/// <summary>
/// Generates the demonstration registry: <see cref="DemoFixtures"/> plus random organisms spread over every
/// département, with habilitations in every status as of today. Deterministic for a given seed and day, and run only
/// while the database holds no demo organism, so a restart reuses the data (and an older demo keeps its dates).
/// </summary>
public static class DemoDataSeeder
{
    /// <summary>
    /// Inserts <paramref name="organisms"/> demo organisms (the <see cref="DemoFixtures"/> included) in one SaveChanges,
    /// dated relative to <paramref name="time"/>'s legal today; does nothing when a demo organism already exists.
    /// Needs the reference data (<see cref="ReferenceDataSeeder"/>).
    /// </summary>
    public static async Task<DemoSeedResult> SeedAsync(CleaDbContext db, TimeProvider time, int seed, int organisms,
        bool activity = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetTimestamp();
        if (await db.Organisms.AnyAsync(o => o.IsDemo, ct))
            return new DemoSeedResult(true, 0, 0, 0, time.GetElapsedTime(started));

        var instances = await db.Instances.ToListAsync(ct);
        var departments = await db.Departments.Select(d => new DemoDepartment(d.Code, d.RegionCode)).ToListAsync(ct);
        if (departments.Count == 0 || !instances.Any(i => i.Kind == InstanceKind.CertifPro))
            throw new InvalidOperationException("Demo data needs the reference data (départements, Certif Pro): run ReferenceDataSeeder first.");

        var today = time.Today();
        var generated = Generate(seed, organisms, today, instances, departments);
        db.Organisms.AddRange(generated);
        await db.SaveChangesAsync(ct);

        var (candidates, evaluations, certificates) = activity ? await SeedActivityAsync(db, seed, today, generated, ct) : (0, 0, 0);
        return new DemoSeedResult(false, generated.Count, generated.Sum(o => o.Sites.Count),
            generated.Sum(o => o.Habilitations.Count), time.GetElapsedTime(started), candidates, evaluations, certificates);
    }

    /// <summary>
    /// The candidates of the saved demo organisms and their paths (<see cref="DemoActivityGenerator"/>), in three saves
    /// because each step needs the ids of the one before (evaluators, candidates). The named certificate of
    /// <see cref="DemoFixtures.CertificateNumber"/> gets its documented number (numbers are otherwise random).
    /// </summary>
    private static async Task<(int Candidates, int Evaluations, int Certificates)> SeedActivityAsync(CleaDbContext db, int seed, DateOnly today,
        IReadOnlyList<Registry.Organism> organisms, CancellationToken ct)
    {
        var referentials = await db.Certifications.Include(c => c.Domains).ThenInclude(d => d.SubDomains).ToDictionaryAsync(c => c.Code, ct);
        var tariffs = await db.FeeTariffs.AsNoTracking().ToListAsync(ct);
        var regions = await db.Departments.AsNoTracking().Include(d => d.Region).ToDictionaryAsync(d => d.Code, d => d.Region, ct);
        var activity = new DemoActivityGenerator(new Random(seed + 1), today, referentials, tariffs, regions);
        db.Intervenants.AddRange(activity.DeclareTeams(organisms));
        await db.SaveChangesAsync(ct);
        var candidates = activity.RegisterCandidates();
        db.Candidates.AddRange(candidates);
        await db.SaveChangesAsync(ct);
        var fees = activity.RunPaths();
        db.FeeLines.AddRange(fees);
        db.ChangeTracker.DetectChanges();
        if (activity.NamedCertificate is { } named)
        {
            var fee = fees.Single(f => f.SourceKey == $"certificate:{named.Number}");
            db.Entry(fee).Property(f => f.SourceKey).CurrentValue = $"certificate:{DemoFixtures.CertificateNumber}";
            db.Entry(named).Property(c => c.Number).CurrentValue = DemoFixtures.CertificateNumber;
            db.Entry(named).Property(c => c.LastNameHash).CurrentValue =
                Evaluations.CertificateNumber.LastNameHash(DemoFixtures.CertificateNumber, DemoFixtures.CertificateHolderLastName);
        }
        await db.SaveChangesAsync(ct);
        return (candidates.Count, candidates.Sum(c => c.Evaluations.Count), candidates.Count(c => c.Certificate is not null));
    }

    /// <summary>The demo organisms, in memory: same seed, same day and same reference data give the same result.</summary>
    internal static IReadOnlyList<Registry.Organism> Generate(int seed, int organisms, DateOnly today,
        IReadOnlyList<Instance> instances, IReadOnlyList<DemoDepartment> departments)
        => new DemoGenerator(seed, today, instances, departments).Generate(organisms);
}

internal sealed record DemoDepartment(string Code, string RegionCode);
