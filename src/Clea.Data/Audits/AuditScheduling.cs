using Clea.Data.Access;
using Clea.Data.Common;
using Clea.Data.Users;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Audits;

/// <summary>What an Instance gives to schedule an audit.</summary>
public sealed record AuditPlan(int HabilitationId, AuditMode Mode, DateOnly PeriodFrom, DateOnly PeriodTo, int AuditorUserId,
    AuditorAffiliation Affiliation, DateOnly PlannedFrom, DateOnly PlannedTo, string? Sites);

/// <summary>Use case: an Instance schedules an audit; the organism is told today, and the auditor's access opens.</summary>
public sealed class AuditScheduling(CleaDbContext db, TimeProvider time)
{
    public async Task<Audit> ScheduleAsync(AuditPlan plan, ICurrentCaller caller, CancellationToken ct)
    {
        var habilitation = await AuditLoading.HabilitationAsync(db, plan.HabilitationId, ct);
        await AuditAccess.EnsureInstanceMayActOnAsync(caller, habilitation, ct);
        var auditor = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == plan.AuditorUserId, ct);
        if (auditor is null || auditor.Role != UserRole.Auditor)
            throw new DomainRuleException(AuditErrors.NotAnAuditor, "The auditor must be a user with the auditor role.");
        var audit = new Audit(habilitation, plan.Mode, plan.PeriodFrom, plan.PeriodTo, auditor.Id, auditor.DisplayName, plan.Affiliation,
            plan.PlannedFrom, plan.PlannedTo, time.Today(), plan.Sites);
        db.Audits.Add(audit);
        await db.SaveChangesAsync(ct);
        return audit;
    }
}
