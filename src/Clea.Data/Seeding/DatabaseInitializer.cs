using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Clea.Data.Seeding;

/// <summary>
/// Brings a database to a usable state at start-up: migrations, reference data, then (when asked) demo data. Every
/// step is idempotent, so it runs at each start and on an empty database alike.
/// </summary>
public static partial class DatabaseInitializer
{
    // demoExtras: with demo data, further demo seeding run in the same no-notification block (the host's demo accounts
    // and the demo auditor's open audit), so nothing of the demo is e-mailed.
    public static async Task InitializeAsync(CleaDbContext db, SeedOptions options, TimeProvider time, ILogger logger,
        CancellationToken ct = default, Func<CancellationToken, Task>? demoExtras = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        LogMigrations(logger, pending.Count, db.Database.ProviderName);

        var reference = await ReferenceDataSeeder.SeedAsync(db, ct);
        if (reference.InsertedAnything)
            LogReferenceData(logger, reference.Certifications, reference.Regions, reference.Departments, reference.Instances);
        else
            LogReferenceDataPresent(logger);

        if (!options.Demo) return;
        DemoSeedResult demo;
        db.WritesNotifications = false;
        try
        {
            demo = await DemoDataSeeder.SeedAsync(db, time, options.DemoSeed, options.DemoOrganisms, options.DemoActivity, ct);
            if (demoExtras is not null) await demoExtras(ct);
        }
        finally
        {
            db.WritesNotifications = true;
        }
        if (demo.Skipped)
            LogDemoReused(logger);
        else
            LogDemoData(logger, demo.Organisms, demo.Sites, demo.Habilitations, demo.Candidates, demo.Evaluations, demo.Certificates,
                options.DemoSeed, demo.Elapsed.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Provider}): applied {Count} pending migration(s).")]
    private static partial void LogMigrations(ILogger logger, int count, string? provider);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Reference data inserted: {Certifications} certification(s), {Regions} region(s), {Departments} département(s), {Instances} instance(s).")]
    private static partial void LogReferenceData(ILogger logger, int certifications, int regions, int departments, int instances);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference data already present: nothing inserted.")]
    private static partial void LogReferenceDataPresent(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data already present: reused as it is.")]
    private static partial void LogDemoReused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo data generated: {Organisms} organisms, {Sites} sites, {Habilitations} habilitations, {Candidates} candidates, " +
            "{Evaluations} evaluations, {Certificates} certificates (seed {Seed}) in {ElapsedMs:F0} ms.")]
    private static partial void LogDemoData(ILogger logger, int organisms, int sites, int habilitations, int candidates, int evaluations,
        int certificates, int seed, double elapsedMs);
}
