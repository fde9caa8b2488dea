using Clea.Data.Access;
using Clea.Data.Common;

namespace Clea.Data.Audits;

/// <summary>Use cases of an audit under way: the organism's mandataire, observations and refusal; the Instance noting a refusal; the auditor's report.</summary>
public sealed class AuditConduct(CleaDbContext db, TimeProvider time)
{
    public async Task<Audit> NameMandataireAsync(int auditId, string mandataire, ICurrentCaller caller, CancellationToken ct)
    {
        var audit = await AuditLoading.OwnAuditAsync(db, caller, auditId, ct);
        audit.NameMandataire(mandataire);
        await db.SaveChangesAsync(ct);
        return audit;
    }

    /// <summary>The organism refuses in writing; the Instance receives it on <paramref name="receivedOn"/> (default today; withdrawal that day).</summary>
    public async Task<Audit> RefuseAsync(int auditId, DateOnly? receivedOn, string? reason, ICurrentCaller caller, CancellationToken ct)
    {
        var audit = await AuditLoading.OwnAuditAsync(db, caller, auditId, ct);
        audit.Refuse(receivedOn ?? time.Today(), inWriting: true, reason);
        await db.SaveChangesAsync(ct);
        return audit;
    }

    /// <summary>The Instance notes a refusal made without a writing (withdrawal on <paramref name="notedOn"/>, default today).</summary>
    public async Task<Audit> NoteRefusalAsync(int auditId, DateOnly? notedOn, string reason, ICurrentCaller caller, CancellationToken ct)
    {
        var audit = await AuditLoading.AuditAsync(db, auditId, ct);
        await AuditAccess.EnsureInstanceMayActOnAsync(caller, audit.Habilitation, ct);
        audit.Refuse(notedOn ?? time.Today(), inWriting: false, reason);
        await db.SaveChangesAsync(ct);
        return audit;
    }

    /// <summary>The auditor assigned files the final report, presented to the organism today.</summary>
    public async Task<Audit> FileReportAsync(int auditId, string findings, AuditOpinion opinion, IReadOnlyList<AuditAnomaly> anomalies,
        ICurrentCaller caller, CancellationToken ct)
    {
        var audit = await AuditLoading.AuditAsync(db, auditId, ct);
        if (AuditAccess.AuditorUserId(caller) != audit.AuditorUserId)
            throw new DomainRuleException(AuditErrors.AuditNotOpenForCaller, "Only the auditor assigned to this audit files its report.");
        audit.FileReport(time.Today(), findings, opinion, anomalies);
        await db.SaveChangesAsync(ct);
        return audit;
    }

    public async Task<Audit> SubmitObservationsAsync(int auditId, string observations, ICurrentCaller caller, CancellationToken ct)
    {
        var audit = await AuditLoading.OwnAuditAsync(db, caller, auditId, ct);
        audit.SubmitObservations(time.Today(), observations);
        await db.SaveChangesAsync(ct);
        return audit;
    }
}
