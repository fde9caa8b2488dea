using GraphQL.Types;

namespace Clea.Graph.Common;

/// <summary>The Relay <c>Node</c> interface: every entity has an opaque global id usable with <c>node(id:)</c>.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global id, refetchable with `node(id:)`.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Opaque global id.");
    }
}

/// <summary>Helpers for object types that implement <see cref="NodeInterface"/>.</summary>
public static class NodeTypeExtensions
{
    public static void ImplementNode<T>(this ObjectGraphType<T> type, string typeName, Func<T, string> key)
    {
        type.Interface<NodeInterface>();
        type.IsTypeOf = o => o is T;
        type.Field<NonNullGraphType<IdGraphType>>("id").Description("Opaque global id.")
            .Resolve(ctx => GlobalId.Encode(typeName, key(ctx.Source)));
    }
}
