using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Registry;

/// <summary>The public registry's reads: an organism by SIREN, a site by SIRET, and the search (unpaged; the caller pages).</summary>
public sealed class RegistryLookups(CleaDbContext db)
{
    public Task<Organism?> OrganismAsync(Siren siren, CancellationToken ct) => db.Organisms.AsNoTracking().SingleOrDefaultAsync(o => o.Siren == siren, ct);

    public Task<Site?> SiteAsync(Siret siret, CancellationToken ct) => db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Siret == siret, ct);

    public IQueryable<Organism> Search(OrganismSearch search) => search.Apply(db.Organisms.AsNoTracking(), db.Departments);
}
