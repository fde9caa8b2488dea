using System.Security.Claims;
using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Habilitations;
using Clea.Data.Instances;
using Clea.Data.Registry;
using Clea.Graph.Common;
using GraphQL;

namespace Clea.Graph.Authorization;

/// <summary>
/// The organisms a caller may see in lists (events, invoices, fee lines, changes of situation), as a SQL subquery, by the
/// same rules as <see cref="OrganismAccess"/>: administrators and Certif Pro staff all; a CPNE's staff the organisms that
/// filed with it; organism staff their own; auditors their audited organisms; anyone else none. Also the check that an
/// Instance may act on an habilitation: Certif Pro on any, a CPNE on those it decided (its professional field).
/// </summary>
public static class CallerScope
{
    /// <summary>The ids of the organisms the caller may see; null when it may see all.</summary>
    public static async Task<IQueryable<int>?> VisibleOrganismIdsAsync(IResolveFieldContext ctx)
    {
        var user = ctx.User;
        var db = ctx.RequestServices!.GetRequiredService<CleaDbContext>();
        if (user?.Identity?.IsAuthenticated != true) return db.Organisms.Where(o => false).Select(o => o.Id);
        switch (user.FindFirstValue(CleaClaims.Role))
        {
            case CleaRoles.Administrator:
                return null;
            case CleaRoles.InstanceStaff:
                var instance = await InstanceOfAsync(ctx);
                if (instance is null) return db.Organisms.Where(o => false).Select(o => o.Id);
                if (instance.Kind == InstanceKind.CertifPro) return null;
                var instanceId = instance.Id;
                return db.Habilitations.Where(h => h.InstanceId == instanceId).Select(h => h.OrganismId);
            case CleaRoles.OrganismStaff when Siren.TryParse(user.FindFirstValue(CleaClaims.Siren), out var siren, out _):
                return db.Organisms.Where(o => o.Siren == siren).Select(o => o.Id);
            case CleaRoles.Auditor:
                var audited = user.FindAll(CleaClaims.AuditedSiren)
                    .Select(c => Siren.TryParse(c.Value, out var s, out _) ? s : (Siren?)null).OfType<Siren>().ToList();
                return db.Organisms.Where(o => audited.Contains(o.Siren)).Select(o => o.Id);
            default:
                return db.Organisms.Where(o => false).Select(o => o.Id);
        }
    }

    /// <summary>The caller's Instance (instance staff only).</summary>
    public static async Task<Instance?> InstanceOfAsync(IResolveFieldContext ctx)
    {
        var code = ctx.User?.FindFirstValue(CleaClaims.Instance);
        if (ctx.User?.FindFirstValue(CleaClaims.Role) != CleaRoles.InstanceStaff || code is null) return null;
        var reference = await ctx.RequestServices!.GetRequiredService<ReferenceData>().GetAsync();
        return reference.InstancesByCode.GetValueOrDefault(code);
    }

    /// <summary>Refuses, with <see cref="HabilitationErrors.OutsideInstanceField"/>, an Instance acting on an habilitation outside its field.</summary>
    public static async Task EnsureMayDecideOnAsync(IResolveFieldContext ctx, Habilitation habilitation)
    {
        var instance = await InstanceOfAsync(ctx)
            ?? throw new ExecutionError("Only the staff of an Instance may do this.") { Code = AuthorizationErrors.NotAuthorized };
        if (instance.Kind == InstanceKind.CertifPro || instance.Id == habilitation.InstanceId) return;
        throw new ExecutionError($"{instance.Name} acts only on the habilitations it decided, within its professional field ({instance.ProfessionalField}); this one was decided by another Instance.")
        {
            Code = HabilitationErrors.OutsideInstanceField,
        };
    }

    /// <summary>Refuses callers other than Certif Pro staff and administrators (billing is Certif Pro's, annexe 2).</summary>
    public static async Task EnsureCertifProOrAdminAsync(IResolveFieldContext ctx)
    {
        if (ctx.User?.FindFirstValue(CleaClaims.Role) == CleaRoles.Administrator) return;
        var instance = await InstanceOfAsync(ctx);
        if (instance?.Kind == InstanceKind.CertifPro) return;
        throw new ExecutionError("Fees are invoiced by Certif Pro: only its staff and administrators may do this.") { Code = AuthorizationErrors.NotAuthorized };
    }
}
