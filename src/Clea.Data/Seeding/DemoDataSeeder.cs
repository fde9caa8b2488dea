using Clea.Data.Common;
using Clea.Data.Instances;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Seeding;

/// <summary>What one run of <see cref="DemoDataSeeder"/> did.</summary>
public sealed record DemoSeedResult(bool Skipped, int Organisms, int Sites, int Habilitations, TimeSpan Elapsed);

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
        CancellationToken ct = default)
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

        var generated = Generate(seed, organisms, time.Today(), instances, departments);
        db.Organisms.AddRange(generated);
        await db.SaveChangesAsync(ct);
        return new DemoSeedResult(false, generated.Count, generated.Sum(o => o.Sites.Count),
            generated.Sum(o => o.Habilitations.Count), time.GetElapsedTime(started));
    }

    /// <summary>The demo organisms, in memory: same seed, same day and same reference data give the same result.</summary>
    internal static IReadOnlyList<Registry.Organism> Generate(int seed, int organisms, DateOnly today,
        IReadOnlyList<Instance> instances, IReadOnlyList<DemoDepartment> departments)
        => new DemoGenerator(seed, today, instances, departments).Generate(organisms);
}

internal sealed record DemoDepartment(string Code, string RegionCode);
