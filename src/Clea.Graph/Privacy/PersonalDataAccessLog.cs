using Clea.Data;
using Clea.Data.Access;
using Clea.Data.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Privacy;

/// <summary>
/// Collects the personal-data reads of one request and writes them in one statement before the response leaves
/// (<see cref="FlushAsync"/> is called by the endpoint): the log never misses a read that was answered.
/// </summary>
public sealed class PersonalDataAccessLog(IDbContextFactory<CleaDbContext> contexts, TimeProvider time, ICurrentCaller caller)
{
    private readonly List<PersonalDataAccess> _pending = [];

    public void Record(int organismId, string what, int records)
    {
        var subject = caller.IsAuthenticated ? caller.Subject ?? "anonymous" : "anonymous";
        var role = caller.IsAuthenticated ? caller.RoleName ?? "anonymous" : "anonymous";
        lock (_pending)
        {
            if (_pending.Any(p => p.OrganismId == organismId && p.What == what)) return;
            _pending.Add(new PersonalDataAccess(time.GetUtcNow(), subject, role, organismId, what, records));
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        List<PersonalDataAccess> batch;
        lock (_pending)
        {
            if (_pending.Count == 0) return;
            batch = [.. _pending];
            _pending.Clear();
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.PersonalDataAccesses.AddRange(batch);
        await db.SaveChangesAsync(cancellationToken);
    }
}
