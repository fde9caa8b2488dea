using Clea.Data;
using Clea.Data.Common;
using Clea.Data.Habilitations;
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
/// A failed run is logged and retried at the next interval.
/// </summary>
public sealed class HabilitationSweepService(IServiceScopeFactory scopes, TimeProvider time, IOptions<SweepOptions> options,
    ILogger<HabilitationSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var today = time.Today();
                var result = await HabilitationSweep.RunAsync(scope.ServiceProvider.GetRequiredService<CleaDbContext>(), today, stoppingToken);
                if (result.ChangedAnything)
                    logger.LogInformation("Sweep of {Today}: {Renewed} renewed, {Fees} site fees accrued, {Invoices} invoices issued",
                        today, result.Renewed, result.SiteFeesAccrued, result.InvoicesIssued);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The habilitation sweep failed; it will run again in {Interval}.", options.Value.Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
