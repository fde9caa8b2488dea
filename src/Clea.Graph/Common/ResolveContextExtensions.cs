using Clea.Data.Common;
using GraphQL;

namespace Clea.Graph.Common;

public static class ResolveContextExtensions
{
    /// <summary>Today's legal date (Paris) from the request's clock: the default of every <c>on</c> argument.</summary>
    public static DateOnly Today(this IResolveFieldContext context)
        => context.RequestServices!.GetRequiredService<TimeProvider>().Today();
}
