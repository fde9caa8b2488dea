using Clea.Data.Referentials;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Habilitations;

/// <summary>The habilitation change feed integrators follow, optionally for one certification; unpaged (paged by sequence).</summary>
public sealed class HabilitationChangeFeed(CleaDbContext db)
{
    public IQueryable<HabilitationChange> Changes(CertificationCode? certification)
    {
        // Filing is confidential (N/M §IV.5): the feed starts at the decision.
        var changes = db.HabilitationChanges.AsNoTracking().Where(c => c.Kind != HabilitationChangeKind.Filed);
        if (certification is { } code) changes = changes.Where(c => db.Habilitations.Any(h => h.Id == c.HabilitationId && h.Certification == code));
        return changes;
    }
}
