using Clea.Data.Access;
using Clea.Data.Common;
using Clea.Data.Habilitations;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Audits;

/// <summary>Loads the aggregates of this feature, tracked, with what their rules need; unknown ids answer with a stable code.</summary>
internal static class AuditLoading
{
    public static async Task<Audit> AuditAsync(CleaDbContext db, int id, CancellationToken ct)
        => await db.Audits.Include(a => a.Anomalies).Include(a => a.Habilitation).ThenInclude(h => h.Suspensions)
               .SingleOrDefaultAsync(a => a.Id == id, ct)
           ?? throw new DomainRuleException(AuditErrors.NotFound, $"No audit has id {id}.");

    public static async Task<ConformityProcedure> ProcedureAsync(CleaDbContext db, int id, CancellationToken ct)
        => await db.ConformityProcedures.Include(p => p.Notices).Include(p => p.Habilitation).ThenInclude(h => h.Suspensions)
               .SingleOrDefaultAsync(p => p.Id == id, ct)
           ?? throw new DomainRuleException(AuditErrors.ProcedureNotFound, $"No conformity procedure has id {id}.");

    public static async Task<Habilitation> HabilitationAsync(CleaDbContext db, int id, CancellationToken ct)
        => await db.Habilitations.Include(h => h.Suspensions).SingleOrDefaultAsync(h => h.Id == id, ct)
           ?? throw new DomainRuleException(HabilitationErrors.NotFound, $"No habilitation has id {id}.");

    /// <summary>An audit of the caller's own organism; another organism's answers as not found.</summary>
    public static async Task<Audit> OwnAuditAsync(CleaDbContext db, ICurrentCaller caller, int id, CancellationToken ct)
    {
        var audit = await AuditAsync(db, id, ct);
        return await AuditAccess.IsStaffOfAsync(db, caller, audit.OrganismId, ct) ? audit : throw new DomainRuleException(AuditErrors.NotFound, $"No audit of your organism has id {id}.");
    }
}
