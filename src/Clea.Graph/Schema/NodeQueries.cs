using Clea.Graph.Common;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Schema;

/// <summary><c>node(id:)</c>: refetch any entity by its global id (Relay), through the one id table <see cref="NodeIds"/>.</summary>
public sealed class NodeQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
        => query.Field<NodeInterface>("node")
            .Description("Any object by its global id; null when it does not exist. A malformed id is an error (INVALID_ID).")
            .AllowAnonymous()
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(ctx => NodeIds.ResolveAsync(ctx, ctx.GetArgument<string>("id")));
}
