using System.Globalization;
using Clea.Data;
using Clea.Data.Access;
using Clea.Data.Audits;
using Clea.Data.Habilitations;
using Clea.Data.Instances;
using Clea.Graph.Common;
using GraphQL;

namespace Clea.Graph.Audits;

/// <summary>
/// The audit use cases' view of the caller (<see cref="IAuditCaller"/>) over <see cref="ICurrentCaller"/> and
/// <see cref="OrganismScope"/>, and who may see an audit or a procedure.
/// </summary>
internal sealed class RequestAuditCaller(IResolveFieldContext ctx) : IAuditCaller
{
    private ICurrentCaller Caller => ctx.Caller();

    public int? AuditorUserId => Caller.IsAuthenticated && Caller.Role == CallerRole.Auditor
        && int.TryParse(Caller.Subject, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public async Task EnsureInstanceMayActOnAsync(Habilitation habilitation, CancellationToken ct)
        => (await OrganismScope.OfAsync(Caller, ct)).EnsureMayDecideOn(habilitation);

    public bool IsStaffOf(int organismId) => Caller.IsAuthenticated && Caller.Role == CallerRole.OrganismStaff && OwnOrganismId() == organismId;

    private int? _ownOrganismId;
    private bool _ownResolved;

    private int? OwnOrganismId()
    {
        if (_ownResolved) return _ownOrganismId;
        _ownResolved = true;
        if (Caller.Siren is not { } siren) return null;
        _ownOrganismId = Db.Organisms.Where(o => o.Siren == siren).Select(o => (int?)o.Id).SingleOrDefault();
        return _ownOrganismId;
    }

    private CleaDbContext Db => ctx.RequestServices!.GetRequiredService<CleaDbContext>();

    /// <summary>
    /// The audits the caller may see: administrators all, Instance staff those of the organisms in their scope, organism
    /// staff their own, auditors those assigned to them; nobody else any.
    /// </summary>
    public async Task<IQueryable<Audit>> VisibleAsync(IQueryable<Audit> audits)
    {
        if (Caller.IsAuthenticated && Caller.Role == CallerRole.Auditor)
            return AuditorUserId is { } me ? audits.Where(a => a.AuditorUserId == me) : audits.Where(_ => false);
        var visible = await VisibleOrganismIdsAsync();
        return visible is null ? audits : audits.Where(a => visible.Contains(a.OrganismId));
    }

    /// <summary>The conformity procedures the caller may see: as audits, except auditors (their access ends with the report).</summary>
    public async Task<IQueryable<ConformityProcedure>> VisibleAsync(IQueryable<ConformityProcedure> procedures)
    {
        if (Caller.IsAuthenticated && Caller.Role == CallerRole.Auditor) return procedures.Where(_ => false);
        var visible = await VisibleOrganismIdsAsync();
        return visible is null ? procedures : procedures.Where(p => visible.Contains(p.OrganismId));
    }

    /// <summary>The habilitations an Instance may act on (null: all), for its work queue.</summary>
    public async Task<IQueryable<int>?> ActionableHabilitationIdsAsync()
    {
        var instance = (await OrganismScope.OfAsync(Caller, ctx.CancellationToken)).Instance;
        if (instance is null) return Db.Habilitations.Where(_ => false).Select(h => h.Id);
        if (instance.Kind == InstanceKind.CertifPro) return null;
        var instanceId = instance.Id;
        return Db.Habilitations.Where(h => h.InstanceId == instanceId).Select(h => h.Id);
    }

    private async Task<IQueryable<int>?> VisibleOrganismIdsAsync()
        => (await OrganismScope.OfAsync(Caller, ctx.CancellationToken)).VisibleOrganismIds(Db);
}
