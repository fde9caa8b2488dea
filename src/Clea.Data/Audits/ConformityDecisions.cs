using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Audits;

/// <summary>Use cases of the Instance's decisions (§V.1–3) and of the organism's justification (§V.2).</summary>
public static class ConformityDecisions
{
    /// <summary>The Instance decides on an audit at its meeting; failings open a procedure, or withdraw under a 12-month watch.</summary>
    public static async Task<Audit> DecideOnAuditAsync(CleaDbContext db, IAuditCaller caller, int auditId, DateOnly meetingOn, DateOnly notifiedOn,
        bool failingsFound, FormalNoticeTerms? notice, bool suspend, string? reason, CancellationToken ct)
    {
        var audit = await AuditLoading.AuditAsync(db, auditId, ct);
        await caller.EnsureInstanceMayActOnAsync(audit.Habilitation, ct);
        var procedures = await db.ConformityProcedures.Include(p => p.Notices)
            .Where(p => p.HabilitationId == audit.HabilitationId).ToListAsync(ct);
        if (AuditDecision.Decide(audit, procedures, meetingOn, notifiedOn, failingsFound, notice, suspend, reason) is { } opened)
            db.ConformityProcedures.Add(opened);
        await db.SaveChangesAsync(ct);
        return audit;
    }

    public static async Task<ConformityProcedure> JustifyAsync(CleaDbContext db, IAuditCaller caller, int procedureId, string justification, DateOnly today, CancellationToken ct)
    {
        var procedure = await AuditLoading.ProcedureAsync(db, procedureId, ct);
        if (!caller.IsStaffOf(procedure.OrganismId))
            throw new Common.DomainRuleException(AuditErrors.ProcedureNotFound, $"No conformity procedure of your organism has id {procedureId}.");
        procedure.Justify(today, justification);
        await db.SaveChangesAsync(ct);
        return procedure;
    }

    public static async Task<ConformityProcedure> WithdrawAsync(CleaDbContext db, IAuditCaller caller, int procedureId, DateOnly notifiedOn, string reason, CancellationToken ct)
    {
        var procedure = await AuditLoading.ProcedureAsync(db, procedureId, ct);
        await caller.EnsureInstanceMayActOnAsync(procedure.Habilitation, ct);
        procedure.Withdraw(notifiedOn, reason);
        await db.SaveChangesAsync(ct);
        return procedure;
    }

    public static async Task<ConformityProcedure> GrantAdditionalPeriodAsync(CleaDbContext db, IAuditCaller caller, int procedureId, DateOnly notifiedOn,
        FormalNoticeTerms terms, CancellationToken ct)
    {
        var procedure = await AuditLoading.ProcedureAsync(db, procedureId, ct);
        await caller.EnsureInstanceMayActOnAsync(procedure.Habilitation, ct);
        procedure.GrantAdditionalPeriod(notifiedOn, terms);
        await db.SaveChangesAsync(ct);
        return procedure;
    }

    /// <summary>An EDOF alert and the sanction chosen by the Instance (§V.3, case 4).</summary>
    public static async Task<EdofAlert> RecordEdofAlertAsync(CleaDbContext db, IAuditCaller caller, int habilitationId, string reference,
        EdofAlertSource source, EdofAlertLevel level, DateOnly receivedOn, DateOnly notifiedOn, string reason, CancellationToken ct)
    {
        var habilitation = await AuditLoading.HabilitationAsync(db, habilitationId, ct);
        await caller.EnsureInstanceMayActOnAsync(habilitation, ct);
        var alert = new EdofAlert(habilitation, reference, source, level, receivedOn, notifiedOn, reason);
        db.EdofAlerts.Add(alert);
        await db.SaveChangesAsync(ct);
        return alert;
    }
}
