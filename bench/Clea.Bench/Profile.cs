using System.Data.Common;
using Clea.Data.Dashboard;
using Clea.Data.Persistence;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clea.Bench;

/// <summary><c>--profile</c>: one dashboard computation with each SQL statement and its duration, to see where time goes.</summary>
internal static class Profile
{
    public static async Task RunAsync(DatabaseProvider provider, int evaluations)
    {
        await using var database = await BenchDatabase.CreateAsync(provider, Environment.GetEnvironmentVariable("CLEA_BENCH_POSTGRES"));
        var today = Clea.Data.Common.LegalClock.Today(TimeProvider.System);
        int organismId;
        await using (var db = database.NewContext())
        {
            await DatabaseInitializer.InitializeAsync(db, new SeedOptions { Demo = true }, TimeProvider.System, NullLogger.Instance);
            organismId = (await db.Organisms.SingleAsync(o => o.Siren == Siren.Parse(DemoFixtures.RichDashboard))).Id;
            await VolumeGenerator.AddAsync(db, organismId, evaluations, today);
        }
        for (var run = 0; run < 6; run++)
        {
            await using var db = database.NewContext(new Timing());
            var started = System.Diagnostics.Stopwatch.StartNew();
            var activity = await OrganismActivityQuery.ComputeAsync(db, organismId, new ActivityFilter(ActivityPeriod.Create(today.AddYears(-3), today)));
            Console.WriteLine($"run {run}: {started.Elapsed.TotalMilliseconds:F0} ms — {activity.PriorEvaluations} prior, {activity.FinalEvaluations} final, {activity.Certified} certified");
        }
    }

    private sealed class Timing : DbCommandInterceptor
    {
        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            Console.WriteLine($"{eventData.Duration.TotalMilliseconds,8:F1} ms  {command.CommandText.ReplaceLineEndings(" ")}");
            return ValueTask.FromResult(result);
        }
    }
}
