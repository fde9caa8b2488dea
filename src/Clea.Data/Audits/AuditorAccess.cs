using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Audits;

/// <summary>
/// The one rule of the auditor's access (§V.1, issue 12): an auditor reads an organism's evidence only through an open
/// audit assigned to them, from its opening until the report is final. Everything that derives an auditor's audited
/// organisms goes through here.
/// </summary>
public static class AuditorAccess
{
    /// <summary>The audits open to <paramref name="auditorUserId"/> on <paramref name="today"/>.</summary>
    public static IQueryable<Audit> OpenAuditsOf(CleaDbContext db, int auditorUserId, DateOnly today)
        => db.Audits.Where(a => a.AuditorUserId == auditorUserId && a.Stage == AuditStage.Scheduled && a.OpenedOn <= today);

    /// <summary>The SIRENs of the organisms under the auditor's open audits, in order.</summary>
    public static async Task<IReadOnlyList<string>> AuditedSirensAsync(CleaDbContext db, int auditorUserId, DateOnly today, CancellationToken ct = default)
    {
        var organismIds = OpenAuditsOf(db, auditorUserId, today).Select(a => a.OrganismId);
        var sirens = await db.Organisms.Where(o => organismIds.Contains(o.Id)).Select(o => o.Siren).ToListAsync(ct);
        return [.. sirens.Select(s => s.Value).Distinct().Order(StringComparer.Ordinal)];
    }
}
