using Clea.Graph.Common;
using Clea.Graph.Registry;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace Clea.Graph.Schema;

/// <summary><c>node(id:)</c>: refetch any entity by its global id (Relay).</summary>
public sealed class NodeQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
        => query.Field<NodeInterface>("node")
            .Description("Any object by its global id; null when it does not exist. A malformed id is an error (INVALID_ID).")
            .AllowAnonymous()
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var id = ctx.GetArgument<string>("id");
                if (!GlobalId.TryDecode(id, out var type, out var key))
                    throw GraphErrors.Argument(GraphErrors.InvalidId, $"'{id}' is not a global id issued by this API.");
                var services = ctx.RequestServices!;
                var reference = await services.GetRequiredService<ReferenceData>().GetAsync();
                return type switch
                {
                    "Organism" when int.TryParse(key, out var n) => await Loaded(services.GetRequiredService<OrganismByIdLoader>().Load(n)),
                    "Site" when int.TryParse(key, out var n) => await Loaded(services.GetRequiredService<SiteByIdLoader>().Load(n)),
                    "Habilitation" when int.TryParse(key, out var n) => await Loaded(services.GetRequiredService<HabilitationByIdLoader>().Load(n)) is Clea.Data.Habilitations.Habilitation h
                        && await services.GetRequiredService<Habilitations.PendingApplications>().MaySeeAsync(h) ? h : null,
                    "Certification" => reference.Certifications.FirstOrDefault(c => c.Code.ToString() == key),
                    "Instance" => reference.InstancesByCode.GetValueOrDefault(key),
                    "Region" => reference.RegionsByCode.GetValueOrDefault(key),
                    "Department" => reference.Departments.GetValueOrDefault(key),
                    _ => throw GraphErrors.Argument(GraphErrors.InvalidId, $"'{id}' is not a global id issued by this API."),
                };
            });

    private static async Task<object?> Loaded<T>(IDataLoaderResult<T> result) => await result.GetResultAsync();
}
