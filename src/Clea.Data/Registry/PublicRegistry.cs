using Clea.Data.Access;
using Clea.Data.Habilitations;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Registry;

/// <summary>
/// "Not public until habilitated": an organism enters the public registry with its first decided habilitation file
/// (accepted or refused: decisions are public, N/M §IV.5); before that — declared, imported, or with an application not
/// decided yet — anonymous callers and integrators cannot tell it exists (<c>organism</c>, <c>site</c>, <c>node</c> answer
/// null, the verification answers as for an unknown SIREN). Those whose scope covers it (<see cref="OrganismScope"/>: its
/// own staff, Certif Pro staff, administrators, a CPNE it filed with, its auditors) still see it. The public rule is
/// <see cref="Organism.Listed"/>, read in the same SQL statement as the organism.
/// </summary>
public sealed class PublicRegistry(CleaDbContext db, ICurrentCaller caller)
{
    private Task<OrganismScope>? _scope;

    /// <summary>The organism with this SIREN, or null when unknown or not visible to the caller.</summary>
    public async Task<Organism?> OrganismAsync(Siren siren, CancellationToken ct)
    {
        var row = await db.Organisms.AsNoTracking().Where(o => o.Siren == siren)
            // Organism.Listed, inlined: EF cannot call an expression inside a projection.
            .Select(o => new { Organism = o, Listed = o.Habilitations.Any(h => h.Outcome != DecisionOutcome.Pending) })
            .SingleOrDefaultAsync(ct);
        return row is not null && (row.Listed || await SeesUnlistedAsync(row.Organism, ct)) ? row.Organism : null;
    }

    /// <summary>The site with this SIRET, or null when unknown or its organism is not visible to the caller.</summary>
    public async Task<Site?> SiteAsync(Siret siret, CancellationToken ct)
    {
        var row = await db.Sites.AsNoTracking().Where(s => s.Siret == siret)
            .Select(s => new { Site = s, Listed = s.Organism.Habilitations.Any(h => h.Outcome != DecisionOutcome.Pending) })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        if (row.Listed || !caller.IsAuthenticated) return row.Listed ? row.Site : null;
        var organism = await db.Organisms.AsNoTracking().SingleAsync(o => o.Id == row.Site.OrganismId, ct);
        return await SeesUnlistedAsync(organism, ct) ? row.Site : null;
    }

    /// <summary>Whether the caller may see <paramref name="organism"/> (loaded elsewhere, e.g. by a batch loader).</summary>
    public async Task<bool> SeesAsync(Organism organism, CancellationToken ct)
        => await db.Organisms.Where(o => o.Id == organism.Id).Where(Organism.Listed).AnyAsync(ct)
           || await SeesUnlistedAsync(organism, ct);

    /// <summary>Whether the caller sees an organism the public registry does not show: its scope covers it.</summary>
    public async Task<bool> SeesUnlistedAsync(Organism organism, CancellationToken ct)
    {
        if (!caller.IsAuthenticated) return false;
        var scope = await (_scope ??= OrganismScope.OfAsync(caller, ct));
        var habilitations = scope.NeedsHabilitations
            ? await db.Habilitations.AsNoTracking().Where(h => h.OrganismId == organism.Id).ToListAsync(ct)
            : [];
        return scope.Sees(organism, habilitations);
    }

    /// <summary>
    /// The same test for a batch whose habilitations are at hand (the verification): the habilitations given are
    /// those loaded for the organism, enough for a CPNE's scope there.
    /// </summary>
    public async Task<Func<Organism, IEnumerable<Habilitation>, bool>> SeesUnlistedPredicateAsync(CancellationToken ct)
    {
        if (!caller.IsAuthenticated) return (_, _) => false;
        var scope = await (_scope ??= OrganismScope.OfAsync(caller, ct));
        return scope.Sees;
    }
}
