using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Registry;

/// <summary>The public registry's reads: an organism by SIREN, a site by SIRET, and the search (unpaged; the caller pages).</summary>
public sealed class RegistryLookups(CleaDbContext db, RegistryVisibility visibility)
{
    /// <summary>Null when unknown, or not public and outside the caller's scope (<see cref="RegistryVisibility"/>).</summary>
    public async Task<Organism?> OrganismAsync(Siren siren, CancellationToken ct)
        => await (await visibility.ShownAsync(db.Organisms.AsNoTracking(), ct)).SingleOrDefaultAsync(o => o.Siren == siren, ct);

    public async Task<Site?> SiteAsync(Siret siret, CancellationToken ct)
        => await (await visibility.ShownAsync(db.Sites.AsNoTracking(), ct)).SingleOrDefaultAsync(s => s.Siret == siret, ct);

    /// <summary>Whether the registry shows the organism to the caller (<see cref="RegistryVisibility"/>), for <c>node(id:)</c>.</summary>
    public async Task<bool> IsShownAsync(int organismId, CancellationToken ct)
        => await (await visibility.ShownAsync(db.Organisms.AsNoTracking(), ct)).AnyAsync(o => o.Id == organismId, ct);

    public IQueryable<Organism> Search(OrganismSearch search) => search.Apply(db.Organisms.AsNoTracking(), db.Departments);
}
