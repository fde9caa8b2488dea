using Clea.Data.Access;
using Clea.Data.Common;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Registry;
using GraphQL.DataLoader;

namespace Clea.Graph.Authorization;

/// <summary>
/// Whether the caller may see an organism's non-public data, as a pending loader result, so a page of organisms is
/// checked with one batched query. The rule itself is <see cref="OrganismScope.Sees"/>; policies on the schema decide who
/// may ask at all.
/// </summary>
public sealed class OrganismAccess(ICurrentCaller caller, HabilitationsByOrganismLoader habilitations)
{
    public async Task<IDataLoaderResult<bool>> CanSeeAsync(Organism organism)
    {
        var scope = await OrganismScope.OfAsync(caller);
        // Only a CPNE's answer depends on the organism's files; the others need no query.
        return scope.NeedsHabilitations
            ? habilitations.Load(organism.Id).Then(files => scope.Sees(organism, files))
            : DataLoaderResultExtensions.Completed(scope.Sees(organism, []));
    }

    /// <summary>The error for an object the caller may not see: the field is null and the error says why.</summary>
    public static DomainRuleException Denied(string what) => OrganismScope.Denied(what);
}
