using Clea.Data;
using Clea.Data.Common;
using Clea.Data.Habilitations;
using Clea.Graph.Telemetry;
using Microsoft.Extensions.Options;

namespace Clea.Graph.Hosting;

/// <summary>Configuration of the background sweep (section <c>Sweep</c>).</summary>
public sealed class SweepOptions
{
    public const string Section = "Sweep";

    /// <summary>Runs the sweep in the background (on in appsettings.json; the test host turns it off).</summary>
    public bool Enabled { get; set; }

    /// <summary>Time between two runs (default one hour); the sweep is idempotent, so running often is harmless.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Runs <see cref="HabilitationSweep"/> as of today (the registered <see cref="TimeProvider"/>, so <c>Clock:Today</c> moves
/// it too) at start and then every <see cref="SweepOptions.Interval"/>, each run in its own scope as the system actor.
/// A failed run is logged and retried at the next interval. With several nodes on one PostgreSQL, only the node holding
/// the <see cref="SweepLeadership"/> lock runs it; the others skip their ticks until it goes away.
/// </summary>
public sealed class HabilitationSweepService(IServiceScopeFactory scopes, TimeProvider time, IOptions<SweepOptions> options,
    SweepLeadership leadership, ILogger<HabilitationSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                if (!await leadership.TryHoldAsync(stoppingToken))
                {
                    CleaTelemetry.SweepRuns.Add(1, new KeyValuePair<string, object?>("outcome", "skipped"));
                    continue;
                }
                await using var scope = scopes.CreateAsyncScope();
                var today = time.Today();
                var result = await HabilitationSweep.RunAsync(scope.ServiceProvider.GetRequiredService<CleaDbContext>(), today, stoppingToken);
                if (result.ChangedAnything)
                    logger.LogInformation("Sweep of {Today}: {Renewed} renewed, {Fees} site fees accrued, {Invoices} invoices issued",
                        today, result.Renewed, result.SiteFeesAccrued, result.InvoicesIssued);
                CleaTelemetry.SweepRuns.Add(1, new KeyValuePair<string, object?>("outcome", "completed"));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                CleaTelemetry.SweepRuns.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
                logger.LogError(e, "The habilitation sweep failed; it will run again in {Interval}.", options.Value.Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>A node stopping gracefully hands the sweep over at once instead of when its connection times out.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await leadership.ReleaseAsync();
    }
}
