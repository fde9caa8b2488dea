using GraphQL.Builders;
using GraphQL.Types;

namespace Clea.Graph.Common;

/// <summary>The paging arguments of a connection field, declared once (read back by <see cref="PageRequest.From"/>).</summary>
public static class PagingArguments
{
    /// <summary><c>first</c> and <c>after</c>: forward paging.</summary>
    public static FieldBuilder<TSource, TReturn> ForwardPaging<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
        => field.Argument<IntGraphType>("first").Argument<StringGraphType>("after");

    /// <summary><c>first</c>, <c>after</c>, <c>last</c> and <c>before</c>: paging both ways.</summary>
    public static FieldBuilder<TSource, TReturn> Paging<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
        => field.ForwardPaging().Argument<IntGraphType>("last").Argument<StringGraphType>("before");
}
