using Clea.Data.Access;
using Clea.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Audits;

/// <summary>Use cases of the Instance's decisions (§V.1–3) and of the organism's justification (§V.2). Omitted notification dates are today.</summary>
public sealed class ConformityDecisions(CleaDbContext db, TimeProvider time)
{
    /// <summary>The Instance decides on an audit at its meeting; failings open a procedure, or withdraw under a 12-month watch.</summary>
    public async Task<Audit> DecideOnAuditAsync(int auditId, DateOnly meetingOn, DateOnly? notifiedOn, bool failingsFound, FormalNoticeTerms? notice,
        bool suspend, string? reason, ICurrentCaller caller, CancellationToken ct)
    {
        var audit = await AuditLoading.AuditAsync(db, auditId, ct);
        await AuditAccess.EnsureInstanceMayActOnAsync(caller, audit.Habilitation, ct);
        var procedures = await db.ConformityProcedures.Include(p => p.Notices)
            .Where(p => p.HabilitationId == audit.HabilitationId).ToListAsync(ct);
        if (AuditDecision.Decide(audit, procedures, meetingOn, notifiedOn ?? time.Today(), failingsFound, notice, suspend, reason) is { } opened)
            db.ConformityProcedures.Add(opened);
        await db.SaveChangesAsync(ct);
        return audit;
    }

    public async Task<ConformityProcedure> JustifyAsync(int procedureId, string justification, ICurrentCaller caller, CancellationToken ct)
    {
        var procedure = await AuditLoading.ProcedureAsync(db, procedureId, ct);
        if (!await AuditAccess.IsStaffOfAsync(db, caller, procedure.OrganismId, ct))
            throw new DomainRuleException(AuditErrors.ProcedureNotFound, $"No conformity procedure of your organism has id {procedureId}.");
        procedure.Justify(time.Today(), justification);
        await db.SaveChangesAsync(ct);
        return procedure;
    }

    public async Task<ConformityProcedure> WithdrawAsync(int procedureId, DateOnly? notifiedOn, string reason, ICurrentCaller caller, CancellationToken ct)
    {
        var procedure = await AuditLoading.ProcedureAsync(db, procedureId, ct);
        await AuditAccess.EnsureInstanceMayActOnAsync(caller, procedure.Habilitation, ct);
        procedure.Withdraw(notifiedOn ?? time.Today(), reason);
        await db.SaveChangesAsync(ct);
        return procedure;
    }

    public async Task<ConformityProcedure> GrantAdditionalPeriodAsync(int procedureId, DateOnly? notifiedOn, FormalNoticeTerms terms,
        ICurrentCaller caller, CancellationToken ct)
    {
        var procedure = await AuditLoading.ProcedureAsync(db, procedureId, ct);
        await AuditAccess.EnsureInstanceMayActOnAsync(caller, procedure.Habilitation, ct);
        procedure.GrantAdditionalPeriod(notifiedOn ?? time.Today(), terms);
        await db.SaveChangesAsync(ct);
        return procedure;
    }

    /// <summary>An EDOF alert and the sanction chosen by the Instance (§V.3, case 4).</summary>
    public async Task<EdofAlert> RecordEdofAlertAsync(int habilitationId, string reference, EdofAlertSource source, EdofAlertLevel level,
        DateOnly receivedOn, DateOnly? notifiedOn, string reason, ICurrentCaller caller, CancellationToken ct)
    {
        var habilitation = await AuditLoading.HabilitationAsync(db, habilitationId, ct);
        await AuditAccess.EnsureInstanceMayActOnAsync(caller, habilitation, ct);
        var alert = new EdofAlert(habilitation, reference, source, level, receivedOn, notifiedOn ?? time.Today(), reason);
        db.EdofAlerts.Add(alert);
        await db.SaveChangesAsync(ct);
        return alert;
    }
}
