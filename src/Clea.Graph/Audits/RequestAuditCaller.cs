using System.Globalization;
using System.Security.Claims;
using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Audits;
using Clea.Data.Habilitations;
using Clea.Data.Registry;
using Clea.Graph.Authorization;
using Clea.Graph.Common;
using GraphQL;

namespace Clea.Graph.Audits;

/// <summary>The audit use cases' view of the GraphQL caller (<see cref="IAuditCaller"/>), and who may see an audit or procedure.</summary>
internal sealed class RequestAuditCaller(IResolveFieldContext ctx) : IAuditCaller
{
    private ClaimsPrincipal? User => ctx.User;
    private string? Role => User?.FindFirstValue(CleaClaims.Role);

    public int? AuditorUserId => Role == CleaRoles.Auditor && int.TryParse(User?.FindFirstValue(CleaClaims.Subject), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public Task EnsureInstanceMayActOnAsync(Habilitation habilitation, CancellationToken ct) => CallerScope.EnsureMayDecideOnAsync(ctx, habilitation);

    public bool IsStaffOf(int organismId) => Role == CleaRoles.OrganismStaff && OwnOrganismId() == organismId;

    private int? _ownOrganismId;
    private bool _ownResolved;

    private int? OwnOrganismId()
    {
        if (_ownResolved) return _ownOrganismId;
        _ownResolved = true;
        if (!Siren.TryParse(User?.FindFirstValue(CleaClaims.Siren), out var siren, out _)) return null;
        var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
        _ownOrganismId = db.Organisms.Where(o => o.Siren == siren).Select(o => (int?)o.Id).SingleOrDefault();
        return _ownOrganismId;
    }

    /// <summary>
    /// The audits the caller may see: administrators all, Instance staff those of the organisms in their scope, organism
    /// staff their own, auditors those assigned to them; nobody else any.
    /// </summary>
    public async Task<IQueryable<Audit>> VisibleAsync(IQueryable<Audit> audits)
    {
        switch (Role)
        {
            case CleaRoles.Administrator:
                return audits;
            case CleaRoles.InstanceStaff:
                var visible = await CallerScope.VisibleOrganismIdsAsync(ctx);
                return visible is null ? audits : audits.Where(a => visible.Contains(a.OrganismId));
            case CleaRoles.OrganismStaff when OwnOrganismId() is { } own:
                return audits.Where(a => a.OrganismId == own);
            case CleaRoles.Auditor when AuditorUserId is { } me:
                return audits.Where(a => a.AuditorUserId == me);
            default:
                return audits.Where(_ => false);
        }
    }

    /// <summary>The conformity procedures the caller may see: as audits, except auditors (their access ends with the report).</summary>
    public async Task<IQueryable<ConformityProcedure>> VisibleAsync(IQueryable<ConformityProcedure> procedures)
    {
        switch (Role)
        {
            case CleaRoles.Administrator:
                return procedures;
            case CleaRoles.InstanceStaff:
                var visible = await CallerScope.VisibleOrganismIdsAsync(ctx);
                return visible is null ? procedures : procedures.Where(p => visible.Contains(p.OrganismId));
            case CleaRoles.OrganismStaff when OwnOrganismId() is { } own:
                return procedures.Where(p => p.OrganismId == own);
            default:
                return procedures.Where(_ => false);
        }
    }

    /// <summary>The habilitations an Instance may act on (null: all), for its work queue.</summary>
    public async Task<IQueryable<int>?> ActionableHabilitationIdsAsync()
    {
        var instance = await CallerScope.InstanceOfAsync(ctx);
        var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
        if (instance is null) return db.Habilitations.Where(_ => false).Select(h => h.Id);
        if (instance.Kind == Clea.Data.Instances.InstanceKind.CertifPro) return null;
        var instanceId = instance.Id;
        return db.Habilitations.Where(h => h.InstanceId == instanceId).Select(h => h.Id);
    }
}
