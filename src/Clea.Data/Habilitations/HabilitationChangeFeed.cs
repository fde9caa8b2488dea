using Clea.Data.Referentials;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Habilitations;

/// <summary>The habilitation change feed integrators follow, optionally for one certification; unpaged (paged by sequence).</summary>
public sealed class HabilitationChangeFeed(CleaDbContext db)
{
    public IQueryable<HabilitationChange> Changes(CertificationCode? certification)
    {
        var changes = db.HabilitationChanges.AsNoTracking();
        if (certification is { } code) changes = changes.Where(c => db.Habilitations.Any(h => h.Id == c.HabilitationId && h.Certification == code));
        return changes;
    }
}
