using Clea.Auth.Policies;
using Clea.Data;
using Clea.Data.Registry;
using Clea.Graph.Authorization;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Registry;

/// <summary>Organism staff act on their own organism only: the one their token names, never one given as an argument.</summary>
internal static class OwnOrganism
{
    public static async Task<Organism> LoadTrackedAsync(IResolveFieldContext ctx)
    {
        var claim = ctx.User?.FindFirst(CleaClaims.Siren)?.Value;
        if (claim is null || !Siren.TryParse(claim, out var siren, out _))
            throw new ExecutionError("Only the staff of an organism may do this, for their own organism.") { Code = AuthorizationErrors.NotAuthorized };
        return await ctx.RequestServices!.GetRequiredService<CleaDbContext>().Organisms
                   .Include(o => o.Sites).Include(o => o.Turnover)
                   .SingleOrDefaultAsync(o => o.Siren == siren, ctx.CancellationToken)
               ?? throw new ExecutionError($"Organism {siren} is not in the registry.") { Code = AuthorizationErrors.NotAuthorized };
    }
}
