using GraphQL.Types;

namespace Clea.Graph.Schema;

/// <summary>A feature's root query fields. Each feature registers its own; the root type only gathers them.</summary>
public interface IQueryFields
{
    void AddTo(ObjectGraphType query);
}

/// <summary>A feature's root mutation fields (each must declare its authorization policy).</summary>
public interface IMutationFields
{
    void AddTo(ObjectGraphType mutation);
}
