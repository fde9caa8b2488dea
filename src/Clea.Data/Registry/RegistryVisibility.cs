using Clea.Data.Access;
using Clea.Data.Habilitations;

namespace Clea.Data.Registry;

/// <summary>
/// Which organisms the registry shows a caller. An organism is public once it holds an habilitation the registry shows
/// (a decided one: undecided applications are confidential, N/M §IV.5); until then — e.g. just declared — only the callers
/// whose scope covers it (<see cref="OrganismScope"/>: its own staff, Certif Pro staff, administrators, a CPNE it filed
/// with) see it. Others get the answer for an unknown SIREN or SIRET: `organism`, `site`, `verifyHabilitation` alike.
/// </summary>
public sealed class RegistryVisibility(ICurrentCaller caller, CleaDbContext db)
{
    /// <summary><paramref name="organisms"/> restricted to those shown to the caller, in the same SQL statement.</summary>
    public async Task<IQueryable<Organism>> ShownAsync(IQueryable<Organism> organisms, CancellationToken ct = default)
    {
        var inScope = (await OrganismScope.OfAsync(caller, ct)).VisibleOrganismIds(db);
        return inScope is null
            ? organisms
            : organisms.Where(o => o.Habilitations.Any(h => h.Outcome != DecisionOutcome.Pending) || inScope.Contains(o.Id));
    }

    /// <summary><paramref name="sites"/> restricted to those of organisms shown to the caller.</summary>
    public async Task<IQueryable<Site>> ShownAsync(IQueryable<Site> sites, CancellationToken ct = default)
    {
        var inScope = (await OrganismScope.OfAsync(caller, ct)).VisibleOrganismIds(db);
        if (inScope is null) return sites;
        var shown = db.Organisms.Where(o => o.Habilitations.Any(h => h.Outcome != DecisionOutcome.Pending) || inScope.Contains(o.Id)).Select(o => o.Id);
        return sites.Where(s => shown.Contains(s.OrganismId));
    }
}
