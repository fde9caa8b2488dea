using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Clea.Data;
using Clea.Data.Dashboard;
using Clea.Data.Persistence;
using Clea.Data.Registry;
using Clea.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clea.Bench;

/// <summary>
/// The organism dashboard (<see cref="OrganismActivityQuery"/>) on one organism holding <see cref="DefaultEvaluations"/>
/// evaluations (the demo plus <see cref="VolumeGenerator"/>'s bulk rows), on SQLite and, when
/// <c>CLEA_BENCH_POSTGRES</c> names a server, on PostgreSQL. Runs in process (short job: 3 warm-ups, 3 iterations).
/// </summary>
[Config(typeof(Config))]
public class ActivityBenchmark
{
    public const int DefaultEvaluations = 100_000;
    public const string EvaluationsVariable = "CLEA_BENCH_EVALUATIONS";
    private const string PostgresVariable = "CLEA_BENCH_POSTGRES";

    private BenchDatabase _database = null!;
    private int _organismId;
    private DateOnly _today;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }

    public static IEnumerable<DatabaseProvider> Providers()
    {
        yield return DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable))) yield return DatabaseProvider.Postgres;
    }

    [ParamsSource(nameof(Providers))]
    public DatabaseProvider Provider { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var evaluations = int.TryParse(Environment.GetEnvironmentVariable(EvaluationsVariable), out var n) ? n : DefaultEvaluations;
        _database = await BenchDatabase.CreateAsync(Provider, Environment.GetEnvironmentVariable(PostgresVariable));
        var clock = TimeProvider.System;
        _today = Clea.Data.Common.LegalClock.Today(clock);
        await using var db = _database.NewContext();
        var started = System.Diagnostics.Stopwatch.StartNew();
        await DatabaseInitializer.InitializeAsync(db, new SeedOptions { Demo = true }, clock, NullLogger.Instance);
        var organism = await db.Organisms.SingleAsync(o => o.Siren == Siren.Parse(DemoFixtures.RichDashboard));
        _organismId = organism.Id;
        var added = await VolumeGenerator.AddAsync(db, organism.Id, evaluations, _today);
        var total = await db.Evaluations.CountAsync(e => db.Candidates.Any(c => c.Id == e.CandidateId && c.OrganismId == organism.Id));
        Console.WriteLine($"// {Provider}: {total} evaluations of {DemoFixtures.RichDashboard} ({added} added in bulk) ready in {started.Elapsed.TotalSeconds:F1} s");
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _database.DisposeAsync();

    /// <summary>The renewal form's view: the last three years, every certification and site.</summary>
    [Benchmark]
    public async Task<OrganismActivity> ThreeYears()
    {
        await using var db = _database.NewContext();
        return await OrganismActivityQuery.ComputeAsync(db, _organismId, new ActivityFilter(ActivityPeriod.Create(_today.AddYears(-3), _today)));
    }

    /// <summary>A month's view, as a dashboard opens.</summary>
    [Benchmark]
    public async Task<OrganismActivity> LastMonth()
    {
        await using var db = _database.NewContext();
        return await OrganismActivityQuery.ComputeAsync(db, _organismId, new ActivityFilter(ActivityPeriod.Create(_today.AddMonths(-1), _today)));
    }
}
