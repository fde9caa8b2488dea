using Clea.Data.Access;
using Clea.Data.Common;
using Clea.Data.Registry;
using Microsoft.EntityFrameworkCore;

namespace Clea.Data.Audits;

/// <summary>
/// Read side: the audits, conformity procedures and EDOF alerts the caller may see, as queries the resolver pages. Administrators all,
/// Instance staff those of the organisms in their scope, organism staff their own, auditors the audits assigned to them
/// (never procedures: their access ends with the report); nobody else any.
/// </summary>
public sealed class AuditRecords(CleaDbContext db)
{
    /// <summary>One visible audit, with its anomalies; unknown or invisible answers <see cref="AuditErrors.NotFound"/>.</summary>
    public async Task<Audit> FindVisibleAsync(int id, ICurrentCaller caller, CancellationToken ct)
        => await (await VisibleAuditsAsync(caller, ct)).SingleOrDefaultAsync(a => a.Id == id, ct)
           ?? throw new DomainRuleException(AuditErrors.NotFound, "No audit with this id is visible to you.");

    /// <summary>The visible audits, optionally of one organism and at one stage.</summary>
    public async Task<IQueryable<Audit>> ListAsync(Siren? siren, AuditStage? stage, ICurrentCaller caller, CancellationToken ct)
    {
        var rows = await VisibleAuditsAsync(caller, ct);
        if (siren is { } s)
        {
            var organismIds = db.Organisms.Where(o => o.Siren == s).Select(o => o.Id);
            rows = rows.Where(a => organismIds.Contains(a.OrganismId));
        }
        if (stage is { } st) rows = rows.Where(a => a.Stage == st);
        return rows;
    }

    /// <summary>The visible conformity procedures, with their notices, optionally of one organism.</summary>
    public async Task<IQueryable<ConformityProcedure>> ProceduresAsync(Siren? siren, ICurrentCaller caller, CancellationToken ct)
    {
        var rows = db.ConformityProcedures.AsNoTracking().Include(p => p.Notices);
        IQueryable<ConformityProcedure> visible;
        if (caller.IsAuthenticated && caller.Role == CallerRole.Auditor) visible = rows.Where(_ => false);
        else
        {
            var organisms = (await OrganismScope.OfAsync(caller, ct)).VisibleOrganismIds(db);
            visible = organisms is null ? rows : rows.Where(p => organisms.Contains(p.OrganismId));
        }
        if (siren is { } s)
        {
            var organismIds = db.Organisms.Where(o => o.Siren == s).Select(o => o.Id);
            visible = visible.Where(p => organismIds.Contains(p.OrganismId));
        }
        return visible;
    }

    /// <summary>The visible EDOF alerts (Instance staff their scope, an organism its own, administrators all; auditors none), optionally of one organism and level.</summary>
    public async Task<IQueryable<EdofAlert>> EdofAlertsAsync(Siren? siren, EdofAlertLevel? level, ICurrentCaller caller, CancellationToken ct)
    {
        IQueryable<EdofAlert> rows = db.EdofAlerts.AsNoTracking();
        if (caller.IsAuthenticated && caller.Role == CallerRole.Auditor) rows = rows.Where(_ => false);
        else if ((await OrganismScope.OfAsync(caller, ct)).VisibleOrganismIds(db) is { } organisms) rows = rows.Where(a => organisms.Contains(a.OrganismId));
        if (siren is { } s)
        {
            var organismIds = db.Organisms.Where(o => o.Siren == s).Select(o => o.Id);
            rows = rows.Where(a => organismIds.Contains(a.OrganismId));
        }
        if (level is { } l) rows = rows.Where(a => a.Level == l);
        return rows;
    }

    private async Task<IQueryable<Audit>> VisibleAuditsAsync(ICurrentCaller caller, CancellationToken ct)
    {
        var audits = db.Audits.AsNoTracking().Include(a => a.Anomalies);
        if (caller.IsAuthenticated && caller.Role == CallerRole.Auditor)
            return AuditAccess.AuditorUserId(caller) is { } me ? audits.Where(a => a.AuditorUserId == me) : audits.Where(_ => false);
        var organisms = (await OrganismScope.OfAsync(caller, ct)).VisibleOrganismIds(db);
        return organisms is null ? audits : audits.Where(a => organisms.Contains(a.OrganismId));
    }
}
