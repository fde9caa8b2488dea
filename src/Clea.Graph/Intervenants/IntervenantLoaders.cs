using Clea.Data;
using Clea.Data.Intervenants;
using Clea.Graph.Common;
using Clea.Graph.Privacy;
using Clea.Graph.Registry;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Intervenants;

/// <summary>The intervenants of organisms, batched.</summary>
public sealed class IntervenantsByOrganismLoader(CleaDbContext db) : BatchListLoader<int, Intervenant>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<Intervenant>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken ct)
        => Group(await db.Intervenants.AsNoTracking().Where(i => keys.Contains(i.OrganismId))
            .OrderBy(i => i.LastName).ThenBy(i => i.FirstName).ThenBy(i => i.Id).ToListAsync(ct), i => i.OrganismId);
}

/// <summary>Intervenants by id, batched.</summary>
public sealed class IntervenantByIdLoader(CleaDbContext db) : BatchEntityLoader<int, Intervenant>
{
    protected override async Task<IReadOnlyDictionary<int, Intervenant?>> FetchAsync(IReadOnlyList<int> keys, CancellationToken ct)
        => await db.Intervenants.AsNoTracking().Where(i => keys.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => (Intervenant?)i, ct);
}

/// <summary>
/// An intervenant by id for whoever may see its organism's non-public data (as <c>Organism.profile.intervenants</c>);
/// null otherwise. Intervenants are personal data: the read is logged.
/// </summary>
internal static class IntervenantAccess
{
    public static async Task<object?> VisibleAsync(IResolveFieldContext ctx, int id, string what)
    {
        if (await ctx.Service<IntervenantByIdLoader>().Load(id).GetResultAsync() is not { } intervenant) return null;
        if (await ctx.Service<OrganismByIdLoader>().Load(intervenant.OrganismId).GetResultAsync() is not { } organism) return null;
        var scope = await ctx.ScopeAsync();
        var habilitations = scope.NeedsHabilitations ? await ctx.Service<HabilitationsByOrganismLoader>().Load(organism.Id).GetResultAsync() : [];
        if (!scope.Sees(organism, habilitations)) return null;
        ctx.Service<PersonalDataAccessLog>().Record(organism.Id, what, 1);
        return intervenant;
    }
}
