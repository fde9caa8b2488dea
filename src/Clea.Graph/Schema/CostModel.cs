using Clea.Graph.Http;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace Clea.Graph.Schema;

/// <summary>
/// The cost of a query (README "Limits and cost"), counted like Shopify's and GitHub's: what the server loads, not what
/// it serializes. An object costs 1 and a scalar 0 (a document's field count is bounded by DocumentLimits instead); a list
/// multiplies its children by its <c>first</c>/<c>last</c>, or by <see cref="ListMultiplier"/> when unpaged. On top, what
/// SQL really costs: a <c>totalCount</c> is a COUNT over the whole filtered set, each word of a registry <c>search</c> a
/// LIKE over names and cities. Introspection is nearly free (its answer is cached). Every response reports the computed
/// cost in <c>extensions.cost</c>. Registered for cached documents too: the cost depends on the variables.
/// </summary>
public static class CostModel
{
    public const int MaxCost = 20_000;
    public const int TotalCountCost = 50;
    public const int SearchWordCost = 25;
    /// <summary>Unpaged lists (sites, habilitations, periods…) are short: a few items each.</summary>
    public const double ListMultiplier = 5;
    public const double IntrospectionCost = 0.1;

    /// <summary>The complexity rule, for new and cached documents alike.</summary>
    public static ComplexityValidationRule Rule()
    {
        var options = new ComplexityOptions();
        Configure(options);
        return new ComplexityValidationRule(options);
    }

    private static void Configure(ComplexityOptions options)
    {
        options.MaxDepth = null; // enforced with fragments expanded by DocumentLimits (QUERY_TOO_DEEP)
        options.MaxComplexity = null; // checked below so that the cost is known even when refused
        options.DefaultListImpactMultiplier = ListMultiplier;
        options.DefaultScalarImpact = 0;
        options.DefaultObjectImpact = 1;
        var standard = options.DefaultComplexityImpactDelegate;
        options.DefaultComplexityImpactDelegate = context => Impact(context, standard(context));
        options.ValidateComplexityDelegate = context =>
        {
            context.ValidationContext.UserContext[DocumentCache.CostKey] = context.TotalImpact;
            if (context.TotalImpact > MaxCost)
                context.Error = new ValidationError($"Query is too complex to execute. Complexity is {context.TotalImpact}; maximum allowed on this endpoint is {MaxCost}.")
                    { Code = HttpErrors.Complexity };
            return Task.CompletedTask;
        };
    }

    private static FieldComplexityResult Impact(FieldImpactContext context, FieldComplexityResult result)
    {
        if (context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal) || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal))
            return new FieldComplexityResult(IntrospectionCost, 1);
        var extra = context.FieldDefinition.Name == "totalCount" ? TotalCountCost - 1 : 0;
        if (context.Arguments is { } arguments && arguments.TryGetValue("where", out var where) && SearchText(where.Value) is { } text)
            extra += SearchWordCost * Math.Max(1, text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        return extra == 0 ? result : new FieldComplexityResult(result.FieldImpact + extra, result.ChildImpactMultiplier);
    }

    private static string? SearchText(object? where) => where switch
    {
        Registry.OrganismFilter filter => filter.Search,
        IDictionary<string, object?> values => values.TryGetValue("search", out var search) ? search as string : null,
        _ => null,
    };
}
