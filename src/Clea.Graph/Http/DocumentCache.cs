using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Clea.Graph.Http;

/// <summary>
/// Enforces <see cref="DocumentLimits"/> on new documents, then keeps parsed and validated documents so a repeated query
/// (the common case: same text, new variables) skips parsing and the schema-only validation rules. Rules that depend on
/// the caller or the request (authorization, GET-only queries, complexity with its variables) still run on cached
/// documents. Bounded by entries and by estimated bytes, the oldest entries leaving first; documents longer than
/// <see cref="GraphQLHttpOptions.MaxCacheableDocumentChars"/> are never kept. The result of an introspection-only
/// document without variables is kept with it: it depends on the schema alone, and GraphiQL or codegen send it often.
/// GraphQL.NET's own MemoryDocumentCache lives in a package our registry does not serve.
/// </summary>
public sealed class DocumentCache(IOptions<GraphQLHttpOptions> options) : IConfigureExecution
{
    /// <summary>User-context key of the complexity computed for the request (<see cref="Schema.CostModel"/>).</summary>
    public const string CostKey = "clea.cost";

    // A parsed document weighs about twenty times its text (measured: 2,000 documents of 250 KB took 970 MB).
    private const int BytesPerChar = 24;

    private sealed class Entry(GraphQLDocument document, long bytes)
    {
        public GraphQLDocument Document { get; } = document;
        public long Bytes { get; } = bytes;
        public ExecutionResult? Introspection { get; set; }
        public object? IntrospectionCost { get; set; }
    }

    private readonly ConcurrentDictionary<string, Entry> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _insertionOrder = new();
    private readonly GraphQLHttpOptions _limits = options.Value;
    private long _bytes;

    /// <summary>Runs after the option configurations (100) that install validation rules, like GraphQL.NET's cache.</summary>
    public float SortOrder => 200;

    public int Count => _documents.Count;

    /// <summary>Estimated bytes held.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Executions that reused a parsed and validated document (the test of the cache, and the benchmark's).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Executions that parsed and validated their document.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    private long _hits;
    private long _misses;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is null) return await next(options).ConfigureAwait(false);

        var key = options.Query;
        if (_documents.TryGetValue(key, out var entry))
        {
            Interlocked.Increment(ref _hits);
            if (entry.Introspection is { } introspection && IsPlain(options))
            {
                options.UserContext[CostKey] = entry.IntrospectionCost;
                return new ExecutionResult(introspection);
            }
            options.Document = entry.Document;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            var cachedResult = await next(options).ConfigureAwait(false);
            KeepIntrospection(entry, options, cachedResult);
            return cachedResult;
        }

        Interlocked.Increment(ref _misses);
        if (DocumentLimits.CheckText(key, _limits) is { } textError) return Refused(textError);
        GraphQLDocument document;
        try
        {
            using var parse = Telemetry.CleaTelemetry.Source.StartActivity("graphql.parse");
            document = Parser.Parse(key, new ParserOptions { Ignore = IgnoreOptions.Comments });
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException)
        {
            return await next(options).ConfigureAwait(false); // GraphQL.NET parses again and reports SYNTAX_ERROR with its location
        }
        if (DocumentLimits.CheckDocument(document, _limits) is { } documentError) return Refused(documentError);
        options.Document = document;

        var result = await next(options).ConfigureAwait(false);
        // Executed means the document parsed and passed validation: only such documents are worth keeping.
        if (result.Executed && key.Length <= _limits.MaxCacheableDocumentChars)
        {
            var added = new Entry(document, (long)key.Length * BytesPerChar + 1024);
            if (_documents.TryAdd(key, added))
            {
                _insertionOrder.Enqueue(key);
                Interlocked.Add(ref _bytes, added.Bytes);
                KeepIntrospection(added, options, result);
                while ((_documents.Count > Math.Max(1, _limits.DocumentCacheEntries) || Bytes > _limits.DocumentCacheBytes)
                       && _insertionOrder.TryDequeue(out var oldest))
                {
                    if (_documents.TryRemove(oldest, out var removed)) Interlocked.Add(ref _bytes, -removed.Bytes);
                }
            }
        }
        return result;
    }

    private static ExecutionResult Refused(ExecutionError error) => new() { Errors = [error], Executed = false };

    /// <summary>No variables and no operation choice: the answer depends on the document alone.</summary>
    private static bool IsPlain(ExecutionOptions options) => options.Variables is null || options.Variables.Count == 0;

    private static void KeepIntrospection(Entry entry, ExecutionOptions options, ExecutionResult result)
    {
        if (entry.Introspection is not null || !IsPlain(options) || !result.Executed || result.Errors?.Count > 0
            || result.Document?.Definitions.OfType<GraphQLOperationDefinition>().Count() != 1
            || result.Operation is not { Operation: OperationType.Query } operation
            || !operation.SelectionSet.Selections.All(s => s is GraphQLField f && f.Name.StringValue.StartsWith("__", StringComparison.Ordinal)))
            return;
        entry.IntrospectionCost = options.UserContext.TryGetValue(CostKey, out var cost) ? cost : null;
        entry.Introspection = new ExecutionResult(result) { Extensions = null };
    }
}
