using Clea.Data.Habilitations;
using Clea.Data.Registry;
using Clea.Data.Users;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Audits;

/// <summary>
/// The demo auditor's access comes from an audit like anyone's: on a demo database, one open audit of the
/// <c>Suspended</c> demo organism is assigned to the demo auditor (created once, if missing).
/// </summary>
public static class DemoAudit
{
    public static async Task<bool> EnsureAsync(CleaDbContext db, string auditorEmail, string siren, DateOnly today, CancellationToken ct = default)
    {
        var auditor = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == auditorEmail && u.Role == UserRole.Auditor, ct);
        if (auditor is null || await db.Audits.AnyAsync(a => a.AuditorUserId == auditor.Id, ct)) return false;
        var sirenValue = Siren.Parse(siren);
        var habilitation = (await db.Habilitations.Include(h => h.Suspensions)
                .Where(h => h.Organism.Siren == sirenValue).ToListAsync(ct))
            .FirstOrDefault(h => h.StatusOn(today) is HabilitationStatus.Active or HabilitationStatus.Suspended);
        if (habilitation is null) return false;
        db.Audits.Add(new Audit(habilitation, AuditMode.OnDocuments, habilitation.ValidFrom!.Value, today, auditor.Id, auditor.DisplayName,
            AuditorAffiliation.ContractedProvider, today, today.AddDays(30), today));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
