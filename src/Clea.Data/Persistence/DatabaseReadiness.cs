using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Persistence;

/// <summary>What a node needs of its database before it serves, asked in order by the readiness probe: the database
/// answers, this build's migrations are applied, the reference data is loaded.</summary>
public sealed class DatabaseReadiness(CleaDbContext db)
{
    public Task<bool> AnswersAsync(CancellationToken cancellationToken) => db.Database.CanConnectAsync(cancellationToken);

    /// <summary>The migrations of this build not yet applied, oldest first.</summary>
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken)
        => (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();

    /// <summary>Counts the reference data; only meaningful once the migrations are applied (before, the tables are missing).</summary>
    public async Task<ReferenceDataCounts> ReferenceDataAsync(CancellationToken cancellationToken)
        => new(await db.Certifications.CountAsync(cancellationToken), await db.Regions.CountAsync(cancellationToken),
            await db.Instances.CountAsync(cancellationToken));
}

public sealed record ReferenceDataCounts(int Certifications, int Regions, int Instances)
{
    public bool IsLoaded => Certifications > 0 && Regions > 0 && Instances > 0;
}
