using Clea.Data.Access;
using Clea.Data.Registry;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Situations;

/// <summary>Declared changes of situation of the organisms in the caller's scope, optionally late (or timely) ones, one organism's.</summary>
public sealed class SituationChangeList(CleaDbContext db)
{
    public async Task<IQueryable<SituationChange>> VisibleAsync(bool? late, Siren? siren, ICurrentCaller caller, CancellationToken ct)
    {
        var changes = db.SituationChanges.AsNoTracking();
        if ((await OrganismScope.OfAsync(caller, ct)).VisibleOrganismIds(db) is { } visible) changes = changes.Where(c => visible.Contains(c.OrganismId));
        if (late is { } isLate) changes = changes.Where(c => c.Late == isLate);
        if (siren is { } one) changes = changes.Where(c => c.Organism.Siren == one);
        return changes;
    }
}
