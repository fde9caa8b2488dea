using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;

namespace Clea.Graph.Http;

/// <summary>
/// What a document may ask before the validation rules walk it: GraphQL.NET's rules expand fragment spreads, so a
/// 2.4 KB document of fragments doubling 59 times would keep a core busy forever. Fields, aliases and depth are counted
/// here with each fragment's figures computed once (linear in the document's size), saturating at the limit.
/// </summary>
public static class DocumentLimits
{
    /// <summary>The first limit <paramref name="query"/> exceeds before parsing (size, tokens); null when within.</summary>
    public static ExecutionError? CheckText(string query, GraphQLHttpOptions limits)
    {
        if (query.Length > limits.MaxDocumentChars)
            return Refused(HttpErrors.DocumentTooLarge, $"The document has {query.Length} characters; at most {limits.MaxDocumentChars} are accepted: send arguments as variables.");
        var tokens = 0;
        var start = 0;
        try
        {
            while (true)
            {
                var token = Lexer.Lex(query, start);
                if (token.Kind == TokenKind.EOF) return null;
                if (++tokens > limits.MaxDocumentTokens)
                    return Refused(HttpErrors.TooManyTokens, $"The document has more than {limits.MaxDocumentTokens} tokens.");
                start = token.End;
            }
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return null; // the parser reports it with its location (SYNTAX_ERROR)
        }
    }

    /// <summary>The first limit the parsed <paramref name="document"/> exceeds (fields, aliases, depth); null when within.</summary>
    public static ExecutionError? CheckDocument(GraphQLDocument document, GraphQLHttpOptions limits)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>();
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        var counter = new Counter(fragments, Math.Max(limits.MaxExpandedFields, limits.MaxAliases) + 1L);
        Figures total = default;
        foreach (var definition in document.Definitions)
        {
            var figures = definition switch
            {
                GraphQLOperationDefinition operation => counter.Of(operation.SelectionSet),
                GraphQLFragmentDefinition fragment => counter.Of(fragment.SelectionSet), // validated on its own too
                _ => default,
            };
            total = counter.Add(total, figures);
            total = total with { Depth = Math.Max(total.Depth, figures.Depth) };
        }
        if (total.Fields > limits.MaxExpandedFields)
            return Refused(HttpErrors.TooManyFields, $"The document selects more than {limits.MaxExpandedFields} fields once its fragments are expanded.");
        if (total.Aliases > limits.MaxAliases)
            return Refused(HttpErrors.TooManyAliases, $"The document has more than {limits.MaxAliases} aliased fields once its fragments are expanded.");
        if (total.Depth > limits.MaxDepth)
            return Refused(HttpErrors.QueryTooDeep, $"The document nests {total.Depth} levels; at most {limits.MaxDepth} are accepted.");
        return null;
    }

    private static ExecutionError Refused(string code, string message) => new(message) { Code = code };

    private readonly record struct Figures(long Fields, long Aliases, int Depth);

    private sealed class Counter(Dictionary<string, GraphQLFragmentDefinition> fragments, long cap)
    {
        private readonly Dictionary<string, Figures> _done = [];
        private readonly HashSet<string> _visiting = [];

        public Figures Add(Figures a, Figures b)
            => new(Math.Min(cap, a.Fields + b.Fields), Math.Min(cap, a.Aliases + b.Aliases), Math.Max(a.Depth, b.Depth));

        public Figures Of(GraphQLSelectionSet? set)
        {
            Figures total = default;
            if (set is null) return total;
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var children = Of(field.SelectionSet);
                        total = Add(total, new Figures(1 + children.Fields, (field.Alias is null ? 0 : 1) + children.Aliases,
                            1 + children.Depth));
                        break;
                    case GraphQLInlineFragment inline:
                        total = Add(total, Of(inline.SelectionSet));
                        break;
                    case GraphQLFragmentSpread spread:
                        total = Add(total, Spread(spread.FragmentName.Name.StringValue));
                        break;
                }
                if (total.Fields >= cap) return total; // over the limit already: stop counting
            }
            return total;
        }

        private Figures Spread(string name)
        {
            if (_done.TryGetValue(name, out var known)) return known;
            // Unknown or cyclic spreads count nothing here: validation refuses them with its own codes.
            if (!fragments.TryGetValue(name, out var fragment) || !_visiting.Add(name)) return default;
            var figures = Of(fragment.SelectionSet);
            _visiting.Remove(name);
            return _done[name] = figures;
        }
    }
}
