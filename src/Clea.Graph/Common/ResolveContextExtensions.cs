using Clea.Data.Access;
using Clea.Data.Common;
using GraphQL;

namespace Clea.Graph.Common;

public static class ResolveContextExtensions
{
    /// <summary>Today's legal date (Paris) from the request's clock: the default of every <c>on</c> argument.</summary>
    public static DateOnly Today(this IResolveFieldContext context)
        => context.RequestServices!.GetRequiredService<TimeProvider>().Today();

    /// <summary>The request's caller (read once from the token by <see cref="Identity.ClaimsCaller"/>).</summary>
    public static ICurrentCaller Caller(this IResolveFieldContext context)
        => context.RequestServices!.GetRequiredService<ICurrentCaller>();

    /// <summary>The organisms the caller may see (both forms of the rule).</summary>
    public static Task<OrganismScope> ScopeAsync(this IResolveFieldContext context)
        => OrganismScope.OfAsync(context.Caller(), context.CancellationToken);

    /// <summary>A scoped service of the request (a use case, a loader).</summary>
    public static T Service<T>(this IResolveFieldContext context) where T : notnull
        => context.RequestServices!.GetRequiredService<T>();
}
