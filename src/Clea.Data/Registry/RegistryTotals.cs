using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Clea.Data.Registry;

/// <summary>Configuration section <c>Registry</c>.</summary>
public sealed class RegistryTotalsOptions
{
    public const string Section = "Registry";

    /// <summary><c>Registry:TotalCacheEntries</c>: how many search totals the process keeps (one entry each, about 200 bytes).</summary>
    public int TotalCacheEntries { get; set; } = 10_000;
}

/// <summary>
/// The registry searches' totals, shared by every request of the process. An entry is keyed by the search
/// (<see cref="OrganismSearch.CanonicalKey"/>: every criterion, the day, whether undecided files count) and the
/// <see cref="RegistryStamp"/> version the count was read at, in the same statement: the registry at that version is one
/// state, so the count is exact for as long as the database answers that version, on any instance. Entries of older
/// versions are never read again and leave as the size limit needs room (least recently used first).
/// </summary>
public sealed class RegistryTotals(IOptions<RegistryTotalsOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.TotalCacheEntries) });

    public bool TryGet(OrganismSearch search, long version, out int total) => _cache.TryGetValue(Key(search, version), out total);

    public void Set(OrganismSearch search, long version, int total)
        => _cache.Set(Key(search, version), total, new MemoryCacheEntryOptions { Size = 1 });

    private static string Key(OrganismSearch search, long version) => $"{version}|{search.CanonicalKey}";

    public void Dispose() => _cache.Dispose();
}
