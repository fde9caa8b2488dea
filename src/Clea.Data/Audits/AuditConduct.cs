namespace Clea.Data.Audits;

/// <summary>Use cases of an audit under way: the organism's mandataire, observations and refusal; the Instance noting a refusal; the auditor's report.</summary>
public static class AuditConduct
{
    public static async Task<Audit> NameMandataireAsync(CleaDbContext db, IAuditCaller caller, int auditId, string mandataire, CancellationToken ct)
    {
        var audit = await AuditLoading.OwnAuditAsync(db, caller, auditId, ct);
        audit.NameMandataire(mandataire);
        await db.SaveChangesAsync(ct);
        return audit;
    }

    /// <summary>The organism refuses in writing; the Instance receives it on <paramref name="receivedOn"/> (withdrawal that day).</summary>
    public static async Task<Audit> RefuseAsync(CleaDbContext db, IAuditCaller caller, int auditId, DateOnly receivedOn, string? reason, CancellationToken ct)
    {
        var audit = await AuditLoading.OwnAuditAsync(db, caller, auditId, ct);
        audit.Refuse(receivedOn, inWriting: true, reason);
        await db.SaveChangesAsync(ct);
        return audit;
    }

    /// <summary>The Instance notes a refusal made without a writing (withdrawal on <paramref name="notedOn"/>).</summary>
    public static async Task<Audit> NoteRefusalAsync(CleaDbContext db, IAuditCaller caller, int auditId, DateOnly notedOn, string reason, CancellationToken ct)
    {
        var audit = await AuditLoading.AuditAsync(db, auditId, ct);
        await caller.EnsureInstanceMayActOnAsync(audit.Habilitation, ct);
        audit.Refuse(notedOn, inWriting: false, reason);
        await db.SaveChangesAsync(ct);
        return audit;
    }

    /// <summary>The auditor assigned files the final report, presented to the organism today.</summary>
    public static async Task<Audit> FileReportAsync(CleaDbContext db, IAuditCaller caller, int auditId, string findings, AuditOpinion opinion,
        IReadOnlyList<AuditAnomaly> anomalies, DateOnly today, CancellationToken ct)
    {
        var audit = await AuditLoading.AuditAsync(db, auditId, ct);
        if (caller.AuditorUserId != audit.AuditorUserId)
            throw new Common.DomainRuleException(AuditErrors.AuditNotOpenForCaller, "Only the auditor assigned to this audit files its report.");
        audit.FileReport(today, findings, opinion, anomalies);
        await db.SaveChangesAsync(ct);
        return audit;
    }

    public static async Task<Audit> SubmitObservationsAsync(CleaDbContext db, IAuditCaller caller, int auditId, string observations, DateOnly today, CancellationToken ct)
    {
        var audit = await AuditLoading.OwnAuditAsync(db, caller, auditId, ct);
        audit.SubmitObservations(today, observations);
        await db.SaveChangesAsync(ct);
        return audit;
    }
}
