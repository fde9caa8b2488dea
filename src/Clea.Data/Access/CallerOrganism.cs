using Clea.Data.Common;
using Clea.Data.Registry;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Access;

/// <summary>Organism staff act on their own organism only: the one their token names, never one given as an argument.</summary>
public static class CallerOrganism
{
    /// <summary>
    /// The caller's organism, tracked with its sites and turnover, for an act of its people; refused for anyone but its
    /// staff, and for a blocked or merged registration (<see cref="Organism.EnsureMayAct"/>): every act loads it here.
    /// </summary>
    public static async Task<Organism> LoadTrackedAsync(CleaDbContext db, ICurrentCaller caller, CancellationToken ct)
    {
        if (caller.Siren is not { } siren)
            throw new DomainRuleException(AccessErrors.NotAuthorized, "Only the staff of an organism may do this, for their own organism.");
        var organism = await db.Organisms.Include(o => o.Sites).Include(o => o.Turnover).SingleOrDefaultAsync(o => o.Siren == siren, ct)
               ?? throw new DomainRuleException(AccessErrors.NotAuthorized, $"Organism {siren} is not in the registry.");
        organism.EnsureMayAct();
        return organism;
    }

    /// <summary>The id of the caller's organism, or null when the caller is none's staff or the organism is not registered.</summary>
    public static async Task<int?> IdAsync(CleaDbContext db, ICurrentCaller caller, CancellationToken ct)
    {
        if (caller.Siren is not { } siren) return null;
        return await db.Organisms.Where(o => o.Siren == siren).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
    }
}
