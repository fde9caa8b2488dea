using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Clea.Data.Persistence;

/// <summary>
/// PostgreSQL's retrying execution strategy, for reads only: a query that meets a transient failure (server restarting,
/// connection refused or dropped) is run again after a short pause, so a blip costs the caller a little latency instead
/// of a 503. Writes are excluded: a failure while <c>SaveChanges</c> runs (tracked changes pending) is never retried,
/// because a commit whose acknowledgement was lost may have succeeded and replaying it could insert twice; the caller
/// gets the 503 and retries with its own keys. Retries stay well inside the execution timeout (README "503 contract").
/// The one user-initiated transaction, the save of facts with the tables maintained from them (<c>CleaDbContext.SaveWithMaintainedTablesAsync</c>: dashboard ledgers, registry version),
/// runs inside <c>CreateExecutionStrategy().ExecuteAsync</c> as a retrying strategy requires, and accepts its changes
/// only after the commit, so a failed save still counts as writing here; OpenIddict's stores work with it (tested).
/// </summary>
public sealed class ReadRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : Npgsql.EntityFrameworkCore.PostgreSQL.NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, MaxDelay, errorCodesToAdd: null)
{
    /// <summary>Retries after the first failure (pauses 0, 1, 1, 1 s): a read rides out a blip of about 3 s, then gives up (503).</summary>
    public const int MaxRetries = 4;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    protected override bool ShouldRetryOn(Exception? exception)
        => base.ShouldRetryOn(exception) && !IsWriting(Dependencies.CurrentContext.Context);

    /// <summary>True while the context holds unsaved changes: the failing operation is (or precedes) a write.</summary>
    internal static bool IsWriting(DbContext context) => context.ChangeTracker.HasChanges();
}
