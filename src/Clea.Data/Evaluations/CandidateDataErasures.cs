using Clea.Data.Access;
using Clea.Data.Common;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Evaluations;

/// <summary>
/// An Instance orders the erasure of an organism's candidates' personal data for a certification whose habilitation has
/// ended (GDPR), for an organism within its scope. Saves once.
/// </summary>
public sealed class CandidateDataErasures(CleaDbContext db, TimeProvider time)
{
    public async Task<CandidateDataErasure> OrderAsync(Siren siren, CertificationCode certification, string? reason, ICurrentCaller caller, CancellationToken ct)
    {
        var organism = await db.Organisms.SingleOrDefaultAsync(o => o.Siren == siren, ct);
        var habilitations = organism is null ? [] : await db.Habilitations.AsNoTracking().Include(h => h.Suspensions)
            .Where(h => h.OrganismId == organism.Id).ToListAsync(ct);
        if (organism is null || !(await OrganismScope.OfAsync(caller, ct)).Sees(organism, habilitations))
            throw OrganismScope.Denied($"organism {siren}");
        var candidates = await db.Candidates.Include(c => c.Certificate).Where(c => c.OrganismId == organism.Id && c.Certification == certification && c.PersonalDataErasedOn == null)
            .ToListAsync(ct);
        var erasure = CandidateDataErasure.Order(organism, certification, time.Today(), habilitations, candidates, reason);
        db.CandidateDataErasures.Add(erasure);
        await db.SaveChangesAsync(ct);
        return erasure;
    }
}
