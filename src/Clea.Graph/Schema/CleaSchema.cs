using Clea.Graph.Common;
using GraphQL.Types;

namespace Clea.Graph.Schema;

/// <summary>The root query: it only gathers the fields each feature contributes.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType(IEnumerable<IQueryFields> features)
    {
        Name = "Query";
        foreach (var feature in features) feature.AddTo(this);
    }
}

/// <summary>The root mutation, gathered from the features (every mutation declares its policy).</summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType(IEnumerable<IMutationFields> features)
    {
        Name = "Mutation";
        foreach (var feature in features) feature.AddTo(this);
    }
}

public sealed class CleaSchema : GraphQL.Types.Schema
{
    public CleaSchema(IServiceProvider services, QueryType query, IEnumerable<IMutationFields> mutations) : base(services)
    {
        Description = "CleaGraph: the national API of the CléA certifications (CléA Socle, CléA Numérique, CléA Management).";
        Query = query;
        if (mutations.Any()) Mutation = services.GetRequiredService<MutationType>();
        RegisterTypeMapping(typeof(DateOnly), typeof(IsoDateGraphType));
    }
}
