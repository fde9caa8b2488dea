using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Registry;

/// <summary>The public registry's reads: an organism by SIREN, a site by SIRET, and the search (unpaged; the caller pages).</summary>
public sealed class RegistryLookups(CleaDbContext db, RegistryTotals totals)
{
    public Task<Organism?> OrganismAsync(Siren siren, CancellationToken ct) => db.Organisms.AsNoTracking().SingleOrDefaultAsync(o => o.Siren == siren, ct);

    public Task<Site?> SiteAsync(Siret siret, CancellationToken ct) => db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Siret == siret, ct);

    public IQueryable<Organism> Search(OrganismSearch search) => search.Apply(db.Organisms.AsNoTracking(), db.Departments);

    /// <summary>The registry's version, for a caller to read in the same statement as its page (a scalar subquery).</summary>
    public IQueryable<long?> Version => db.Set<RegistryStamp>().Select(s => (long?)s.Version);

    /// <summary>
    /// How many organisms match <paramref name="search"/>: from <see cref="RegistryTotals"/> when counted at
    /// <paramref name="versionSeen"/> (the version read with the page; null: read it here), else counted in SQL together
    /// with the version, in one statement (one snapshot), and kept under that version.
    /// </summary>
    public async Task<int> TotalAsync(OrganismSearch search, long? versionSeen, CancellationToken ct)
    {
        versionSeen ??= await Version.FirstOrDefaultAsync(ct);
        if (versionSeen is { } seen && totals.TryGet(search, seen, out var cached)) return cached;
        var matching = Search(search);
        var counted = await db.Set<RegistryStamp>().Select(s => new { s.Version, Total = matching.Count() }).FirstOrDefaultAsync(ct);
        if (counted is null) return await matching.CountAsync(ct); // no stamp row: nothing to key a cache entry by
        totals.Set(search, counted.Version, counted.Total);
        return counted.Total;
    }
}
