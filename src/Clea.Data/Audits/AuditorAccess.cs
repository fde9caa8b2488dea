using Clea.Data.Common;
using Clea.Data.Registry;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Audits;

/// <summary>
/// The one rule of the auditor's access (§V.1, issue 12): an auditor reads an organism's evidence only through an open
/// audit assigned to them, from its opening until the report is final. The caller implementation asks it for an
/// auditor's audited organisms (<see cref="Access.ICurrentCaller.AuditedSirens"/>), whatever the token says.
/// </summary>
public sealed class AuditorAccess(CleaDbContext db, TimeProvider time)
{
    /// <summary>The audits open to <paramref name="auditorUserId"/> on <paramref name="today"/>.</summary>
    public static IQueryable<Audit> OpenAuditsOf(CleaDbContext db, int auditorUserId, DateOnly today)
        => db.Audits.Where(a => a.AuditorUserId == auditorUserId && a.Stage == AuditStage.Scheduled && a.OpenedOn <= today);

    /// <summary>
    /// The SIRENs of the organisms under the auditor's open audits today, in order. Synchronous: it backs a property of the
    /// caller, read once per request, after authentication (the request's context then stamps events with the real caller).
    /// </summary>
    public IReadOnlyList<Siren> AuditedSirens(int auditorUserId)
    {
        var organismIds = OpenAuditsOf(db, auditorUserId, time.Today()).Select(a => a.OrganismId);
        var sirens = db.Organisms.Where(o => organismIds.Contains(o.Id)).Select(o => o.Siren).ToList();
        return [.. sirens.DistinctBy(s => s.Value).OrderBy(s => s.Value, StringComparer.Ordinal)];
    }
}
