using Clea.Data;
using Clea.Data.Habilitations;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Registry;

/// <summary>The sites of organisms (all of them; callers filter open/closed in memory).</summary>
public sealed class SitesByOrganismLoader(CleaDbContext db) : BatchListLoader<int, Site>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<Site>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken ct)
        => Group(await db.Sites.AsNoTracking().Where(s => keys.Contains(s.OrganismId))
            .OrderByDescending(s => s.HeadOffice).ThenBy(s => s.Siret).ToListAsync(ct), s => s.OrganismId);
}

/// <summary>The habilitation files of organisms, with their suspensions.</summary>
/// <summary>An organism's declared turnover, batched: loaded only for <c>OrganismProfile.turnover</c>, never with the organism.</summary>
public sealed class TurnoverByOrganismLoader(CleaDbContext db) : BatchListLoader<int, AnnualTurnover>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<AnnualTurnover>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken ct)
        => Group(await db.Set<AnnualTurnover>().AsNoTracking().Where(t => keys.Contains(t.OrganismId)).OrderByDescending(t => t.Year).ToListAsync(ct),
            t => t.OrganismId);
}

public sealed class HabilitationsByOrganismLoader(CleaDbContext db) : BatchListLoader<int, Habilitation>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<Habilitation>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken ct)
        => Group(await db.Habilitations.AsNoTracking().Include(h => h.Suspensions).Where(h => keys.Contains(h.OrganismId))
            .OrderBy(h => h.Certification).ThenByDescending(h => h.FiledOn).ThenByDescending(h => h.Id).ToListAsync(ct), h => h.OrganismId);
}

public sealed class OrganismByIdLoader(CleaDbContext db) : BatchEntityLoader<int, Organism>
{
    protected override async Task<IReadOnlyDictionary<int, Organism?>> FetchAsync(IReadOnlyList<int> keys, CancellationToken ct)
        => await db.Organisms.AsNoTracking().Where(o => keys.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => (Organism?)o, ct);
}

public sealed class SiteByIdLoader(CleaDbContext db) : BatchEntityLoader<int, Site>
{
    protected override async Task<IReadOnlyDictionary<int, Site?>> FetchAsync(IReadOnlyList<int> keys, CancellationToken ct)
        => await db.Sites.AsNoTracking().Where(s => keys.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => (Site?)s, ct);
}

public sealed class HabilitationByIdLoader(CleaDbContext db) : BatchEntityLoader<int, Habilitation>
{
    protected override async Task<IReadOnlyDictionary<int, Habilitation?>> FetchAsync(IReadOnlyList<int> keys, CancellationToken ct)
        => await db.Habilitations.AsNoTracking().Include(h => h.Suspensions).Where(h => keys.Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, h => (Habilitation?)h, ct);
}

/// <summary>Organisms by SIREN (the caller's own organism, an organism named in an argument), batched.</summary>
public sealed class OrganismBySirenLoader(CleaDbContext db) : BatchEntityLoader<Siren, Organism>
{
    protected override async Task<IReadOnlyDictionary<Siren, Organism?>> FetchAsync(IReadOnlyList<Siren> keys, CancellationToken ct)
        => await db.Organisms.AsNoTracking().Where(o => keys.Contains(o.Siren)).ToDictionaryAsync(o => o.Siren, o => (Organism?)o, ct);
}
