using Clea.Data;
using Clea.Data.Instances;
using Clea.Data.Referentials;
using GraphQL.Resolvers;
using Microsoft.EntityFrameworkCore;

namespace Clea.Graph.Common;

/// <summary>
/// Reference data (référentiels, regions, départements, Instances) is small and changes only with a deployment or an
/// administrator's edit, so it is read once and served from memory: resolving a site's département or a habilitation's
/// Instance costs no SQL. <see cref="Invalidate"/> after editing it. A failed load (database down) is never kept: the
/// next caller loads again, so the API recovers by itself when the database comes back.
/// </summary>
public sealed class ReferenceData(IServiceScopeFactory scopes)
{
    private Lazy<Task<Snapshot>> _snapshot = new(() => LoadAsync(scopes));

    public sealed record Snapshot(
        IReadOnlyList<Certification> Certifications,
        IReadOnlyList<Region> Regions,
        IReadOnlyDictionary<string, Department> Departments,
        IReadOnlyList<Instance> Instances)
    {
        public IReadOnlyDictionary<string, Region> RegionsByCode { get; } = Regions.ToDictionary(r => r.Code);
        public IReadOnlyDictionary<int, Instance> InstancesById { get; } = Instances.ToDictionary(i => i.Id);
        public IReadOnlyDictionary<string, Instance> InstancesByCode { get; } = Instances.ToDictionary(i => i.Code);
    }

    /// <summary>The snapshot; <paramref name="cancellationToken"/> stops this caller's wait, not the shared load.</summary>
    public async Task<Snapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var current = _snapshot;
        try
        {
            return await current.Value.WaitAsync(cancellationToken);
        }
        catch when (current.Value.IsFaulted || current.Value.IsCanceled)
        {
            Interlocked.CompareExchange(ref _snapshot, new(() => LoadAsync(scopes)), current);
            throw;
        }
    }

    /// <summary>
    /// The snapshot without an asynchronous wait once it is loaded (every request after the first): a field resolved
    /// from it for each item of a 500-item list then costs no state machine and no task.
    /// </summary>
    public ValueTask<Snapshot> GetValueAsync(CancellationToken cancellationToken = default)
    {
        var loading = _snapshot.Value;
        return loading.IsCompletedSuccessfully ? new(loading.Result) : new(GetAsync(cancellationToken));
    }

    /// <summary>A field resolver reading the reference data (see <see cref="GetValueAsync"/>).</summary>
    public static IFieldResolver Resolver<TSource, TReturn>(Func<Snapshot, TSource, TReturn?> select)
        => new FuncFieldResolver<TSource, TReturn>(ctx =>
        {
            var snapshot = ctx.RequestServices!.GetRequiredService<ReferenceData>().GetValueAsync(ctx.CancellationToken);
            return snapshot.IsCompletedSuccessfully
                ? new ValueTask<TReturn?>(select(snapshot.Result, ctx.Source))
                : SelectAsync(snapshot, ctx.Source, select);
        });

    private static async ValueTask<TReturn?> SelectAsync<TSource, TReturn>(ValueTask<Snapshot> snapshot, TSource source, Func<Snapshot, TSource, TReturn?> select)
        => select(await snapshot, source);

    public void Invalidate() => _snapshot = new(() => LoadAsync(scopes));

    private static async Task<Snapshot> LoadAsync(IServiceScopeFactory scopes)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CleaDbContext>();
        var certifications = await db.Certifications.AsNoTracking()
            .Include(c => c.Domains).ThenInclude(d => d.SubDomains)
            .AsSplitQuery().ToListAsync();
        var regions = await db.Regions.AsNoTracking().Include(r => r.Departments).ToListAsync();
        var instances = await db.Instances.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
        return new Snapshot(
            certifications.OrderBy(c => c.Code).Select(Sorted).ToList(),
            regions.OrderBy(r => r.Code, StringComparer.Ordinal).ToList(),
            regions.SelectMany(r => r.Departments).ToDictionary(d => d.Code),
            instances);
    }

    // Include does not order children: the référentiel is shown in its published order.
    private static Certification Sorted(Certification certification)
    {
        var domains = (List<ReferentialDomain>)certification.Domains;
        domains.Sort((a, b) => a.Position.CompareTo(b.Position));
        foreach (var domain in domains) ((List<SubDomain>)domain.SubDomains).Sort((a, b) => a.Position.CompareTo(b.Position));
        return certification;
    }
}
