using Clea.Data;
using Clea.Data.Dashboard;
using Clea.Graph.Common;

namespace Clea.Graph.Dashboard;

/// <summary>The activity asked of one organism under one filter.</summary>
public readonly record struct ActivityRequest(int OrganismId, ActivityFilter Filter);

/// <summary>
/// Batches the <c>activity</c> of every organism of a request: organisms asked with the same filter share the same two
/// aggregate statements (<see cref="OrganismActivityQuery"/>), so a page of organisms costs what one organism costs.
/// </summary>
public sealed class OrganismActivityLoader(CleaDbContext db) : BatchEntityLoader<ActivityRequest, OrganismActivity>
{
    protected override async Task<IReadOnlyDictionary<ActivityRequest, OrganismActivity?>> FetchAsync(IReadOnlyList<ActivityRequest> keys,
        CancellationToken cancellationToken)
    {
        var results = new Dictionary<ActivityRequest, OrganismActivity?>();
        foreach (var group in keys.GroupBy(k => k.Filter))
        {
            var activities = await OrganismActivityQuery.ComputeAsync(db, group.Select(k => k.OrganismId).ToList(), group.Key, cancellationToken);
            foreach (var key in group) results[key] = activities[key.OrganismId];
        }
        return results;
    }
}
