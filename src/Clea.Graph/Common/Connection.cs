using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace Clea.Graph.Common;

/// <summary>A page of a Relay connection; <c>totalCount</c> is counted in SQL only when selected.</summary>
public class ConnectionPage<T>(Page<T> page, Func<CancellationToken, Task<int>> count)
{
    public IReadOnlyList<(T Row, string Cursor)> Edges => page.Edges;

    public static ConnectionPage<T> From<TRow>(Page<TRow> page, Func<TRow, T> node, Func<CancellationToken, Task<int>> count)
        => new(new Page<T>(page.Edges.Select(e => (node(e.Row), e.Cursor)).ToList(), page.HasPreviousPage, page.HasNextPage) { Total = page.Total }, count);

    public PageInfo PageInfo { get; } = new()
    {
        HasNextPage = page.HasNextPage,
        HasPreviousPage = page.HasPreviousPage,
        StartCursor = page.Edges.Count > 0 ? page.Edges[0].Cursor : null,
        EndCursor = page.Edges.Count > 0 ? page.Edges[^1].Cursor : null,
    };
    public Task<int> CountAsync(CancellationToken cancellationToken) => page.Total is { } total ? Task.FromResult(total) : count(cancellationToken);
}

/// <summary>A Relay connection (<c>edges { cursor node }</c>, <c>nodes</c>, <c>pageInfo</c>, <c>totalCount</c>).</summary>
public abstract class ConnectionGraphType<TNodeType, TEdgeType, T> : ObjectGraphType<ConnectionPage<T>>
    where TNodeType : IGraphType where TEdgeType : EdgeGraphType<TNodeType, T>
{
    protected ConnectionGraphType(string nodeName)
    {
        Name = nodeName + "Connection";
        Description = $"A page of {nodeName} objects, with cursors for keyset paging in both directions.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeType>>>>("edges")
            .Resolve(ctx => ctx.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The nodes of the edges, for clients that do not need cursors.")
            .Resolve(ctx => ctx.Source.Edges.Select(e => e.Row));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(ctx => ctx.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("The number of objects matching the filter, all pages together.")
            .ResolveAsync(async ctx => await ctx.Source.CountAsync(ctx.CancellationToken));
    }
}

public abstract class EdgeGraphType<TNodeType, T> : ObjectGraphType<(T Row, string Cursor)> where TNodeType : IGraphType
{
    protected EdgeGraphType(string nodeName)
    {
        Name = nodeName + "Edge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Resolve(ctx => ctx.Source.Row);
    }
}
