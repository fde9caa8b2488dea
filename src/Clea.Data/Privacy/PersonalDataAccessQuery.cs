using Clea.Data.Access;
using Clea.Data.Registry;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Privacy;

/// <summary>Who read an organism's personal data: for callers who may see that organism (<see cref="OrganismScope.Sees"/>).</summary>
public sealed class PersonalDataAccessQuery(CleaDbContext db)
{
    /// <summary>The organism's access log, unpaged; refused (<see cref="AccessErrors.NotAuthorized"/>) outside the caller's scope.</summary>
    public async Task<IQueryable<PersonalDataAccess>> OfAsync(Siren siren, ICurrentCaller caller, CancellationToken ct)
    {
        var organism = await db.Organisms.AsNoTracking().SingleOrDefaultAsync(o => o.Siren == siren, ct);
        var files = organism is null ? [] : await db.Habilitations.AsNoTracking().Where(h => h.OrganismId == organism.Id).ToListAsync(ct);
        if (organism is null || !(await OrganismScope.OfAsync(caller, ct)).Sees(organism, files))
            throw OrganismScope.Denied($"the access log of organism {siren}");
        var organismId = organism.Id;
        return db.PersonalDataAccesses.AsNoTracking().Where(a => a.OrganismId == organismId);
    }
}
