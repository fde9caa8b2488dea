using Clea.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clea.Graph.Health;

/// <summary>
/// Ready to serve: the database answers, every migration of this build is applied, and the reference data (certifications,
/// regions, Instances) is loaded. Each failure says which, so an operator reading <c>/health/ready</c> knows what to fix.
/// </summary>
public sealed class DatabaseReadinessCheck(CleaDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return HealthCheckResult.Unhealthy("The database does not answer.");
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
                return HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied.",
                    data: new Dictionary<string, object> { ["pendingMigrations"] = pending });
            var certifications = await db.Certifications.CountAsync(cancellationToken);
            var regions = await db.Regions.CountAsync(cancellationToken);
            var instances = await db.Instances.CountAsync(cancellationToken);
            var data = new Dictionary<string, object> { ["certifications"] = certifications, ["regions"] = regions, ["instances"] = instances };
            return certifications == 0 || regions == 0 || instances == 0
                ? HealthCheckResult.Unhealthy("Reference data is not loaded.", data: data)
                : HealthCheckResult.Healthy("Database reachable, migrations applied, reference data loaded.", data);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Connection refused, server shutting down, timeout: not ready, and the reason without a stack trace.
            return HealthCheckResult.Unhealthy($"The database is unreachable: {e.GetType().Name}.");
        }
    }
}
