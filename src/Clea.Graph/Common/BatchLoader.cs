using GraphQL.DataLoader;

namespace Clea.Graph.Common;

/// <summary>
/// A per-request batching loader on GraphQL.NET's <see cref="IDataLoaderResult"/>: <see cref="Load"/> queues the key and
/// returns a pending result; the execution strategy asks for results only once every other node is pending, and the
/// first ask fetches all queued keys in one query (in chunks of <see cref="MaxBatchSize"/>). Results are cached by key
/// for the request. Register loaders as scoped services.
/// </summary>
public abstract class BatchLoader<TKey, TValue> where TKey : notnull
{
    private readonly Dictionary<TKey, TaskCompletionSource<TValue>> _results = [];
    private readonly List<TKey> _queued = [];
    private readonly SemaphoreSlim _dispatch = new(1, 1);

    /// <summary>Keys per SQL statement; keeps IN lists well under provider parameter limits.</summary>
    protected virtual int MaxBatchSize => 500;

    /// <summary>Fetches the values of <paramref name="keys"/>; a key absent from the result loads <see cref="Missing"/>.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    /// <summary>The value of a key the fetch did not return.</summary>
    protected abstract TValue Missing { get; }

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_results)
        {
            if (!_results.TryGetValue(key, out var completion))
            {
                completion = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
                _results[key] = completion;
                _queued.Add(key);
            }
            return new Pending(this, completion.Task);
        }
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        await _dispatch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                List<TKey> batch;
                lock (_results)
                {
                    if (_queued.Count == 0) return;
                    batch = _queued.Take(MaxBatchSize).ToList();
                    _queued.RemoveRange(0, batch.Count);
                }
                await FetchBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _dispatch.Release();
        }
    }

    private async Task FetchBatchAsync(List<TKey> batch, CancellationToken cancellationToken)
    {
        List<TaskCompletionSource<TValue>> completions;
        lock (_results) completions = batch.Select(k => _results[k]).ToList();
        try
        {
            var values = await FetchAsync(batch, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
                completions[i].TrySetResult(values.TryGetValue(batch[i], out var value) ? value : Missing);
        }
        catch (Exception ex)
        {
            foreach (var completion in completions) completion.TrySetException(ex);
        }
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, Task<TValue> result) : IDataLoaderResult<TValue>
    {
        public async Task<TValue> GetResultAsync(CancellationToken cancellationToken = default)
        {
            if (!result.IsCompleted) await loader.DispatchAsync(cancellationToken).ConfigureAwait(false);
            return await result.ConfigureAwait(false);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken)
            => await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A loader whose keys map to lists (e.g. the sites of organisms); a missing key loads an empty list.</summary>
public abstract class BatchListLoader<TKey, TValue> : BatchLoader<TKey, IReadOnlyList<TValue>> where TKey : notnull
{
    protected override IReadOnlyList<TValue> Missing => [];

    protected static IReadOnlyDictionary<TKey, IReadOnlyList<TValue>> Group(IEnumerable<TValue> values, Func<TValue, TKey> key)
        => values.GroupBy(key).ToDictionary(g => g.Key, g => (IReadOnlyList<TValue>)g.ToList());
}

/// <summary>A loader of single entities by key; a missing key loads null.</summary>
public abstract class BatchEntityLoader<TKey, TValue> : BatchLoader<TKey, TValue?> where TKey : notnull where TValue : class
{
    protected override TValue? Missing => null;
}

/// <summary>Chains a transformation onto a pending loader result without resolving it early.</summary>
public static class DataLoaderResultExtensions
{
    /// <summary>A result already known, for resolvers that only sometimes need a loader.</summary>
    public static IDataLoaderResult<T> Completed<T>(T value) => new Known<T>(value);

    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> transform)
        => new Chained<T, TResult>(result, transform);

    private sealed class Known<T>(T value) : IDataLoaderResult<T>
    {
        public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
    }

    private sealed class Chained<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> transform) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default)
            => transform(await inner.GetResultAsync(cancellationToken).ConfigureAwait(false));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken)
            => await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
