using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Clea.Graph.Http;

/// <summary>
/// Keeps parsed and validated documents so a repeated query (the common case: same text, new variables) skips parsing
/// and the schema-only validation rules. Rules that depend on the caller or the request (authorization, GET-only
/// queries) are registered for cached documents and still run. Bounded: the oldest entries leave first.
/// GraphQL.NET's own MemoryDocumentCache lives in a package our registry does not serve.
/// </summary>
public sealed class DocumentCache(IOptions<GraphQLHttpOptions> options) : IConfigureExecution
{
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _insertionOrder = new();
    private readonly int _capacity = Math.Max(1, options.Value.DocumentCacheEntries);

    /// <summary>Runs after the option configurations (100) that install validation rules, like GraphQL.NET's cache.</summary>
    public float SortOrder => 200;

    public int Count => _documents.Count;

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
        var cached = _documents.TryGetValue(key, out var document);
        Interlocked.Increment(ref cached ? ref _hits : ref _misses);
        if (cached)
        {
            options.Document = document;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
        }
        var result = await next(options).ConfigureAwait(false);
        // Executed means the document parsed and passed validation: only such documents are worth keeping.
        if (!cached && result.Executed && result.Document is not null && _documents.TryAdd(key, result.Document))
        {
            _insertionOrder.Enqueue(key);
            while (_documents.Count > _capacity && _insertionOrder.TryDequeue(out var oldest)) _documents.TryRemove(oldest, out _);
        }
        return result;
    }
}
