using Clea.Data.Common;
using Clea.Data.Habilitations;
using Clea.Data.Referentials;
using Clea.Data.Registry;
using Clea.Graph.Common;
using Clea.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace Clea.Graph.Registry;

/// <summary>The public registry: search organisms, look one up by SIREN, a site by SIRET.</summary>
public sealed class RegistryQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<OrganismConnectionType>>("organisms")
            .Description("Search the public registry. Defaults to organisms currently habilitated, by name. `first`/`last` at most 100.")
            .AllowAnonymous()
            .Argument<OrganismFilterInput>("where")
            .Argument<ListGraphType<NonNullGraphType<OrganismOrderInput>>>("order")
            .Paging()
            .ResolveAsync(async ctx => await SearchAsync(ctx));

        query.Field<OrganismType>("organism")
            .Description("An organism by SIREN; null when unknown, or not public yet (no decided habilitation) and outside the caller's scope. A malformed SIREN is an error (INVALID_SIREN).")
            .AllowAnonymous()
            .Argument<NonNullGraphType<StringGraphType>>("siren")
            .ResolveAsync(async ctx =>
            {
                var siren = Siren.Parse(ctx.GetArgument<string>("siren"));
                return await ctx.Service<PublicRegistry>().OrganismAsync(siren, ctx.CancellationToken);
            });

        query.Field<SiteType>("site")
            .Description("A site by SIRET (closed sites too, with `closedOn`); null when unknown or its organism is not public yet and outside the caller's scope. A malformed SIRET is an error (INVALID_SIRET).")
            .AllowAnonymous()
            .Argument<NonNullGraphType<StringGraphType>>("siret")
            .ResolveAsync(async ctx =>
            {
                var siret = Siret.Parse(ctx.GetArgument<string>("siret"));
                return await ctx.Service<PublicRegistry>().SiteAsync(siret, ctx.CancellationToken);
            });
    }

    private static async Task<ConnectionPage<Organism>> SearchAsync(IResolveFieldContext ctx)
    {
        var page = PageRequest.From(ctx);
        var filter = ctx.GetArgument<OrganismFilter?>("where") ?? new OrganismFilter();
        var order = ctx.GetArgument<List<OrganismOrder>?>("order") ?? [];
        // Refused before any SQL: every word is a predicate.
        if (!OrganismSearch.IsWithinBounds(filter.Search))
            throw GraphErrors.Argument(GraphErrors.SearchTooLong,
                $"`search` takes at most {OrganismSearch.MaxTextLength} characters and {OrganismSearch.MaxWords} words.");
        var search = await ToSearchAsync(ctx.Service<IReferenceCatalog>(), filter, ctx.Today(), ctx.CancellationToken) with
        {
            IncludeUndecided = await ctx.Service<Clea.Data.Habilitations.PendingApplications>().SeesAllAsync(),
        };
        var lookups = ctx.Service<RegistryLookups>();
        var rows = lookups.Search(search)
            .Select(o => new OrganismRow { Organism = o, LastDecisionOn = o.Habilitations.Max(h => h.DecidedOn) ?? DateOnly.MinValue });
        var (keys, ordering) = OrganismRow.SortKeys(order);
        // The total comes from the shared cache when counted at the registry version the page's statement reads.
        var result = await KeysetPaging.PageAsync(rows, keys, ordering, page, ctx.CancellationToken,
            version: ctx.SubFields?.ContainsKey("totalCount") == true ? lookups.Version : null);
        return ConnectionPage<Organism>.From(result, r => r.Organism, ct => lookups.TotalAsync(search, result.Version, ct));
    }

    private static async Task<OrganismSearch> ToSearchAsync(IReferenceCatalog reference, OrganismFilter filter, DateOnly today, CancellationToken ct)
    {
        if (filter.Region is { } region) await reference.RequireRegionAsync(region, ct);
        if (filter.Department is { } department) await reference.RequireDepartmentAsync(department, ct);
        if (filter.Instance is { } instance) await reference.RequireInstanceAsync(instance, ct);
        return new OrganismSearch
        {
            RegionCode = filter.Region,
            DepartmentCode = filter.Department,
            PostalCode = filter.PostalCode,
            Certification = filter.Certification,
            Status = filter.AnyStatus == true ? null : filter.Status ?? HabilitationStatus.Active,
            InstanceCode = filter.Instance,
            Qualiopi = filter.Qualiopi,
            Text = filter.Search,
            On = filter.On ?? today,
        };
    }
}

public sealed class OrganismConnectionType() : ConnectionGraphType<OrganismType, OrganismEdgeType, Organism>("Organism");

public sealed class OrganismEdgeType() : EdgeGraphType<OrganismType, Organism>("Organism");

/// <summary>An organism with the sort keys computed in SQL.</summary>
public sealed class OrganismRow
{
    public Organism Organism { get; init; } = null!;
    public DateOnly LastDecisionOn { get; init; }

    internal static (IReadOnlyList<SortKey<OrganismRow>> Keys, string Ordering) SortKeys(IReadOnlyList<OrganismOrder> order)
    {
        if (order.Select(o => o.Field).Distinct().Count() != order.Count)
            throw GraphErrors.Argument(GraphErrors.InvalidArguments, "Each order field may appear once.");
        var keys = new List<SortKey<OrganismRow>>();
        foreach (var o in order.Count == 0 ? [new OrganismOrder { Field = OrganismOrderField.Name }] : order)
        {
            var descending = o.Direction == SortDirection.Desc;
            keys.Add(o.Field switch
            {
                OrganismOrderField.Name => new SortKey<OrganismRow, string>(r => r.Organism.NameSearch) { Descending = descending },
                _ => new SortKey<OrganismRow, DateOnly>(r => r.LastDecisionOn) { Descending = descending },
            });
        }
        keys.Add(new SortKey<OrganismRow, int>(r => r.Organism.Id) { Descending = keys[0].Descending });
        var ordering = string.Join(",", (order.Count == 0 ? [new OrganismOrder()] : order).Select(o => $"{o.Field}:{o.Direction}"));
        return (keys, ordering);
    }
}
