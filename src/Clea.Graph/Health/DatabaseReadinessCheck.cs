using Clea.Data.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clea.Graph.Health;

/// <summary>
/// Ready to serve: the database answers, every migration of this build is applied, and the reference data (certifications,
/// regions, Instances) is loaded. Each failure says which, so an operator reading <c>/health/ready</c> knows what to fix.
/// </summary>
public sealed class DatabaseReadinessCheck(DatabaseReadiness database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await database.AnswersAsync(cancellationToken))
                return HealthCheckResult.Unhealthy("The database does not answer.");
            var pending = await database.PendingMigrationsAsync(cancellationToken);
            if (pending.Count > 0)
                return HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied.",
                    data: new Dictionary<string, object> { ["pendingMigrations"] = pending });
            var counts = await database.ReferenceDataAsync(cancellationToken);
            var data = new Dictionary<string, object>
            {
                ["certifications"] = counts.Certifications, ["regions"] = counts.Regions, ["instances"] = counts.Instances,
            };
            return counts.IsLoaded
                ? HealthCheckResult.Healthy("Database reachable, migrations applied, reference data loaded.", data)
                : HealthCheckResult.Unhealthy("Reference data is not loaded.", data: data);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Connection refused, server shutting down, timeout: not ready, and the reason without a stack trace.
            return HealthCheckResult.Unhealthy($"The database is unreachable: {e.GetType().Name}.");
        }
    }
}
