namespace Clea.Graph.Http;

/// <summary>Configuration section <c>GraphQL</c>: limits of the HTTP endpoint (README "Limits").</summary>
public sealed class GraphQLHttpOptions
{
    public const string Section = "GraphQL";

    /// <summary>Largest accepted POST body, in bytes. A bulk mutation of 500 items fits well under the default.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Largest document (the <c>query</c> text), in characters; arguments belong in variables.</summary>
    public int MaxDocumentChars { get; set; } = 32 * 1024;

    /// <summary>Most lexical tokens in a document, counted before parsing.</summary>
    public int MaxDocumentTokens { get; set; } = 5_000;

    /// <summary>Most fields a document selects once every fragment spread is expanded (aliases included).</summary>
    public int MaxExpandedFields { get; set; } = 2_000;

    /// <summary>Most aliased fields once fragments are expanded.</summary>
    public int MaxAliases { get; set; } = 100;

    /// <summary>Deepest selection, fragments expanded.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Parsed and validated documents kept in memory (a document is keyed by its text).</summary>
    public int DocumentCacheEntries { get; set; } = 2_000;

    /// <summary>Estimated memory the document cache may hold, in bytes.</summary>
    public long DocumentCacheBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Documents longer than this (characters) are executed but never cached.</summary>
    public int MaxCacheableDocumentChars { get; set; } = 16 * 1024;

    /// <summary>Time one request may run (parsing, validation, execution, SQL) before it is cancelled.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
