namespace Clea.Graph.Http;

/// <summary>Configuration section <c>GraphQL</c>: limits of the HTTP endpoint.</summary>
public sealed class GraphQLHttpOptions
{
    public const string Section = "GraphQL";

    /// <summary>Largest accepted POST body, in bytes. A bulk mutation of 500 items fits well under the default.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Parsed and validated documents kept in memory (a document is keyed by its text).</summary>
    public int DocumentCacheEntries { get; set; } = 2_000;
}
